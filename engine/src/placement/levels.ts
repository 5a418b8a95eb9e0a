/**
 * Racks and communication levels between hosts, for S-CORE's cost model.
 *
 * Source: paper 004 (Hamilton, S-CORE, ../shared/papers/004_7bdc0f42a00b8d78.txt) §3.1 and §4.2.5. The
 * communication level ℓ(u, v) of two VMs is the highest link level their traffic crosses: 0 on the same
 * host, 1 within a rack (host to ToR links), 2 when it climbs one tier further, and so on up to the core.
 * The thesis looks levels up in a pre-computed table of host locations; this module builds that table from
 * the topology: hosts are grouped by rack (the generator's `rack`, else the switch they hang from), and the
 * level between two racks is the smallest, over the shortest paths between them, of the highest link level
 * on the path (a link without a level counts as level 1). Paths never cross another host.
 */
import type { Scenario } from "../scenario.js";

export interface RackMap {
  /** Rack of each host, by `Scenario.hosts` index. */
  readonly rackOfHost: readonly number[];
  /** Name of each rack: its ToR switch, or the host itself when it hangs from nothing. */
  readonly rackNames: readonly string[];
  /** `levels[a][b]`: communication level between two different hosts in racks a and b. */
  readonly levels: readonly (readonly number[])[];
  /** The highest level any rack pair communicates at. */
  readonly maxLevel: number;
}

/** Groups the scenario's hosts into racks and finds the communication level of every rack pair. */
export function mapRacks(scenario: Scenario): RackMap {
  const adjacency = neighbours(scenario);
  const rackKeys = new Map<string, number>();
  const rackNames: string[] = [];
  const members: number[][] = [];
  const rackOfHost = scenario.hosts.map((host, hostIndex) => {
    const node = scenario.nodes[host.node];
    const uplink = adjacency[host.node]?.[0];
    const key = node?.rack !== undefined ? `rack ${node.rack}` : uplink !== undefined ? `node ${uplink.node}` : `host ${hostIndex}`;
    let rack = rackKeys.get(key);
    if (rack === undefined) {
      rack = rackNames.length;
      rackKeys.set(key, rack);
      rackNames.push(uplink !== undefined ? scenario.nodes[uplink.node]!.name : host.name);
      members.push([]);
    }
    members[rack]!.push(host.node);
    return rack;
  });
  const isHost = new Set(scenario.hosts.map((host) => host.node));
  let maxLevel = 0;
  const levels = members.map((hosts, rack) => {
    const reach = highestLevelOnShortestPaths(hosts[0]!, adjacency, isHost);
    return members.map((others, other) => {
      const target = rack === other ? others[1] : others[0];
      // A rack with one host never talks to itself across hosts; level 1 keeps the table total.
      const level = target === undefined ? 1 : reach.get(target) ?? Number.POSITIVE_INFINITY;
      if (Number.isFinite(level)) maxLevel = Math.max(maxLevel, level);
      return level;
    });
  });
  return { rackOfHost, rackNames, levels, maxLevel };
}

interface Neighbour {
  readonly node: number;
  readonly level: number;
}

function neighbours(scenario: Scenario): Neighbour[][] {
  const adjacency: Neighbour[][] = scenario.nodes.map(() => []);
  for (const link of scenario.links) {
    const level = link.level ?? 1;
    adjacency[link.a]?.push({ node: link.b, level });
    adjacency[link.b]?.push({ node: link.a, level });
  }
  return adjacency;
}

/**
 * Breadth-first search from `source`: for every reachable node, the smallest highest-link-level over the
 * shortest paths to it. Hosts other than the source end paths; they do not forward.
 */
function highestLevelOnShortestPaths(source: number, adjacency: readonly Neighbour[][], isHost: ReadonlySet<number>): Map<number, number> {
  const distance = new Map<number, number>([[source, 0]]);
  const level = new Map<number, number>([[source, 0]]);
  let frontier = [source];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const node of frontier) {
      if (node !== source && isHost.has(node)) continue;
      const depth = distance.get(node)! + 1;
      const reached = level.get(node)!;
      for (const edge of adjacency[node]!) {
        const seen = distance.get(edge.node);
        const candidate = Math.max(reached, edge.level);
        if (seen === undefined) {
          distance.set(edge.node, depth);
          level.set(edge.node, candidate);
          next.push(edge.node);
        } else if (seen === depth && candidate < level.get(edge.node)!) {
          level.set(edge.node, candidate);
        }
      }
    }
    frontier = next;
  }
  return level;
}
