/**
 * Completion candidates at an offset, computed from the tokens before it so that it works in a broken
 * file: the declaration keywords at the top level, the attributes of the enclosing block, names of the
 * right kind after `on`, `to`, `migrate`, `--`, and units after a number.
 */
import type { IToken } from "chevrotain";
import * as T from "../syntax/tokens.js";
import { attributeSpec, blockSchemas, expectMetrics, hypervisorKinds, policies, policyBlockKind, policyChoices, topologyGenerators, type BlockKind, type SymbolKind } from "../check/schema.js";
import { unitsOf, type Dimension } from "../units.js";
import type { SymbolTable } from "../check/symbols.js";
import { MAX_CHECKED_BYTES } from "../check/check.js";
import { parse, type ParseResult } from "../syntax/parse.js";
import { countStartingBefore } from "../incremental/splice.js";
import type { VmigFile } from "../syntax/ast.js";
import { attributesOf, collectTargets } from "../check/sweepTargets.js";

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
  { label: "policy", kind: "keyword", detail: "routing, allocation, schedule, transport, content reuse or placement policy" },
];

const topologyMembers: readonly Completion[] = [
  { label: "switch", kind: "keyword", detail: "a switch" },
  { label: "router", kind: "keyword", detail: "a router" },
  { label: "host", kind: "keyword", detail: "a physical machine", snippet: "host ${1:h1} { hypervisor ${2:xen30}  memory ${3:64} GiB }" },
  { label: "link", kind: "keyword", detail: "a full-duplex link", snippet: "link ${1:h1} -- ${2:tor} { bandwidth ${3:1} Gbps  latency ${4:50} us }" },
];

const blockKeywords: Readonly<Record<string, BlockKind>> = {
  Scenario: "scenario", Topology: "topology", Switch: "switch", Router: "router", Host: "host", Hosts: "host", Link: "link",
  Hypervisor: "hypervisor", Vm: "vm", Traffic: "traffic", Background: "background", Network: "network",
};

/**
 * The candidates at `offset`. `symbols` may come from an earlier check of the document: only names and
 * kinds are read. `parsed`, the parse of `text` when the caller has it, lets a large file be lexed from a
 * few declarations before the cursor instead of from its start (see `contextStart`).
 */
