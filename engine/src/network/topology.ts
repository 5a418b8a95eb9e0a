/**
 * The network graph built from a scenario's nodes and links.
 *
 * Every full-duplex link becomes two directed links, one per direction, each with the link's whole bandwidth
 * and latency (SimGrid's SPLITDUPLEX sharing policy). Directed links are the resources flows share: link i
 * gives directed link 2i (from a to b) and 2i + 1 (from b to a).
 */
import { SimulationError } from "../errors.js";
import type { Link, NetworkNode } from "../scenario.js";

export interface DirectedLink {
  /** Index among the topology's directed links: 2 × link + (0 from a to b, 1 from b to a). */
  readonly id: number;
  /** Index of the full-duplex link in `Scenario.links`. */
  readonly link: number;
  readonly from: number;
  readonly to: number;
  readonly bandwidthBytesPerSec: number;
  readonly latencySec: number;
}

export interface Topology {
  readonly nodeCount: number;
  /** All directed links, indexed by id. */
  readonly directedLinks: readonly DirectedLink[];
  /** For each node, its outgoing directed links by increasing far-end node index, then link index. */
  readonly outgoing: readonly (readonly DirectedLink[])[];
  /**
   * The same adjacency flattened, for searches that read typed arrays rather than link objects: node v's
   * outgoing links, in `outgoing` order, are entries firstOutgoing[v] to firstOutgoing[v + 1] − 1 of
   * `outgoingTo` (their far ends) and `outgoingId` (their directed-link ids).
   */
  readonly firstOutgoing: Int32Array;
  readonly outgoingTo: Int32Array;
  readonly outgoingId: Int32Array;
}

/** Builds the directed graph; throws SimulationError when a link names a node that does not exist. */
export function buildTopology(nodes: readonly NetworkNode[], links: readonly Link[]): Topology {
  const nodeCount = nodes.length;
  const directedLinks: DirectedLink[] = [];
  const outgoing: DirectedLink[][] = nodes.map(() => []);
  links.forEach((link, index) => {
    for (const end of [link.a, link.b]) {
      if (!Number.isInteger(end) || end < 0 || end >= nodeCount) {
        throw new SimulationError(`link ${link.name} names node ${end}, which does not exist`);
      }
    }
    const forward = directed(index, 0, link.a, link.b, link);
    const backward = directed(index, 1, link.b, link.a, link);
    directedLinks.push(forward, backward);
    outgoing[link.a]!.push(forward);
    outgoing[link.b]!.push(backward);
  });
  for (const list of outgoing) list.sort((x, y) => x.to - y.to || x.link - y.link);
  const firstOutgoing = new Int32Array(nodeCount + 1);
  const outgoingTo = new Int32Array(directedLinks.length);
  const outgoingId = new Int32Array(directedLinks.length);
  let at = 0;
  outgoing.forEach((list, node) => {
    firstOutgoing[node] = at;
    for (const link of list) {
      outgoingTo[at] = link.to;
      outgoingId[at++] = link.id;
    }
  });
  firstOutgoing[nodeCount] = at;
  return { nodeCount, directedLinks, outgoing, firstOutgoing, outgoingTo, outgoingId };
}

function directed(link: number, direction: 0 | 1, from: number, to: number, data: Link): DirectedLink {
  return {
    id: 2 * link + direction,
    link,
    from,
    to,
    bandwidthBytesPerSec: data.bandwidthBytesPerSec,
    latencySec: data.latencySec,
  };
}
