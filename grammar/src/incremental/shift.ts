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

function shiftSpan(span: A.Span | undefined, delta: number): void {
  if (span === undefined) return;
  (span as Mutable<A.Span>).start += delta;
  (span as Mutable<A.Span>).end += delta;
}

function shiftReference(reference: A.Reference | undefined, delta: number): void {
  if (reference === undefined) return;
  shiftSpan(reference, delta);
  for (const part of reference.parts) {
    shiftSpan(part, delta);
    shiftSpan(part.selector, delta);
  }
}

function shiftValue(value: A.Value | undefined, delta: number): void {
  if (value === undefined) return;
  shiftSpan(value, delta);
  if (value.kind === "number") shiftSpan(value.unit, delta);
  else if (value.kind === "reference") shiftReference(value.reference, delta);
}

function shiftBlock(block: A.Block | undefined, delta: number): void {
  if (block === undefined) return;
  shiftSpan(block, delta);
  for (const member of block.members) shiftNode(member, delta);
}

function shiftNode(node: A.Declaration | A.Member, delta: number): void {
  shiftSpan(node, delta);
  if (node.kind !== "attribute") shiftSpan(node.keyword, delta);
  switch (node.kind) {
    case "import":
      return shiftValue(node.path, delta);
    case "scenario":
      shiftValue(node.title, delta);
      return shiftBlock(node.body, delta);
    case "topology":
      shiftSpan(node.name, delta);
      shiftSpan(node.generator, delta);
      return shiftBlock(node.body, delta);
    case "hypervisor":
      shiftSpan(node.name, delta);
      shiftSpan(node.hypervisorKind, delta);
      return shiftBlock(node.body, delta);
    case "switch":
    case "router":
    case "host":
    case "subnet":
    case "domain":
      shiftSpan(node.name, delta);
      return shiftBlock(node.body, delta);
    case "link":
      shiftReference(node.from, delta);
      shiftReference(node.to, delta);
      return shiftBlock(node.body, delta);
    case "vm":
      shiftSpan(node.name, delta);
      shiftSpan(node.name?.range, delta);
      shiftReference(node.host, delta);
      return shiftBlock(node.body, delta);
    case "migrate":
      shiftReference(node.vm, delta);
      shiftSpan(node.any, delta);
      shiftReference(node.target, delta);
      shiftValue(node.at, delta);
      for (const modifier of node.modifiers) shiftSpan(modifier, delta);
      return;
    case "expect":
      shiftReference(node.subject, delta);
      shiftSpan(node.op, delta);
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
      shiftSpan(node.flowKind, delta);
      shiftValue(node.amount, delta);
      shiftValue(node.during?.from, delta);
      shiftValue(node.during?.until, delta);
      return shiftBlock(node.body, delta);
    case "policy":
      shiftSpan(node.category, delta);
      shiftSpan(node.choice, delta);
      return shiftBlock(node.body, delta);
    case "network":
      shiftSpan(node.architecture, delta);
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
      shiftSpan(node.name, delta);
      return shiftValue(node.value, delta);
  }
}
