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

/** A dotted name such as `web` or `web.downtime`. */
export interface Reference extends Span {
  readonly parts: readonly Name[];
  readonly text: string;
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
  readonly name?: Name;
  readonly host?: Reference;
  readonly body?: Block;
}

export interface MigrateDecl extends DeclarationBase {
  readonly kind: "migrate";
  readonly vm?: Reference;
  readonly target?: Reference;
  readonly at?: Value;
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
  | ExpectDecl;

export type Member = NodeDecl | HostDecl | LinkDecl | Attribute;

export interface VmigFile {
  readonly declarations: readonly Declaration[];
}
