/**
 * SDN dynamic routing of Qin et al., paper 000 §4.2 (../shared/papers/000_13945c54d71f84e6.txt).
 *
 * The Ryu controller polls every switch port every five seconds; an edge's weight is the sum of the
 * statistics of its two ports over the last interval. When a new communication pair arrives it takes the
 * Dijkstra shortest path on those weights, and "after choosing a best route, its weight will be set to a
 * maximum value to avoid multiple connection selecting the same optimal route in an update period".
 *
 * Here an edge is a full-duplex link and its weight the bytes it carried in both directions over the last
 * complete polling interval [kP − P, kP), read from the flow model's link counters. Chosen links get
 * MAX_WEIGHT until the next poll resets every weight. Path costs compare by total weight, then hop count,
 * then the order nodes are settled (by node index), so an idle network routes by fewest hops.
 *
 * Polls are not simulator events: the counters are read when a route is asked for and just before any rate
 * changes, for every poll instant passed since, while the rates since the last change still hold; an idle
 * network therefore schedules nothing.
 */
import type { FlowNetwork } from "./flows.js";
import { routeFromTree, type Route, type Routing } from "./routing.js";
import type { Topology } from "./topology.js";

/** Paper 000 §4.2: the controller queries the port statistics every five seconds. */
export const DEFAULT_POLL_INTERVAL_SEC = 5;

/** Weight of a link already chosen in the current interval: above any byte count the model can reach. */
export const MAX_WEIGHT = 2 ** 53;

export class DynamicRouting implements Routing {
  /** Weight of each full-duplex link for the current interval. */
  private readonly weights: Float64Array;
  /** Bytes each full-duplex link had carried at the last poll. */
  private snapshot: Float64Array;
  private polled = 0;

  constructor(
    private readonly topology: Topology,
    private readonly network: FlowNetwork,
    private readonly now: () => number,
    private readonly pollIntervalSec: number = DEFAULT_POLL_INTERVAL_SEC,
  ) {
    if (!(pollIntervalSec > 0) || !Number.isFinite(pollIntervalSec)) {
      throw new RangeError(`the polling interval must be a positive number of seconds, got ${pollIntervalSec}`);
    }
    const linkCount = topology.directedLinks.length / 2;
    this.weights = new Float64Array(linkCount);
    this.snapshot = new Float64Array(linkCount);
    network.onBeforeRateChange((nowSec) => this.poll(nowSec));
  }

  /** Current weight of full-duplex link `link` (for tests and diagnostics). */
  weightOf(link: number): number {
    this.poll(this.now());
    return this.weights[link]!;
  }

  /** Routes a new pair on the least-loaded path and marks that path's links as taken for this interval. */
  route(from: number, to: number): Route | undefined {
    this.poll(this.now());
    const route = this.cheapest(from, to);
    if (route !== undefined) for (const id of route.links) this.weights[this.topology.directedLinks[id]!.link] = MAX_WEIGHT;
    return route;
  }

  /** Catches up on every poll instant up to `nowSec`; only the last two matter. */
  private poll(nowSec: number): void {
    const last = Math.floor(nowSec / this.pollIntervalSec);
    if (last <= this.polled) return;
    const previous = last - 1 === this.polled ? this.snapshot : this.countersAt((last - 1) * this.pollIntervalSec);
    const current = this.countersAt(last * this.pollIntervalSec);
    for (let link = 0; link < this.weights.length; link++) this.weights[link] = current[link]! - previous[link]!;
    this.snapshot = current;
    this.polled = last;
  }

  private countersAt(atSec: number): Float64Array {
    return Float64Array.from(this.weights, (_, link) => this.network.linkBytes(2 * link, atSec) + this.network.linkBytes(2 * link + 1, atSec));
  }

  /** Dijkstra by (weight, hops); ties settle the lower node index first and keep the first link found. */
  private cheapest(from: number, to: number): Route | undefined {
    const { nodeCount, outgoing, directedLinks } = this.topology;
    const cost = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
    const hops = new Int32Array(nodeCount);
    const via = new Int32Array(nodeCount).fill(-1);
    const settled = new Uint8Array(nodeCount);
    const queue = new NodeQueue();
    cost[from] = 0;
    queue.push(0, 0, from);
    while (queue.size > 0) {
      const node = queue.pop();
      if (settled[node] === 1) continue;
      settled[node] = 1;
      if (node === to) break;
      for (const link of outgoing[node]!) {
        if (settled[link.to] === 1) continue;
        const c = cost[node]! + this.weights[link.link]!;
        const h = hops[node]! + 1;
        if (c < cost[link.to]! || (c === cost[link.to]! && h < hops[link.to]!)) {
          cost[link.to] = c;
          hops[link.to] = h;
          via[link.to] = link.id;
          queue.push(c, h, link.to);
        }
      }
    }
    if (settled[to] === 0) return undefined;
    return routeFromTree(directedLinks, via, from, to);
  }
}

/** A binary min-heap of nodes keyed by (cost, hops, node). */
class NodeQueue {
  private readonly keys: [number, number, number][] = [];

  get size(): number {
    return this.keys.length;
  }

  push(cost: number, hops: number, node: number): void {
    const keys = this.keys;
    keys.push([cost, hops, node]);
    for (let i = keys.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!less(keys[i]!, keys[parent]!)) break;
      [keys[i], keys[parent]] = [keys[parent]!, keys[i]!];
      i = parent;
    }
  }

  pop(): number {
    const keys = this.keys;
    const top = keys[0]![2];
    const last = keys.pop()!;
    if (keys.length > 0) {
      keys[0] = last;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        let smallest = i;
        if (left < keys.length && less(keys[left]!, keys[smallest]!)) smallest = left;
        if (left + 1 < keys.length && less(keys[left + 1]!, keys[smallest]!)) smallest = left + 1;
        if (smallest === i) break;
        [keys[i], keys[smallest]] = [keys[smallest]!, keys[i]!];
        i = smallest;
      }
    }
    return top;
  }
}

function less(a: readonly [number, number, number], b: readonly [number, number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
}
