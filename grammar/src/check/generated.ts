/**
 * Generated topologies: `topology dc fattree { k 4  link { bandwidth 1 Gbps } }` becomes the engine's
 * generator call. Generation happens once per check, when names are declared, so that `dc.host[3]` can be
 * referenced anywhere; lowering reuses the result.
 */
import { fatTree, leafSpine, star, threeTier, type GeneratedTopology } from "@vmig/engine";
import type { TopologyDecl } from "../syntax/ast.js";
import { checkAttributes, type AttributeContext, type CheckedAttributes } from "./attributes.js";
import { topologyGenerators, type BlockKind } from "./schema.js";

export type GeneratorName = (typeof topologyGenerators)[number];

export function isGenerator(name: string): name is GeneratorName {
  return (topologyGenerators as readonly string[]).includes(name);
}

/** The schema of a topology's block: its generator's, or the explicit topology's. */
export function topologyBlockKind(decl: TopologyDecl): BlockKind {
  const generator = decl.generator?.text;
  return generator && isGenerator(generator) ? `topology.${generator}` : "topology";
}

/** The link-defaults block (`link { … }` without ends) of a generated topology. */
export function linkDefaults(decl: TopologyDecl) {
  return decl.body?.members.find((m) => m.kind === "link" && !m.from && !m.to);
}

/**
 * Generates the topology from its checked attributes; undefined when an attribute it needs is missing or
 * invalid (the checker reports those) or when the generator refuses the numbers (reported here).
 */
export function generate(decl: TopologyDecl, context: AttributeContext): GeneratedTopology | undefined {
  const generator = decl.generator?.text;
  if (!decl.name || !generator || !isGenerator(generator)) return undefined;
  const { attributes, link } = checkGeneratorAttributes(decl, generator, context);
  const n = attributes.numbers;
  const common = {
    prefix: `${decl.name.text}.`,
    bandwidthBytesPerSec: link.numbers.get("bandwidth"),
    latencySec: link.numbers.get("latency"),
    bufferBytes: link.numbers.get("buffer"),
    levelBandwidthBytesPerSec: [undefined, n.get("level2_bandwidth"), n.get("level3_bandwidth"), n.get("level4_bandwidth")],
  };
  try {
    return build(generator, n, common);
  } catch (e) {
    context.diagnostics.error(decl.generator!, "out-of-range", (e as Error).message);
    return undefined;
  }
}

/** Checks a generated topology's attributes and its `link { … }` defaults, reporting into `context`. */
export function checkGeneratorAttributes(decl: TopologyDecl, generator: GeneratorName, context: AttributeContext): { attributes: CheckedAttributes; link: CheckedAttributes } {
  const name = decl.name?.text ?? "?";
  const attributes = checkAttributes(`topology.${generator}`, decl.body, `topology '${name}'`, context);
  const defaults = linkDefaults(decl);
  const link = checkAttributes("link", defaults?.kind === "link" ? defaults.body : undefined, `the links of '${name}'`, context);
  return { attributes, link };
}

function build(generator: GeneratorName, n: CheckedAttributes["numbers"], common: object): GeneratedTopology | undefined {
  const need = (name: string) => n.get(name);
  switch (generator) {
    case "fattree": {
      const k = need("k");
      return k === undefined ? undefined : fatTree({ ...common, k });
    }
    case "star": {
      const hosts = need("hosts");
      return hosts === undefined ? undefined : star({ ...common, hosts });
    }
    case "leafspine": {
      const [leaves, spines, hostsPerLeaf] = [need("leaves"), need("spines"), need("hosts_per_leaf")];
      if (leaves === undefined || spines === undefined || hostsPerLeaf === undefined) return undefined;
      return leafSpine({ ...common, leaves, spines, hostsPerLeaf, oversubscription: n.get("oversubscription") });
    }
    case "threetier": {
      const [aggregations, accessPerAggregation, torsPerAccess, hostsPerRack] = ["aggregations", "access_per_aggregation", "tors_per_access", "hosts_per_rack"].map(need);
      if (aggregations === undefined || accessPerAggregation === undefined || torsPerAccess === undefined || hostsPerRack === undefined) return undefined;
      return threeTier({
        ...common,
        cores: n.get("cores"),
        aggregations,
        accessPerAggregation,
        torsPerAccess,
        hostsPerRack,
        oversubscription: { tor: n.get("tor_oversubscription"), access: n.get("access_oversubscription"), aggregation: n.get("aggregation_oversubscription") },
      });
    }
  }
}
