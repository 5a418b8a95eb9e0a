/**
 * The network of a scenario as views draw it: nodes with their kind and placement, links with their
 * bandwidth and tier. Link i of the snapshot is `Scenario.links[i]`, so the link indices of events and the
 * ratios of link-load frames index it directly.
 */
import type { TopologySnapshot } from "../results.js";
import type { Scenario } from "../scenario.js";

export function topologySnapshot(scenario: Scenario): TopologySnapshot {
  return {
    nodes: scenario.nodes.map((node) => ({
      name: node.name,
      kind: node.kind,
      ...(node.rack === undefined ? {} : { rack: node.rack }),
      ...(node.pod === undefined ? {} : { pod: node.pod }),
    })),
    links: scenario.links.map((link) => ({
      name: link.name,
      a: link.a,
      b: link.b,
      bandwidthBytesPerSec: link.bandwidthBytesPerSec,
      ...(link.level === undefined ? {} : { level: link.level }),
    })),
  };
}
