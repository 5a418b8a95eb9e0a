/**
 * Lowers traffic (background flows, and VM flows when an end is a VM) and policies (routing, rate
 * allocation, schedule, transport).
 */
import type { BackgroundFlow, FlowEnd, VmFlow } from "@vmig/engine";
import type { BackgroundDecl, PolicyDecl, TrafficDecl } from "../syntax/ast.js";
import { checkAttributes, checkNumber } from "./attributes.js";
import { backgroundKinds, policyBlockKind, policyChoices } from "./schema.js";
import type { ScenarioBuilder } from "./lower.js";
import type { SymbolInfo } from "./symbols.js";
import { lowerReuseTable } from "./contentReuse.js";
import { lowerDatacentre, lowerScorePlacement } from "./lowerPlacement.js";

export function lowerTraffic(builder: ScenarioBuilder, decl: TrafficDecl): void {
  checkAttributes("traffic", decl.body, "a traffic block", builder.context);
  for (const member of decl.body?.members ?? []) {
    if (member.kind === "background") lowerBackground(builder, member);
    else if (member.kind === "datacentre") lowerDatacentre(builder, member);
    else if (member.kind !== "attribute") builder.context.diagnostics.error(member.keyword, "wrong-value", `a traffic block holds 'background' flows and a 'datacentre' generator, not a ${member.kind}`);
  }
}

function lowerBackground(builder: ScenarioBuilder, decl: BackgroundDecl): void {
  const context = builder.context;
  const nodes = ["host", "switch", "router", "vm"] as const;
  const from = context.symbols.resolveMany(decl.from, nodes, "a flow's source");
  const to = context.symbols.resolveMany(decl.to, nodes, "a flow's destination");
  const attributes = checkAttributes("background", decl.body, "a background flow", context);
  const kind = decl.flowKind?.text;
  if (decl.flowKind && !(backgroundKinds as readonly string[]).includes(kind!)) {
    context.diagnostics.error(decl.flowKind, "wrong-value", `unknown traffic kind '${kind}' (expected ${backgroundKinds.join(", ")})`);
    return;
  }
  const amount = decl.amount
    ? checkNumber(decl.amount, kind === "bulk" ? { kind: "quantity", dimension: "size", positive: true } : { kind: "quantity", dimension: "rate", positive: true }, kind === "bulk" ? "a bulk flow's size" : "a flow's rate", context)
    : undefined;
  const time = { kind: "quantity", dimension: "time", min: 0 } as const;
  const startSec = decl.during?.from ? checkNumber(decl.during.from, time, "the start of 'during'", context) : 0;
  const endSec = decl.during?.until ? checkNumber(decl.during.until, time, "the end of 'during'", context) : undefined;
  if (startSec !== undefined && endSec !== undefined && endSec <= startSec) context.diagnostics.error(decl.during!.until!, "out-of-range", "'during' must end after it starts");
  const n = attributes.numbers;
  if (kind === "onoff" && (!n.has("on") || !n.has("off"))) context.diagnostics.error(decl.flowKind!, "missing-attribute", "an 'onoff' flow needs '{ on 1 s  off 1 s }'");
  if (!from || !to || amount === undefined || startSec === undefined || !kind) return;
  if (from.length !== to.length && from.length !== 1 && to.length !== 1) {
    context.diagnostics.error(decl.to!, "wrong-value", `${from.length} sources and ${to.length} destinations cannot be paired: give one of either, or as many of each`);
    return;
  }
  const count = Math.max(from.length, to.length);
  if ([...from, ...to].some((end) => end.kind === "vm")) {
    lowerVmFlows(builder, decl, { from, to, count, kind, amount, startSec, endSec, share: attributes.words.get("share"), cap: n.get("rate") });
    return;
  }
  for (let i = 0; i < count; i++) {
    const a = builder.nodeIndex.get(from[from.length === 1 ? 0 : i]!.name)!;
    const b = builder.nodeIndex.get(to[to.length === 1 ? 0 : i]!.name)!;
    const common = {
      from: a,
      to: b,
      startSec,
      ...(endSec !== undefined ? { endSec } : {}),
      share: kind === "udp" ? ("priority" as const) : ((attributes.words.get("share") as "fair" | "priority" | undefined) ?? "fair"),
    };
    const flow: BackgroundFlow =
      kind === "bulk"
        ? { ...common, kind: "bulk", bytes: amount, ...(n.has("rate") ? { rateBytesPerSec: n.get("rate")! } : {}) }
        : kind === "onoff"
          ? { ...common, kind: "onoff", rateBytesPerSec: amount, onSec: n.get("on") ?? 1, offSec: n.get("off") ?? 1, periods: (attributes.words.get("periods") as "fixed" | "exponential" | undefined) ?? "fixed" }
          : { ...common, kind: "cbr", rateBytesPerSec: amount };
    builder.background.push(flow);
  }
}

/**
 * A flow with a VM at one end at least: it follows the VM when the VM migrates (engine/src/traffic/vmFlows.ts).
 * A stream (`cbr`, `udp`) or a transfer (`bulk`); an on/off source joins nodes only.
 */
