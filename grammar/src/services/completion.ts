/**
 * Completion candidates at an offset, computed from the tokens before it so that it works in a broken
 * file: the declaration keywords at the top level, the attributes of the enclosing block, names of the
 * right kind after `on`, `to`, `migrate`, `--`, and units after a number.
 */
import type { IToken } from "chevrotain";
import * as T from "../syntax/tokens.js";
import { attributeSpec, blockSchemas, expectMetrics, hypervisorKinds, policyChoices, topologyGenerators, type BlockKind, type SymbolKind } from "../check/schema.js";
import { unitsOf, type Dimension } from "../units.js";
import type { SymbolTable } from "../check/symbols.js";
import { MAX_CHECKED_BYTES } from "../check/check.js";

export type CompletionKind = "keyword" | "attribute" | "name" | "unit" | "value";

export interface Completion {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** Text to insert when it differs from the label; `${1:...}` marks snippet placeholders. */
  readonly snippet?: string;
  /** For names: the kind of declaration. */
  readonly symbolKind?: SymbolKind;
}

const topLevel: readonly Completion[] = [
  { label: "scenario", kind: "keyword", detail: "the run's name, seed and horizon", snippet: 'scenario "${1:name}" {\n\tseed ${2:1}\n\thorizon ${3:600} s\n}' },
  { label: "topology", kind: "keyword", detail: "switches, hosts and links", snippet: "topology ${1:lab} {\n\tswitch ${2:tor}\n\thost ${3:h1}\n\tlink ${3:h1} -- ${2:tor} { bandwidth ${4:1} Gbps  latency ${5:50} us }\n}" },
  { label: "hypervisor", kind: "keyword", detail: "a hypervisor profile", snippet: "hypervisor ${1:xen30} kind ${2|xen,kvm,vmware,custom|} {\n\tmax_rounds ${3:30}\n}" },
  { label: "host", kind: "keyword", detail: "a physical machine" },
  { label: "vm", kind: "keyword", detail: "a virtual machine", snippet: "vm ${1:web} on ${2:h1} {\n\tmemory ${3:1} GiB\n\tdirty ${4:2500} pages/s\n}" },
  { label: "migrate", kind: "keyword", detail: "move a VM to another host", snippet: "migrate ${1:web} to ${2:h2} at ${3:0} s" },
  { label: "expect", kind: "keyword", detail: "an assertion on the results", snippet: "expect ${1:web}.${2|downtime,total_time,bytes_sent,rounds|} < ${3:300} ms" },
  { label: "hosts", kind: "keyword", detail: "attributes for a set of hosts", snippet: "hosts ${1:dc.host[*]} { hypervisor ${2:xen30} }" },
  { label: "traffic", kind: "keyword", detail: "background traffic", snippet: "traffic {\n\tbackground ${1:a} -> ${2:b} cbr ${3:100} Mbps during ${4:0} s .. ${5:60} s\n}" },
  { label: "policy", kind: "keyword", detail: "routing, allocation, schedule or transport policy" },
];

const topologyMembers: readonly Completion[] = [
  { label: "switch", kind: "keyword", detail: "a switch" },
  { label: "router", kind: "keyword", detail: "a router" },
  { label: "host", kind: "keyword", detail: "a physical machine", snippet: "host ${1:h1} { hypervisor ${2:xen30}  memory ${3:64} GiB }" },
  { label: "link", kind: "keyword", detail: "a full-duplex link", snippet: "link ${1:h1} -- ${2:tor} { bandwidth ${3:1} Gbps  latency ${4:50} us }" },
];

const blockKeywords: Readonly<Record<string, BlockKind>> = {
  Scenario: "scenario", Topology: "topology", Switch: "switch", Router: "router", Host: "host", Hosts: "host", Link: "link",
  Hypervisor: "hypervisor", Vm: "vm", Traffic: "traffic", Background: "background",
};

