/**
 * Routing: which directed links a transfer between two nodes crosses.
 *
 * `Routing` is the seam between the flow model and the strategies: static shortest-path routing by hop
 * count (here), ECMP (./ecmp.ts) and the SDN dynamic routing of paper 000 §4.2 (./dynamicRouting.ts,
 * ../shared/papers/000_13945c54d71f84e6.txt). Shortest path is a breadth-first search that visits each
 * node's neighbours by increasing node index (then link index), so among equally short paths the one found
 * first in that order is always chosen.
 */
import type { Topology } from "./topology.js";

/** A path through the network. */
export interface Route {
  /** Directed-link ids, from the source outwards. */
  readonly links: readonly number[];
  /** Sum of the links' latencies, in seconds. */
  readonly latencySec: number;
  /** Smallest bandwidth along the path (the uncontended rate), in bytes per second; +Infinity when empty. */
  readonly bottleneckBytesPerSec: number;
}

export interface Routing {
  /**
   * The route from node `from` to node `to`, or undefined when no path connects them. `flow` identifies the
   * connection (a migration's index, a background source's −(index + 1)) for strategies that spread flows.
   */
  route(from: number, to: number, flow?: number): Route | undefined;
}

/** Static shortest-path routing by hop count; routes are computed once per node pair and cached. */
export class ShortestPathRouting implements Routing {
  private readonly cache = new Map<number, Route | undefined>();

  constructor(private readonly topology: Topology) {}

  route(from: number, to: number): Route | undefined {
    const key = from * this.topology.nodeCount + to;
    if (!this.cache.has(key)) this.cache.set(key, shortestPath(this.topology, from, to));
    return this.cache.get(key);
  }
}

/**
 * Scratch space shared by every search, grown to the largest topology seen (the engine is single-threaded and
 * a search calls nothing that searches again). A node has been seen by the current search when its stamp
 * equals `search`, so no array is allocated or cleared per search.
 */
let stamps = new Uint32Array(0);
let reachedBy = new Int32Array(0);
let queue = new Int32Array(0);
let search = 0;

/**
 * Breadth-first search for the fewest-hops path; undefined when `to` cannot be reached from `from`. The search
 * stops as soon as it reaches `to`: the link it was first reached through is the one a complete search
 * would have kept, so the route is the same.
 */
export function shortestPath(topology: Topology, from: number, to: number): Route | undefined {
  const nodes = topology.nodeCount;
  if (stamps.length < nodes) {
    stamps = new Uint32Array(nodes);
    reachedBy = new Int32Array(nodes);
    queue = new Int32Array(nodes);
    search = 0;
  }
  if (++search === 0xffffffff) {
    stamps.fill(0);
    search = 1;
  }
  let tail = 0;
  queue[tail++] = from;
  stamps[from] = search;
  let found = from === to;
  const { firstOutgoing, outgoingTo, outgoingId } = topology;
  for (let head = 0; head < tail && !found; head++) {
    const node = queue[head]!;
    const first = firstOutgoing[node]!;
    const end = firstOutgoing[node + 1]!;
    // `to` is reached from the first node whose links lead to it, through the first such link: a node's
    // links are sorted by far end, so one binary search finds it without scanning (a switch with
    // thousands of hosts would otherwise be scanned up to `to` on every search).
    const direct = firstLinkTo(outgoingTo, first, end, to);
    if (direct >= 0) {
      reachedBy[to] = outgoingId[direct]!;
      found = true;
      break;
    }
    for (let l = first; l < end; l++) {
      const next = outgoingTo[l]!;
      if (stamps[next] === search) continue;
      stamps[next] = search;
      reachedBy[next] = outgoingId[l]!;
      queue[tail++] = next;
    }
  }
  if (!found) return undefined;
  return routeFromTree(topology.directedLinks, reachedBy, from, to);
}

/** The first index in [first, end) of the sorted `farEnds` that holds `to`, or −1. */
function firstLinkTo(farEnds: Int32Array, first: number, end: number, to: number): number {
  let low = first;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (farEnds[middle]! < to) low = middle + 1;
    else high = middle;
  }
  return low < end && farEnds[low] === to ? low : -1;
}

/**
 * The route from `from` to `to` in a tree of paths, where `reachedBy[node]` is the directed link a search
 * reached the node through: the links in order, their total latency and the narrowest bandwidth.
 */
export function routeFromTree(directedLinks: Topology["directedLinks"], reachedBy: ArrayLike<number>, from: number, to: number): Route {
  const links: number[] = [];
  let latencySec = 0;
  let bottleneckBytesPerSec = Number.POSITIVE_INFINITY;
  for (let node = to; node !== from; ) {
    const link = directedLinks[reachedBy[node]!]!;
    links.push(link.id);
    latencySec += link.latencySec;
    bottleneckBytesPerSec = Math.min(bottleneckBytesPerSec, link.bandwidthBytesPerSec);
    node = link.from;
  }
  links.reverse();
  return { links, latencySec, bottleneckBytesPerSec };
}
