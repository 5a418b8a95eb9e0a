/**
 * What sending a migration stream costs on top of the bytes themselves, in KVM's `exec` mode and over XIA's
 * chunks: paper 001 (Zhang et al., "Control Protocol and Self-adaptive Mechanism for Live Virtual Machine
 * Migration over XIA", ../shared/papers/001_8f5b642fc8edd1eb.txt).
 *
 * `exec` (§3.2): QEMU writes the stream to standard output and a relay program copies it to the network;
 * the relay reads a buffer, then blocks writing it, so its copy does not overlap the transfer and each byte
 * costs 1 / relay rate on top of 1 / network rate. After the last byte, the destination QEMU starts loading
 * the VM only once the relays have closed their pipes (`execHandoverSec`), which adds to the downtime.
 *
 * `xia-chunk` (§4.1, Fig. 3): the relay cuts the stream into chunks named by their content ID (a hash of the
 * chunk). Per window of w chunks the sender publishes them (each costs `chunkSec` of hashing and cache
 * insertion), notifies the receiver of their CIDs over STREAM (one-way latency L), the receiver requests
 * them (L), the chunks come back (L plus their bytes at the network rate) and the receiver acknowledges
 * the window (L). Every request crosses the XIA routers on the path, and each searches its chunk cache
 * before forwarding it (§5.2): a lookup costs `lookupSec` plus `scanSecPerChunk` per chunk already cached,
 * and each router caches every chunk it forwards, up to its capacity. When the stream ends the sender
 * sends DONE over STREAM (L), which the destination waits for before resuming the VM.
 *
 * So a round of B bytes on the wire, n = ⌈B / C⌉ chunks in W = ⌈n / w⌉ windows, taking L + B / r in the
 * fluid model, takes in addition
 *
 *   overhead(B) = B / relay  +  4·L·W − L  +  n·chunkSec  +  Σ_routers Σ_{k=F}^{F+n−1} (lookup + scan·min(k, cap))
 *
 * where F counts the chunks the routers saw before the round and cap = ⌊capacity / C⌋. The stream is cut
 * into chunks independently of pre-copy's rounds, so one instance follows a whole migration, round by round.
 */
import type { ChunkCache, XiaTransportSpec } from "../scenario.js";

/** A chunk's size when the transport policy does not say (the language's example, `chunk 8 KiB`). */
export const DEFAULT_CHUNK_BYTES = 8 * 1024;
/** Chunks requested per window when the transport policy does not say. */
export const DEFAULT_WINDOW_CHUNKS = 32;
/** Endpoint cost of one chunk when the policy does not say: 0.63 ms, fitted to paper 001's Table 1 (see docs/validation.md). */
export const DEFAULT_CHUNK_SEC = 0.00063;

/** The chunk transfer of one migration: its policy, the path's one-way latency and the caches it crosses. */
export interface ChunkPath {
  readonly spec: XiaTransportSpec;
  readonly latencySec: number;
  readonly caches: readonly ChunkCache[];
}

export interface StreamCostSpec {
  /** The relay's copy rate (`exec` and `xia-chunk`), in bytes/s; absent or +Infinity: free. */
  readonly relayBytesPerSec?: number;
  /** The chunk transfer (`xia-chunk` only). */
  readonly chunks?: ChunkPath;
}

/** The extra time of each round of one migration's stream; call `roundOverheadSec` once per round, in order. */
export class StreamCost {
  private forwardedChunks = 0;
  private readonly chunkBytes: number;
  private readonly windowChunks: number;

  constructor(private readonly spec: StreamCostSpec) {
    this.chunkBytes = spec.chunks?.spec.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    this.windowChunks = spec.chunks?.spec.windowChunks ?? DEFAULT_WINDOW_CHUNKS;
  }

  /** Chunks of the migration forwarded so far (what the routers' caches have seen). */
  get chunksSent(): number {
    return this.forwardedChunks;
  }

  /** Request windows needed for `wireBytes` (1 without chunks). */
  windowsOf(wireBytes: number): number {
    if (this.spec.chunks === undefined) return 1;
    return Math.ceil(Math.ceil(wireBytes / this.chunkBytes) / this.windowChunks);
  }

  /** Time a round of `wireBytes` spends beyond latency + bytes / rate; advances the caches' fill. */
  roundOverheadSec(wireBytes: number): number {
    if (!(wireBytes > 0)) return 0;
    const relay = this.spec.relayBytesPerSec;
    let overhead = relay === undefined || !Number.isFinite(relay) ? 0 : wireBytes / relay;
    const path = this.spec.chunks;
    if (path === undefined) return overhead;
    const chunks = Math.ceil(wireBytes / this.chunkBytes);
    const windows = Math.ceil(chunks / this.windowChunks);
    const first = this.forwardedChunks;
    overhead += 4 * path.latencySec * windows - path.latencySec;
    overhead += chunks * (path.spec.chunkSec ?? DEFAULT_CHUNK_SEC);
    for (const cache of path.caches) {
      const capacityChunks = Math.floor(cache.capacityBytes / this.chunkBytes);
      overhead += chunks * cache.lookupSec + cache.scanSecPerChunk * sumOfCapped(first, chunks, capacityChunks);
    }
    this.forwardedChunks += chunks;
    return overhead;
  }

  /** Time the end of the stream adds to the downtime beyond the profile's resume: DONE over STREAM (L). */
  get doneMessageSec(): number {
    return this.spec.chunks?.latencySec ?? 0;
  }
}

/** Σ_{k=first}^{first+count−1} min(k, cap): the cached chunks each of `count` lookups scans. */
export function sumOfCapped(first: number, count: number, cap: number): number {
  const last = first + count - 1;
  const uncapped = Math.max(0, Math.min(last, cap) - first + 1);
  return (uncapped * (2 * first + uncapped - 1)) / 2 + (count - uncapped) * cap;
}