function lowerVmFlows(
  builder: ScenarioBuilder,
  decl: BackgroundDecl,
  flow: {
    readonly from: readonly SymbolInfo[];
    readonly to: readonly SymbolInfo[];
    readonly count: number;
    readonly kind: string;
    readonly amount: number;
    readonly startSec: number;
    readonly endSec: number | undefined;
    readonly share: string | undefined;
    readonly cap: number | undefined;
  },
): void {
  const context = builder.context;
  if (flow.kind === "onoff") {
    context.diagnostics.error(decl.flowKind!, "unsupported", "an 'onoff' source joins hosts or switches; a flow with a VM end is 'cbr', 'udp' or 'bulk'");
    return;
  }
  const endOf = (symbol: SymbolInfo): FlowEnd =>
    symbol.kind === "vm" ? { vm: builder.vmIndex.get(symbol.name)! } : { node: builder.nodeIndex.get(symbol.name)! };
  for (let i = 0; i < flow.count; i++) {
    const a = flow.from[flow.from.length === 1 ? 0 : i]!;
    const b = flow.to[flow.to.length === 1 ? 0 : i]!;
    if (a.name === b.name) {
      context.diagnostics.error(decl.to!, "wrong-value", `a flow from ${a.kind === "vm" ? "VM" : a.kind} '${a.name}' to itself carries nothing over the network`);
      continue;
    }
    const from = endOf(a);
    const to = endOf(b);
    if (("vm" in from && from.vm === undefined) || ("vm" in to && to.vm === undefined)) continue;
    const vmFlow: VmFlow = {
      from,
      to,
      startSec: flow.startSec,
      ...(flow.endSec !== undefined ? { endSec: flow.endSec } : {}),
      share: flow.kind === "udp" ? "priority" : ((flow.share as "fair" | "priority" | undefined) ?? "fair"),
      ...(flow.kind === "bulk" ? { bytes: flow.amount, ...(flow.cap !== undefined ? { rateBytesPerSec: flow.cap } : {}) } : { rateBytesPerSec: flow.amount }),
    };
    builder.vmFlows.push(vmFlow);
  }
}

export function lowerPolicy(builder: ScenarioBuilder, decl: PolicyDecl): void {
  const context = builder.context;
  const category = decl.category?.text;
  if (!category) return;
  const choices = policyChoices[category];
  if (!choices) {
    context.diagnostics.error(decl.category!, "wrong-value", `unknown policy '${category}' (expected ${Object.keys(policyChoices).join(", ")})`);
    return;
  }
  const choice = decl.choice?.text;
  if (!choice || !choices.includes(choice)) {
    context.diagnostics.error(decl.choice ?? decl.category!, "wrong-value", `policy ${category} needs one of ${choices.join(", ")}`);
    return;
  }
  // A category with a schema per choice (placement) names the choice in its messages.
  const blockKind = policyBlockKind(category, choice)!;
  const attributes = checkAttributes(blockKind, decl.body, blockKind === `policy.${category}` ? `policy ${category}` : `policy ${category} ${choice}`, context);
  const n = attributes.numbers;
  const already = { routing: builder.routing, allocation: builder.allocation, schedule: builder.schedule, transport: builder.transport, content_reuse: builder.contentReuse, placement: builder.placement ?? builder.scorePlacement }[category as "routing"];
  if (already) {
    context.diagnostics.error(decl.category!, "duplicate-name", `policy ${category} is already set`);
    return;
  }
  switch (category) {
    case "content_reuse": {
      const { policy, rows } = lowerReuseTable(decl, context);
      builder.contentReuse = policy;
      builder.reuseRows = rows;
      break;
    }
    case "placement":
      if (choice === "similarity") builder.placement = "similarity";
      else lowerScorePlacement(builder, decl, attributes);
      break;
    case "routing":
      builder.routing = choice === "dynamic" ? { kind: "dynamic", ...(n.has("interval") ? { pollIntervalSec: n.get("interval")! } : {}) } : { kind: choice as "shortest" | "ecmp" };
      break;
    case "allocation":
      builder.allocation =
        choice === "fair" ? { kind: "fair" } : choice === "equal" ? { kind: "equal", ...total(n) } : { kind: "optimal", ...total(n), ...(n.has("rounds") ? { rounds: n.get("rounds")! } : {}) };
      break;
    case "schedule":
      if (choice === "batched" && !n.has("size")) context.diagnostics.error(decl.choice!, "missing-attribute", "a batched schedule needs its '{ size 2 }'");
      builder.schedule = choice === "batched" ? { kind: "batched", size: n.get("size") ?? 1 } : { kind: choice as "concurrent" | "sequential" };
      break;
    case "transport":
      builder.transport =
        choice === "fluid"
          ? { kind: "fluid" }
          : choice === "xia"
          ? {
              kind: "xia",
              ...(n.has("chunk") ? { chunkBytes: n.get("chunk")! } : {}),
              ...(n.has("window") ? { windowChunks: n.get("window")! } : {}),
              ...(n.has("chunk_cost") ? { chunkSec: n.get("chunk_cost")! } : {}),
            }
          : {
              kind: "tcp",
              ...(attributes.words.has("early_notification") ? { earlyNotification: attributes.words.get("early_notification") === "on" } : {}),
              ...(n.has("min_rto") ? { minRtoSec: n.get("min_rto")! } : {}),
              ...(n.has("initial_window") ? { initialWindowSegments: n.get("initial_window")! } : {}),
              ...(n.has("tail_loss") ? { tailLossProbability: n.get("tail_loss")! } : {}),
              ...(n.has("scan") ? { scanSec: n.get("scan")! } : {}),
            };
      break;
  }
}

function total(n: ReadonlyMap<string, number>) {
  return n.has("total") ? { totalBytesPerSec: n.get("total")! } : {};
}
