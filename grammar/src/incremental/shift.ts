/**
 * Moving the part of a syntax tree that follows an edit: every offset in it shifted in place.
 *
 * AST nodes hold their offsets in `start` and `end` (ast.ts, `Span`). The walk below visits each kind of
 * node through the fields that ast.ts gives it, rather than every property of every object: after an edit
 * near the top of a 10,000-line file it moves about 150,000 spans, and a generic walk over property names
 * took 15–25 ms there. Shifting in place rather than copying is what makes a re-parse cheap, so the tree it
 * moves belongs to the new parse from then on. grammar/test/shift.test.ts holds this walk to the generic
 * one (every `start` and `end` anywhere in the tree) on every sample, so a field added to ast.ts and
 * forgotten here fails a test.
 */
import type * as A from "../syntax/ast.js";

/** Moves every `start` and `end` of `node`'s tree (a declaration or a block member) by `delta` characters. */
export function shiftOffsets(node: A.Declaration | A.Member, delta: number): void {
  if (delta !== 0) shiftNode(node, delta);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The node itself (a declaration or a member). Its store is the one place that meets every kind of node;
 * the other spans are moved by functions of their own, each meeting one or a few shapes of object, because
 * a store that meets many shapes goes through V8's shared cache of handlers, which a check fills with its
 * own: after a check, moving the whole file took two to four times as long through one `shiftSpan`.
 */
function shiftOwn(node: A.Span, delta: number): void {
  (node as Mutable<A.Span>).start += delta;
  (node as Mutable<A.Span>).end += delta;
}

/** A keyword's span or a declared name's range: `{ start, end }` and little else. */
function shiftBare(span: A.Span | undefined, delta: number): void {
  if (span === undefined) return;
  (span as Mutable<A.Span>).start += delta;
  (span as Mutable<A.Span>).end += delta;
}

/** A word as written: a name, a unit, an operator, a modifier (`{ text, start, end }`). */
function shiftName(name: A.Name | undefined, delta: number): void {
  if (name === undefined) return;
  (name as Mutable<A.Name>).start += delta;
  (name as Mutable<A.Name>).end += delta;
}

function shiftSelector(selector: A.Selector | undefined, delta: number): void {
  if (selector === undefined) return;
  (selector as Mutable<A.Span>).start += delta;
  (selector as Mutable<A.Span>).end += delta;
}

function shiftReference(reference: A.Reference | undefined, delta: number): void {
  if (reference === undefined) return;
  (reference as Mutable<A.Reference>).start += delta;
  (reference as Mutable<A.Reference>).end += delta;
  for (const part of reference.parts) {
    (part as Mutable<A.ReferencePart>).start += delta;
    (part as Mutable<A.ReferencePart>).end += delta;
    shiftSelector(part.selector, delta);
  }
}

function shiftValue(value: A.Value | undefined, delta: number): void {
  if (value === undefined) return;
  (value as Mutable<A.Span>).start += delta;
  (value as Mutable<A.Span>).end += delta;
  if (value.kind === "number") shiftName(value.unit, delta);
  else if (value.kind === "reference") shiftReference(value.reference, delta);
}

function shiftBlock(block: A.Block | undefined, delta: number): void {
  if (block === undefined) return;
  (block as Mutable<A.Block>).start += delta;
  (block as Mutable<A.Block>).end += delta;
  for (const member of block.members) shiftNode(member, delta);
}

function shiftNode(node: A.Declaration | A.Member, delta: number): void {
  shiftOwn(node, delta);
  if (node.kind !== "attribute") shiftBare(node.keyword, delta);
  switch (node.kind) {
    case "import":
      return shiftValue(node.path, delta);
    case "scenario":
      shiftValue(node.title, delta);
      return shiftBlock(node.body, delta);
    case "topology":
      shiftName(node.name, delta);
      shiftName(node.generator, delta);
      return shiftBlock(node.body, delta);
    case "hypervisor":
      shiftName(node.name, delta);
      shiftName(node.hypervisorKind, delta);
      return shiftBlock(node.body, delta);
    case "switch":
    case "router":
    case "host":
    case "subnet":
    case "domain":
      shiftName(node.name, delta);
      return shiftBlock(node.body, delta);
    case "link":
      shiftReference(node.from, delta);
      shiftReference(node.to, delta);
      return shiftBlock(node.body, delta);
    case "vm":
      shiftName(node.name, delta);
      shiftBare(node.name?.range, delta);
      shiftReference(node.host, delta);
      return shiftBlock(node.body, delta);
    case "migrate":
      shiftReference(node.vm, delta);
      shiftName(node.any, delta);
      shiftReference(node.target, delta);
      shiftValue(node.at, delta);
      for (const modifier of node.modifiers) shiftName(modifier, delta);
      return;
    case "expect":
      shiftReference(node.subject, delta);
      shiftName(node.op, delta);
      return shiftValue(node.value, delta);
    case "hosts":
      shiftReference(node.targets, delta);
      return shiftBlock(node.body, delta);
    case "traffic":
    case "datacentre":
      return shiftBlock(node.body, delta);
    case "background":
      shiftReference(node.from, delta);
      shiftReference(node.to, delta);
      shiftName(node.flowKind, delta);
      shiftValue(node.amount, delta);
      shiftValue(node.during?.from, delta);
      shiftValue(node.during?.until, delta);
      return shiftBlock(node.body, delta);
    case "policy":
      shiftName(node.category, delta);
      shiftName(node.choice, delta);
      return shiftBlock(node.body, delta);
    case "network":
      shiftName(node.architecture, delta);
      return shiftBlock(node.body, delta);
    case "reuse-entry":
      shiftValue(node.os, delta);
      shiftValue(node.hypervisorVersion, delta);
      return shiftValue(node.size, delta);
    case "sweep":
      shiftValue(node.address, delta);
      for (const value of node.values) shiftValue(value, delta);
      return;
    case "attribute":
      shiftName(node.name, delta);
      return shiftValue(node.value, delta);
  }
}
