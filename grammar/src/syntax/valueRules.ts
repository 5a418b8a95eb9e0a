/**
 * The grammar's innermost rules: values (numbers with units, strings, references), declared names and
 * references. Here as in the other layers, alternatives and options are built once, not on every call,
 * and find their rule's frame through `frame()`.
 */
import type { IOrAlt } from "chevrotain";
import * as T from "./tokens.js";
import type * as A from "./ast.js";
import { ActionsParser } from "./actions.js";
import { startsUnit } from "./gates.js";
import { finish, open, type IndexedFrame, type ListFrame, type ValueFrame } from "./nodes.js";

export abstract class ValueRules extends ActionsParser {
  private readonly valueAlternatives: IOrAlt<unknown>[] = [
    {
      ALT: () => {
        this.consumeInto<ValueFrame>("number", 0, T.Number);
        this.OPTION(this.optionalUnit);
      },
    },
    { ALT: () => this.consumeInto<ValueFrame>("string", 0, T.StringLiteral) },
    { ALT: () => this.child(this.frame<ValueFrame>(), "reference", this.reference) },
    { ALT: () => this.consumeInto<ValueFrame>("word", 0, T.On) },
    { ALT: () => this.consumeInto<ValueFrame>("word", 0, T.HyphenatedWord) },
  ];

  /** A unit after a number: a known unit word, a rate with a slash, or `%`. */
  private readonly unitAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.consumeInto<ValueFrame>("unit", 0, T.Identifier) },
    { ALT: () => this.consumeInto<ValueFrame>("unit", 0, T.SlashUnit) },
    { ALT: () => this.consumeInto<ValueFrame>("unit", 0, T.Percent) },
  ];

  private readonly optionalUnit = { GATE: () => startsUnit(this.LA(1)), DEF: () => this.OR2(this.unitAlternatives) };

  public value = this.rule(
    "value",
    open.value,
    () => this.OR(this.valueAlternatives),
    finish.value,
  );

  /** `[1..3]` after a declared name. */
  private readonly declaredRange = () => {
    const f = this.frame<IndexedFrame>();
    f.open = this.token(f, 0, T.LBracket);
    f.first = this.token(f, 0, T.Number);
    this.OPTION2(this.rangeEnd);
    f.close = this.token(f, 0, T.RBracket);
  };

  /** `..3` in an index. */
  private readonly rangeEnd = () => {
    const f = this.frame<IndexedFrame>();
    this.token(f, 0, T.DotDot);
    f.last = this.token(f, 2, T.Number);
  };

  /** A declared name, optionally a numbered family: `web`, `web[1..3]`. */
  public declaredName = this.rule(
    "declaredName",
    open.declaredName,
    (f) => {
      f.name = this.token(f, 0, T.Identifier);
      this.OPTION(this.declaredRange);
    },
    finish.declaredName,
  );

  /** `.part` after a reference's first part. */
  private readonly nextPart = () => {
    const f = this.frame<ListFrame<A.ReferencePart>>();
    this.token(f, 0, T.Dot);
    this.item(f, f.items, this.referencePart, 2);
  };

  /** A reference: dotted parts, each optionally indexed: `web`, `vm[1..3]`, `dc.host[*]`, `web.downtime`. */
  public reference = this.rule(
    "reference",
    open.reference,
    (f) => {
      this.item(f, f.items, this.referencePart);
      this.MANY(this.nextPart);
    },
    finish.reference,
  );

  private readonly partNames: IOrAlt<unknown>[] = [
    { ALT: () => this.consumeInto<IndexedFrame>("name", 0, T.Identifier) },
    { ALT: () => this.consumeInto<IndexedFrame>("name", 0, T.Host) },
  ];

  private readonly selectors: IOrAlt<unknown>[] = [
    { ALT: () => this.consumeInto<IndexedFrame>("star", 0, T.Star) },
    {
      ALT: () => {
        this.consumeInto<IndexedFrame>("first", 0, T.Number);
        this.OPTION2(this.rangeEnd);
      },
    },
  ];

  /** `[*]`, `[3]` or `[1..3]` after a reference part. */
  private readonly selector = () => {
    const f = this.frame<IndexedFrame>();
    f.open = this.token(f, 0, T.LBracket);
    this.OR2(this.selectors);
    f.close = this.token(f, 0, T.RBracket);
  };

  /** One part of a reference; `host` is allowed after a dot because generated topologies name hosts so. */
  public referencePart = this.rule(
    "referencePart",
    open.referencePart,
    () => {
      this.OR(this.partNames);
      this.OPTION(this.selector);
    },
    finish.referencePart,
  );
}
