/**
 * The abstract syntax tree of a .vmig file.
 *
 * Every node carries its offsets in the source text (`start` inclusive, `end` exclusive), never LSP ranges:
 * converting offsets to lines and characters is the server's job. A file with syntax errors still has a
 * tree; parts the parser could not recognise are simply absent (hence the optional fields).
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Name extends Span {
  readonly text: string;
}

/** Which members of a numbered family a reference part selects: `[*]`, `[3]`, `[1..3]`. */
export type Selector = Span & ({ readonly kind: "all" } | { readonly kind: "index"; readonly first: number; readonly last?: number });

/** One part of a reference: a name, optionally indexed. `text` is the name without the index. */
export interface ReferencePart extends Name {
  readonly selector?: Selector;
}

/** A dotted reference such as `web`, `vm[1..3]`, `dc.host[*]` or `web.downtime`. */
export interface Reference extends Span {
  readonly parts: readonly ReferencePart[];
  /** The reference as written, without spaces. */
  readonly text: string;
}

/** A declared name, optionally a numbered family (`web[1..3]` declares `web[1]`, `web[2]`, `web[3]`). */
export interface DeclaredName extends Name {
  readonly range?: Span & { readonly first: number; readonly last: number };
}

export type Value =
  | (Span & { readonly kind: "number"; readonly value: number; readonly unit?: Name })
  | (Span & { readonly kind: "string"; readonly value: string })
  | (Span & { readonly kind: "reference"; readonly reference: Reference });

export interface Attribute extends Span {
  readonly kind: "attribute";
  readonly name: Name;
  readonly value?: Value;
}

export interface Block extends Span {
  readonly members: readonly Member[];
  /** False when the closing brace was missing and the parser recovered. */
  readonly closed: boolean;
}

interface DeclarationBase extends Span {
  /** The span of the declaration's leading keyword. */
  readonly keyword: Span;
  /** Text of the `///` comments right before the declaration, without the slashes. */
  readonly doc?: string;
}

export interface ImportDecl extends DeclarationBase {
  readonly kind: "import";
  readonly path?: Value & { kind: "string" };
}

export interface ScenarioDecl extends DeclarationBase {
  readonly kind: "scenario";
  readonly title?: Value & { kind: "string" };
  readonly body?: Block;
}

export interface TopologyDecl extends DeclarationBase {
  readonly kind: "topology";
  readonly name?: Name;
  readonly generator?: Name;
  readonly body?: Block;
}

export interface HypervisorDecl extends DeclarationBase {
  readonly kind: "hypervisor";
  readonly name?: Name;
  readonly hypervisorKind?: Name;
  readonly body?: Block;
}

export interface NodeDecl extends DeclarationBase {
  readonly kind: "switch" | "router";
  readonly name?: Name;
  readonly body?: Block;
}

export interface HostDecl extends DeclarationBase {
  readonly kind: "host";
  readonly name?: Name;
  readonly body?: Block;
}

export interface LinkDecl extends DeclarationBase {
  readonly kind: "link";
  readonly from?: Reference;
  readonly to?: Reference;
  readonly body?: Block;
}

export interface VmDecl extends DeclarationBase {
  readonly kind: "vm";
  readonly name?: DeclaredName;
  readonly host?: Reference;
  readonly body?: Block;
}

export interface MigrateDecl extends DeclarationBase {
  readonly kind: "migrate";
  readonly vm?: Reference;
  readonly target?: Reference;
  /** `to any HOSTS`: the destination is chosen among the hosts by the placement policy. */
  readonly any?: Name;
  readonly at?: Value;
  /** `together`, `sequential`, `postcopy`, `precopy`. */
  readonly modifiers: readonly Name[];
}

/** `hosts dc.host[*] { … }`. */
export interface HostsDecl extends DeclarationBase {
  readonly kind: "hosts";
  readonly targets?: Reference;
  readonly body?: Block;
}

export interface TrafficDecl extends DeclarationBase {
  readonly kind: "traffic";
  readonly body?: Block;
}

/** `background a -> b cbr 100 Mbps during 0 s .. 60 s { … }`, inside `traffic`. */
export interface BackgroundDecl extends DeclarationBase {
  readonly kind: "background";
  readonly from?: Reference;
  readonly to?: Reference;
  readonly flowKind?: Name;
  readonly amount?: Value;
  readonly during?: { readonly from?: Value; readonly until?: Value };
  readonly body?: Block;
}

/** `policy routing dynamic { interval 5 s }`. */
export interface PolicyDecl extends DeclarationBase {
  readonly kind: "policy";
  readonly category?: Name;
  readonly choice?: Name;
  readonly body?: Block;
}

/** `network ip { … }` or `network xia { … }` (paper 001). */
export interface NetworkDecl extends DeclarationBase {
  readonly kind: "network";
  readonly architecture?: Name;
  readonly body?: Block;
}

/** `subnet NAME { … }` or `domain NAME { … }` inside a network block. */
export interface GroupDecl extends DeclarationBase {
  readonly kind: "subnet" | "domain";
  readonly name?: Name;
  readonly body?: Block;
}

export type Comparator = "<" | "<=" | ">" | ">=" | "==";

export interface ExpectDecl extends DeclarationBase {
  readonly kind: "expect";
  readonly subject?: Reference;
  readonly op?: Span & { readonly text: Comparator };
  readonly value?: Value;
}

export type Declaration =
  | ImportDecl
  | ScenarioDecl
  | TopologyDecl
  | HypervisorDecl
  | HostDecl
  | VmDecl
  | MigrateDecl
  | ExpectDecl
  | HostsDecl
  | TrafficDecl
  | PolicyDecl
  | NetworkDecl;

/** A row of paper 002's static-page table in `policy content_reuse`: `"ubuntu-22.04" on "xen-4.1" 300 MiB`. */
export interface ReuseEntry extends Span {
  readonly kind: "reuse-entry";
  /** The row's first token (its OS), where messages about the row as a whole point. */
  readonly keyword: Span;
  readonly os?: Value & { kind: "string" };
  readonly hypervisorVersion?: Value & { kind: "string" };
  readonly size?: Value;
}

/** `datacentre { … }` inside `traffic`: paper 004's data-centre traffic generator. */
export interface DatacentreDecl extends DeclarationBase {
  readonly kind: "datacentre";
  readonly body?: Block;
}

/**
 * `sweep "vm.web.dirty" 1000 pages/s, 5000 pages/s` inside `scenario`: the values `vmig sweep` gives the
 * addressed attribute (docs/sweep.md).
 */
export interface SweepDecl extends Span {
  readonly kind: "sweep";
  readonly keyword: Span;
  readonly address?: Value & { kind: "string" };
  readonly values: readonly Value[];
}

export type Member = NodeDecl | HostDecl | LinkDecl | BackgroundDecl | DatacentreDecl | ReuseEntry | GroupDecl | SweepDecl | Attribute;

export interface VmigFile {
  readonly declarations: readonly Declaration[];
}
