/**
 * Post-copy's cost after the switch: the pages the VM touches before the background push delivers them.
 *
 * Post-copy (Hines, Deshpande & Gopalan, "Post-copy live migration of virtual machines", VEE 2009) stops the
 * VM, sends its CPU and device state, resumes it on the destination, then sends memory by an active push
 * while the destination fetches any page the VM touches before it arrived (a remote, or network, fault).
 * The downtime is only the state transfer and the resume; the cost is a degraded period with remote faults.
 *
 * vmig's estimate of the faults: the push delivers the memory at a steady pace, so after its latency L the
 * fraction delivered at time t is p(t) = (t − L)/(T − L) until the push ends at T; the VM touches new pages
 * as its dirty model dirties them (u(t) = dirtied bytes after t, ./dirtying.ts), anywhere in memory
 * independently of the push order. A new page is missing with probability 1 − p(t), so the expected faulted
 * bytes are
 *
 *   F = ∫_0^T (1 − p(t)) du(t) = (1 / (T − L)) ∫_L^T u(t) dt        (by parts; u(0) = 0)
 *
 * and remoteFaults = F / pageBytes. Only writes are counted (the dirty model says nothing of reads), so it is a
 * lower bound; demand fetches are assumed to be part of the push's bytes (a faulted page is not pushed again),
 * and their waiting time is not added to the push. degradedSec = T.
 */
import type { DirtyModel } from "../scenario.js";
import { dirtiedBytes, dirtiedIntegral } from "./dirtying.js";

/** Expected remote faults of a push of `pushBytes` that took `durationSec` (latency `latencySec` included). */
export function expectedRemoteFaults(
  model: DirtyModel,
  memoryBytes: number,
  pushBytes: number,
  durationSec: number,
  latencySec: number,
  pageBytes: number,
): number {
  if (!(pushBytes > 0) || !(durationSec > 0) || !(pageBytes > 0)) return 0;
  const transfer = durationSec - latencySec;
  const faulted = transfer > 0
    ? (dirtiedIntegral(model, durationSec, memoryBytes) - dirtiedIntegral(model, latencySec, memoryBytes)) / transfer
    : dirtiedBytes(model, durationSec, memoryBytes);
  return Math.min(faulted, pushBytes) / pageBytes;
}