export function complete(text: string, offset: number, symbols: SymbolTable): Completion[] {
  if (text.length > MAX_CHECKED_BYTES) return [];
  const tokens = T.vmigLexer.tokenize(text.slice(0, offset)).tokens;
  // A word being typed is the prefix of the candidate, not the context.
  const last = tokens[tokens.length - 1];
  const typing = last !== undefined && last.startOffset + last.image.length === offset && /^[A-Za-z_]/.test(last.image);
  const before = typing ? tokens.slice(0, -1) : tokens;
  const previous = before[before.length - 1];
  const block = enclosingBlock(before);

  if (previous) {
    switch (previous.tokenType) {
      case T.On:
        return names(symbols, ["host"]);
      case T.To:
        return names(symbols, ["host"]);
      case T.Migrate:
        return names(symbols, ["vm"]);
      case T.Expect:
        return names(symbols, ["vm"]);
      case T.LinkOperator:
        return names(symbols, ["switch", "router", "host"]);
      case T.Link:
        return block === "topology" ? names(symbols, ["switch", "router", "host"]) : [];
      case T.Kind:
        return hypervisorKinds.map((k) => ({ label: k, kind: "value" as const, detail: "hypervisor kind" }));
      case T.Dot:
        if (before[before.length - 3]?.tokenType === T.Expect) {
          return Object.entries(expectMetrics).map(([label, m]) => ({ label, kind: "attribute" as const, documentation: m.doc }));
        }
        return [];
      case T.Number:
        return units(attributeDimension(before, block));
      case T.Hypervisor:
        if (block === "host") return names(symbols, ["hypervisor"]);
        break;
      case T.Policy:
        return Object.keys(policyChoices).map((label) => ({ label, kind: "keyword" as const, detail: "policy" }));
      case T.Hosts:
        return names(symbols, ["host"]);
      case T.Identifier: {
        const beforeWord = before[before.length - 2];
        if (beforeWord?.tokenType === T.Policy) {
          return (policyChoices[previous.image] ?? []).map((label) => ({ label, kind: "value" as const, detail: `${previous.image} policy` }));
        }
        if (beforeWord?.tokenType === T.Topology) {
          return topologyGenerators.map((label) => ({ label, kind: "value" as const, detail: "topology generator" }));
        }
        const spec = block ? attributeSpec(block, previous.image) : undefined;
        if (spec?.type.kind === "enum") return spec.type.values.map((label) => ({ label, kind: "value" as const, detail: spec.name }));
        if (spec?.type.kind === "switch") return ["on", "off"].map((label) => ({ label, kind: "value" as const, detail: spec.name }));
        if (spec?.type.kind === "reference") return names(symbols, [spec.type.target]);
        break;
      }
      default:
        break;
    }
  }
  if (block === undefined) return [...topLevel];
  const attributes: Completion[] = blockSchemas[block].map((a) => ({
    label: a.name,
    kind: "attribute",
    detail: a.example,
    documentation: a.doc,
    snippet: `${a.name} ${a.example}`,
  }));
  if (block === "topology" || block.startsWith("topology.")) return [...topologyMembers, ...attributes];
  if (block === "traffic") return [{ label: "background", kind: "keyword", detail: "a background flow", snippet: "background ${1:a} -> ${2:b} ${3|cbr,udp,onoff,bulk|} ${4:100} Mbps during ${5:0} s .. ${6:60} s" }];
  return attributes;
}

function names(symbols: SymbolTable, kinds: readonly SymbolKind[]): Completion[] {
  return symbols
    .all()
    .filter((s) => kinds.includes(s.kind))
    .map((s) => ({ label: s.name, kind: "name" as const, detail: s.kind, documentation: s.doc, symbolKind: s.kind }));
}

function units(dimension: Dimension | undefined): Completion[] {
  const dimensions: Dimension[] = dimension ? [dimension] : ["size", "rate", "time", "ratio"];
  return dimensions.flatMap((d) => unitsOf(d).map((u) => ({ label: u, kind: "unit" as const, detail: d })));
}

/** The dimension of the attribute whose number precedes the cursor, when the block's schema says it. */
function attributeDimension(before: readonly IToken[], block: BlockKind | undefined): Dimension | undefined {
  const name = before[before.length - 2];
  if (!name || !block) return name?.tokenType === T.At ? "time" : undefined;
  const spec = blockSchemas[block].find((a) => a.name === name.image);
  return spec?.type.kind === "quantity" ? spec.type.dimension : undefined;
}

/** The kind of the innermost open block, found by matching braces in the tokens before the cursor. */
function enclosingBlock(tokens: readonly IToken[]): BlockKind | undefined {
  const stack: (BlockKind | undefined)[] = [];
  let opener: BlockKind | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const kind = blockKeywords[token.tokenType.name];
    if (kind) opener = kind;
    // `topology dc fattree {` and `policy routing dynamic {` open the generator's or the policy's block.
    if (token.tokenType === T.Topology && tokens[i + 2]?.tokenType === T.Identifier) {
      const generator = tokens[i + 2]!.image;
      if ((topologyGenerators as readonly string[]).includes(generator)) opener = `topology.${generator}` as BlockKind;
    }
    if (token.tokenType === T.Policy && tokens[i + 1]?.tokenType === T.Identifier && policyChoices[tokens[i + 1]!.image]) {
      opener = `policy.${tokens[i + 1]!.image}` as BlockKind;
    }
    if (token.tokenType === T.LCurly) {
      stack.push(opener);
      opener = undefined;
    } else if (token.tokenType === T.RCurly) stack.pop();
  }
  return stack[stack.length - 1];
}
