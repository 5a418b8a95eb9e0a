/**
 * Equal-Cost Multi-Path routing: a flow's identity, hashed, picks one of the fewest-hops paths.
 *
 * ECMP as RFC 2992 ("Analysis of an Equal-Cost Multi-Path Algorithm") and paper 004 §2.1.3
 * (../shared/papers/004_7bdc0f42a00b8d78.txt) describe it: a hash over the header fields that identify a
 * flow selects the path, so a flow never changes path while different flows spread over the equal-cost
 * paths (with collisions, since flow sizes are ignored). Here the hash of (source, destination, flow id)
 * indexes the list of all fewest-hops paths, ordered as the breadth-first search orders neighbours (by node
 * index, then link index), so every equal-cost path is equally likely and the choice is reproducible.
 * Paths are counted per destination (`paths[v]` = number of fewest-hops paths from v), never enumerated.
 */
import type { Route, Routing } from "./routing.js";
import type { DirectedLink, Topology } from "./topology.js";

export class EcmpRouting implements Routing {
  private readonly toward = new Map<number, { readonly hops: Int32Array; readonly paths: Float64Array }>();

  // The breadth-first searches (one per destination: 1,024 on a k=16 fat-tree) read the topology's flat
  // adjacency rather than link objects.
  constructor(private readonly topology: Topology) {}

  /** The path of flow `flow` from `from` to `to`; undefined when no path connects them. */
  route(from: number, to: number, flow = 0): Route | undefined {
    const { hops, paths } = this.tablesToward(to);
    if (hops[from]! < 0) return undefined;
    let index = flowHash(from, to, flow) % paths[from]!;
    const links: number[] = [];
    let latencySec = 0;
    let bottleneckBytesPerSec = Number.POSITIVE_INFINITY;
    for (let node = from; node !== to; ) {
      let next: DirectedLink | undefined;
      for (const link of this.topology.outgoing[node]!) {
        if (hops[link.to] !== hops[node]! - 1) continue;
        if (index < paths[link.to]!) {
          next = link;
          break;
        }
        index -= paths[link.to]!;
      }
      links.push(next!.id);
      latencySec += next!.latencySec;
      bottleneckBytesPerSec = Math.min(bottleneckBytesPerSec, next!.bandwidthBytesPerSec);
      node = next!.to;
    }
    return { links, latencySec, bottleneckBytesPerSec };
  }

  /** Number of fewest-hops paths from `from` to `to` (0 when unreachable). */
  pathCount(from: number, to: number): number {
    return this.tablesToward(to).paths[from]!;
  }

  /** Hops to `to` from every node (-1 when unreachable) and the number of fewest-hops paths. */
  private tablesToward(to: number): { readonly hops: Int32Array; readonly paths: Float64Array } {
    let tables = this.toward.get(to);
    if (tables !== undefined) return tables;
    const { firstOutgoing: first, outgoingTo: far } = this.topology;
    const nodeCount = this.topology.nodeCount;
    const hops = new Int32Array(nodeCount).fill(-1);
    const paths = new Float64Array(nodeCount);
    // Links are full duplex, so the hops from v to `to` equal those from `to` to v.
    const order = new Int32Array(nodeCount);
    let reached = 1;
    order[0] = to;
    hops[to] = 0;
    for (let head = 0; head < reached; head++) {
      const node = order[head]!;
      for (let l = first[node]!; l < first[node + 1]!; l++) {
        const next = far[l]!;
        if (hops[next]! >= 0) continue;
        hops[next] = hops[node]! + 1;
        order[reached++] = next;
      }
    }
    paths[to] = 1;
    for (let k = 1; k < reached; k++) {
      const node = order[k]!;
      const closer = hops[node]! - 1;
      let count = 0;
      for (let l = first[node]!; l < first[node + 1]!; l++) if (hops[far[l]!] === closer) count += paths[far[l]!]!;
      paths[node] = count;
    }
    tables = { hops, paths };
    this.toward.set(to, tables);
    return tables;
  }
}

/** A 32-bit hash of a flow's identity (MurmurHash3's finaliser over a combination of the three). */
export function flowHash(from: number, to: number, flow: number): number {
  let h = fmix(from | 0);
  h = fmix((h ^ Math.imul(to | 0, 0x9e3779b1)) >>> 0);
  h = fmix((h ^ Math.imul(flow | 0, 0x85ebca77)) >>> 0);
  return h;
}

function fmix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
