/**
 * Finds what lies under an offset in the AST: the declaration, and inside it the attribute or value.
 */
import type { Attribute, Block, Declaration, Member, ReuseEntry, Span, Value, VmigFile } from "../syntax/ast.js";
import { policyBlockKind, type BlockKind } from "../check/schema.js";
import { topologyBlockKind } from "../check/generated.js";

export interface NodeAt {
  readonly declaration?: Declaration;
  /** The innermost member declaration (switch, host, link) or the declaration itself. */
  readonly owner?: Declaration | Member;
  /** The kind of the block the offset is in, when it is in one. */
  readonly blockKind?: BlockKind;
  readonly attribute?: Attribute;
  /** A row of the content reuse table, when the offset is in one. */
  readonly reuseEntry?: ReuseEntry;
  readonly value?: Value;
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function nodeAt(file: VmigFile, offset: number): NodeAt {
  const declaration = file.declarations.find((d) => contains(d, offset));
  if (!declaration) return {};
  const body = "body" in declaration ? declaration.body : undefined;
  const inner = findInBlock(body, blockKindOf(declaration), offset);
  if (declaration.kind === "migrate" && declaration.at && contains(declaration.at, offset)) {
    return { declaration, owner: declaration, value: declaration.at };
  }
  if (declaration.kind === "expect" && declaration.value && contains(declaration.value, offset)) {
    return { declaration, owner: declaration, value: declaration.value };
  }
  return { declaration, owner: inner.owner ?? declaration, ...inner };
}

/** The schema a declaration's block is checked against: a generator's, a policy choice's, a host's for `hosts`. */
function blockKindOf(declaration: Declaration): BlockKind | undefined {
  switch (declaration.kind) {
    case "policy":
      return declaration.category ? policyBlockKind(declaration.category.text, declaration.choice?.text) : undefined;
    case "topology":
      return topologyBlockKind(declaration);
    case "hosts":
      return "host";
    case "migrate":
    case "expect":
    case "import":
      return undefined;
    default:
      return declaration.kind;
  }
}

function findInBlock(block: Block | undefined, kind: BlockKind | undefined, offset: number): Omit<NodeAt, "declaration"> {
  if (!block || !contains(block, offset)) return {};
  for (const member of block.members) {
    if (!contains(member, offset)) continue;
    if (member.kind === "attribute") {
      const value = member.value && contains(member.value, offset) ? member.value : undefined;
      return { blockKind: kind, attribute: member, value };
    }
    if (member.kind === "reuse-entry") {
      const value = [member.os, member.hypervisorVersion, member.size].find((v) => v !== undefined && contains(v, offset));
      return { owner: member, blockKind: kind, reuseEntry: member, value };
    }
    const nested = "body" in member ? findInBlock(member.body, member.kind, offset) : {};
    return { owner: member, blockKind: nested.blockKind ?? kind, ...nested };
  }
  return { blockKind: kind };
}
