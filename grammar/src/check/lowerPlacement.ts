/**
 * Lowers paper 004's data-centre traffic generator (`traffic { datacentre { … } }`) and S-CORE placement
 * policy (`policy placement s-core { … }`), and warns when S-CORE has nothing to act on: no generated
 * traffic, or no host with room for another VM.
 */
import type { DataCentreTrafficSpec, ScorePlacementSpec, TokenPolicy } from "@vmig/engine";
import type { DatacentreDecl, PolicyDecl, Span } from "../syntax/ast.js";
import { checkAttributes, type CheckedAttributes } from "./attributes.js";
import type { DiagnosticBag } from "./diagnostics.js";
import type { ScenarioBuilder } from "./lower.js";

/** Where `policy placement s-core` was written, so that the checks after lowering can point at it. */
export interface ScorePlacementSite {
  readonly keyword: Span;
  readonly diagnostics: DiagnosticBag;
}

/** Attribute of `datacentre { … }` → field of the engine's DataCentreTrafficSpec (values already SI). */
const generatorFields: Readonly<Record<string, keyof DataCentreTrafficSpec>> = {
  flows_per_vm: "flowsPerVm",
  small_share: "smallShare",
  small_size: "smallMaxBytes",
  large_min: "largeMinBytes",
  large_size: "largeModeBytes",
  large_max: "largeMaxBytes",
  intra_rack: "intraRackShare",
  hotspots: "hotspotShare",
  hotspot_peers: "hotspotPeers",
  rack_peers: "rackCorrespondents",
  remote_peers: "remoteCorrespondents",
  window: "windowSec",
};

/** Paper 004's large-flow sizes, the defaults the order check compares explicit values with. */
const LARGE_DEFAULTS = { largeMinBytes: 100e6, largeModeBytes: 128e6, largeMaxBytes: 1e9 };

export function lowerDatacentre(builder: ScenarioBuilder, decl: DatacentreDecl): void {
  const context = builder.context;
  const attributes = checkAttributes("datacentre", decl.body, "the datacentre generator", context);
  if (builder.datacentreTraffic) {
    context.diagnostics.error(decl.keyword, "duplicate-name", "a scenario has one datacentre generator; this is the second");
    return;
  }
  const spec: Record<string, number | boolean> = {};
  for (const [attribute, field] of Object.entries(generatorFields)) {
    const value = attributes.numbers.get(attribute);
    if (value !== undefined) spec[field] = value;
  }
  if (attributes.words.get("load_network") === "on") spec.loadNetwork = true;
  const large = { ...LARGE_DEFAULTS, ...spec };
  if (!(large.largeMinBytes <= large.largeModeBytes && large.largeModeBytes <= large.largeMaxBytes)) {
    context.diagnostics.error(decl.keyword, "out-of-range", `large flows need large_min <= large_size <= large_max, got ${large.largeMinBytes / 1e6} MB, ${large.largeModeBytes / 1e6} MB, ${large.largeMaxBytes / 1e6} MB`);
    return;
  }
  builder.datacentreTraffic = spec as DataCentreTrafficSpec;
}

export function lowerScorePlacement(builder: ScenarioBuilder, decl: PolicyDecl, attributes: CheckedAttributes): void {
  const n = attributes.numbers;
  const levels = ["level1_cost", "level2_cost", "level3_cost", "level4_cost"];
  const given = levels.filter((name) => n.has(name));
  const thesis = [Math.exp(0), Math.exp(1), Math.exp(3), Math.exp(5)];
  const levelCosts = levels.map((name, i) => n.get(name) ?? thesis[i]!);
  if (given.length > 0 && levelCosts.some((cost, i) => i > 0 && !(cost > levelCosts[i - 1]!))) {
    builder.context.diagnostics.error(decl.choice!, "out-of-range", `S-CORE's link weights must increase with the level (c_1 < c_2 < c_3 < c_4), got ${levelCosts.map((c) => c.toPrecision(4)).join(", ")}`);
    return;
  }
  builder.scorePlacement = {
    token: (attributes.words.get("token") as TokenPolicy | undefined) ?? "distributed",
    iterations: n.get("iterations") ?? 5,
    ...(given.length > 0 ? { levelCosts } : {}),
    ...(n.has("migration_cost") ? { migrationCost: n.get("migration_cost")! } : {}),
    ...(n.has("migration_cost_share") ? { migrationCostShare: n.get("migration_cost_share")! } : {}),
    ...(n.has("start") ? { startSec: n.get("start")! } : {}),
  } satisfies ScorePlacementSpec;
  builder.scorePlacementSite = { keyword: decl.choice ?? decl.keyword, diagnostics: builder.context.diagnostics };
}

/** Warnings once the whole scenario is lowered: S-CORE without traffic, or without a host that has room. */
export function checkScorePlacement(builder: ScenarioBuilder): void {
  const site = builder.scorePlacementSite;
  if (!site) return;
  if (!builder.datacentreTraffic) {
    site.diagnostics.warning(site.keyword, "no-traffic", "S-CORE places VMs by the traffic between them, and this scenario has none: add 'traffic { datacentre { } }'");
  }
  const used = builder.hosts.map(() => ({ slots: 0, memory: 0 }));
  for (const vm of builder.vms) {
    used[vm.host]!.slots++;
    used[vm.host]!.memory += vm.memoryBytes;
  }
  const smallest = Math.min(...builder.vms.map((vm) => vm.memoryBytes));
  const room = builder.hosts.some((host, i) => used[i]!.slots < host.slots && used[i]!.memory + smallest <= host.memoryBytes);
  if (builder.vms.length > 0 && !room) {
    site.diagnostics.warning(site.keyword, "no-room", `S-CORE can move no VM: none of the ${builder.hosts.length} hosts has a free slot and memory for another VM`);
  }
}