export function complete(text: string, offset: number, symbols: SymbolTable, parsed?: ParseResult): Completion[] {
  if (text.length > MAX_CHECKED_BYTES) return [];
  const from = parsed ? contextStart(parsed, offset) : 0;
  const tokens = T.vmigLexer.tokenize(text.slice(from, offset)).tokens;
  // A word being typed is the prefix of the candidate, not the context.
  const last = tokens[tokens.length - 1];
  const typing = last !== undefined && from + last.startOffset + last.image.length === offset && /^[A-Za-z_]/.test(last.image);
  const before = typing ? tokens.slice(0, -1) : tokens;
  const previous = before[before.length - 1];
  const block = enclosingBlock(before);

  if (previous) {
    switch (previous.tokenType) {
      case T.On:
        if (block === "policy.content_reuse") return [hypervisorVersionSnippet];
        return names(symbols, ["host"]);
      case T.To:
        return [anyKeyword, ...names(symbols, ["host"])];
      case T.StringLiteral:
        if (block === "policy.content_reuse") return [{ label: "on", kind: "keyword", detail: "the hypervisor version of this table row" }];
        break;
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
        return Object.entries(policies).map(([label, spec]) => ({ label, kind: "keyword" as const, detail: "policy", documentation: spec.doc }));
      case T.Hosts:
        return names(symbols, ["host"]);
      case T.Identifier: {
        if (previous.image === "sweep" && block === "scenario") return sweepAddresses(parsed?.file ?? parse(text).file);
        const beforeWord = before[before.length - 2];
        if (beforeWord?.tokenType === T.Policy) {
          return Object.entries(policies[previous.image]?.choices ?? {}).map(([label, doc]) => ({ label, kind: "value" as const, detail: `${previous.image} policy`, documentation: doc }));
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
  if (block === "scenario") return [...attributes, sweepSnippet];
  if (block === "policy.content_reuse") return [reuseRowSnippet];
  if (block === "traffic") {
    return [
      { label: "background", kind: "keyword", detail: "a background flow", snippet: "background ${1:a} -> ${2:b} ${3|cbr,udp,onoff,bulk|} ${4:100} Mbps during ${5:0} s .. ${6:60} s" },
      { label: "datacentre", kind: "keyword", detail: "paper 004's data-centre traffic generator", snippet: "datacentre {\n\tflows_per_vm ${1:10}\n\tintra_rack ${2:80} %\n\thotspots ${3:20} %\n}" },
    ];
  }
  return attributes;
}

/** `sweep "ADDRESS" V1, V2` in the scenario block (docs/sweep.md). */
const sweepSnippet: Completion = { label: "sweep", kind: "keyword", detail: "values for `vmig sweep`", snippet: 'sweep "${1:vm.web.dirty}" ${2:1000 pages/s}, ${3:5000 pages/s}' };

/** Every address a sweep can set in `file`, quoted as the sweep writes it. */
function sweepAddresses(file: VmigFile): Completion[] {
  return collectTargets(file).flatMap((target) =>
    attributesOf(target).map((attribute) => {
      const spec = target.kind === "block" ? attributeSpec(target.blockKind, attribute) : undefined;
      return { label: `"${target.address}.${attribute}"`, kind: "value" as const, detail: spec?.example ?? "a time", ...(spec ? { documentation: spec.doc } : {}) };
    }),
  );
}

/** A row of paper 002's static-page table, the only member of `policy content_reuse static_content { … }`. */
const reuseRowSnippet: Completion = {
  label: '"OS" on "hypervisor version" size',
  kind: "value",
  detail: "a row of the static-page table",
  documentation: "Static pages of VMs running this OS image on this hypervisor version: skipped in round 0 when the destination runs such a VM (paper 002).",
  snippet: '"${1:ubuntu-22.04}" on "${2:xen-4.1}" ${3:300} MiB',
};

const hypervisorVersionSnippet: Completion = { label: '"hypervisor version"', kind: "value", detail: "a hypervisor profile's version", snippet: '"${1:xen-4.1}" ${2:300} MiB' };

const anyKeyword: Completion = {
  label: "any",
  kind: "keyword",
  detail: "let the placement policy choose among hosts",
  documentation: "`migrate web to any dc.host[*]`: `policy placement similarity` picks the destination (paper 002).",
  snippet: "any ${1:dc.host[*]}",
};

/**
 * Where lexing may start and still see everything completion reads before `offset`: in a file that parsed
 * without error, a declaration starts outside any block, and every declaration has at least two tokens, so
 * starting three declarations back keeps at least four whole tokens before the cursor's declaration
 * (completion looks three tokens back, after setting aside a word being typed). A file with errors is lexed
 * from its start, since its declarations may start inside an unclosed block.
 */
function contextStart(parsed: ParseResult, offset: number): number {
  const declarations = parsed.file.declarations;
  if (parsed.errors.length > 0) return 0;
  const before = countStartingBefore(declarations, offset);
  return before >= 3 ? declarations[before - 3]!.start : 0;
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
  if (block === "policy.content_reuse") return "size";
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
    // A category with a schema per choice (`policy placement s-core {`) opens the choice's block.
    if (token.tokenType === T.Policy && tokens[i + 1]?.tokenType === T.Identifier && policyChoices[tokens[i + 1]!.image]) {
      const choice = tokens[i + 2];
      const written = choice?.tokenType === T.Identifier || choice?.tokenType === T.HyphenatedWord ? choice.image : undefined;
      opener = policyBlockKind(tokens[i + 1]!.image, written);
    }
    // `datacentre {` inside a traffic block opens the generator's block (paper 004).
    if (token.tokenType === T.Identifier && token.image === "datacentre" && tokens[i + 1]?.tokenType === T.LCurly) opener = "datacentre";
    // `subnet NAME {` and `domain NAME {` inside a network block (paper 001).
    if (token.tokenType === T.Identifier && (token.image === "subnet" || token.image === "domain") && tokens[i + 2]?.tokenType === T.LCurly) opener = token.image;
    if (token.tokenType === T.LCurly) {
      stack.push(opener);
      opener = undefined;
    } else if (token.tokenType === T.RCurly) stack.pop();
  }
  return stack[stack.length - 1];
}
