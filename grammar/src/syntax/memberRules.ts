/**
 * The rules of blocks and of what they hold: nested declarations (switches, hosts, links, background
 * flows, groups), sweeps, reuse entries and `name value` attributes. Inside a block, attribute names are
 * plain identifiers; the top-level keywords end a block even when its `}` is missing, so one missing brace
 * costs one error and the rest of the file is still parsed.
 */
import type { IOrAlt } from "chevrotain";
import * as T from "./tokens.js";
import type * as A from "./ast.js";
import { ValueRules } from "./valueRules.js";
import { finish, open, type BlockFrame, type ChoiceFrame, type DeclarationFrame, type MemberFrame } from "./nodes.js";
import { hypervisorIsAttribute, namesNumberAttribute, numberAttributeKeywords, startsDatacentre, startsGroup, startsSweep } from "./gates.js";

export abstract class MemberRules extends ValueRules {
  /** `{ … }` after a declaration, into its frame's `body`. */
  protected readonly optionalBody = () => this.child(this.frame<DeclarationFrame>(), "body", this.block);

  private readonly members = {
    GATE: () =>
      (this.LA(1).tokenType !== T.Hypervisor || hypervisorIsAttribute(this.LA(3))) &&
      (!numberAttributeKeywords.has(this.LA(1).tokenType) || namesNumberAttribute(this.LA(1), this.LA(2))),
    DEF: () => {
      const f = this.frame<BlockFrame>();
      this.item(f, f.members, this.member);
    },
  };

  public block = this.rule(
    "block",
    open.block,
    (f) => {
      this.token(f, 0, T.LCurly);
      this.MANY(this.members);
      f.close = this.token(f, 0, T.RCurly);
    },
    finish.block,
  );

  private readonly memberAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.child(this.frame<ChoiceFrame<A.Member>>(), "node", this.nodeDecl) },
    { ALT: () => this.child(this.frame<ChoiceFrame<A.Member>>(), "node", this.hostDecl) },
    { ALT: () => this.child(this.frame<ChoiceFrame<A.Member>>(), "node", this.linkDecl) },
    { ALT: () => this.child(this.frame<ChoiceFrame<A.Member>>(), "node", this.backgroundDecl) },
    {
      GATE: () => startsDatacentre(this.LA(1), this.LA(2)),
      ALT: () => this.child(this.frame<ChoiceFrame<A.Member>>(), "node", this.datacentreDecl),
    },
    { GATE: () => startsGroup(this.LA(1), this.LA(2), this.LA(3)), ALT: () => this.child(this.frame<ChoiceFrame<A.Member>>(), "node", this.groupDecl) },
    {
      GATE: () => startsSweep(this.LA(1), this.LA(2)),
      ALT: () => this.child(this.frame<ChoiceFrame<A.Member>>(), "node", this.sweepDecl),
    },
    { ALT: () => this.child(this.frame<ChoiceFrame<A.Member>>(), "node", this.reuseEntry) },
    { ALT: () => this.child(this.frame<ChoiceFrame<A.Member>>(), "node", this.attribute) },
  ];

  public member = this.rule(
    "member",
    open.member,
    () => this.OR(this.memberAlternatives),
    (f) => f.node,
  );

  private readonly nodeKeywords: IOrAlt<unknown>[] = [
    { ALT: () => this.consumeInto<DeclarationFrame>("keyword", 0, T.Switch) },
    { ALT: () => this.consumeInto<DeclarationFrame>("keyword", 0, T.Router) },
  ];

  public nodeDecl = this.rule(
    "nodeDecl",
    open.nodeDecl,
    (f) => {
      this.OR(this.nodeKeywords);
      f.name = this.token(f, 0, T.Identifier);
      this.OPTION(this.optionalBody);
    },
    finish.nodeDecl,
  );

  public hostDecl = this.rule(
    "hostDecl",
    open.hostDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Host);
      f.name = this.token(f, 0, T.Identifier);
      this.OPTION(this.optionalBody);
    },
    finish.hostDecl,
  );

  /** `a -- b` after `link`. */
  private readonly linkEnds = () => {
    const f = this.frame<DeclarationFrame>();
    this.child(f, "from", this.reference);
    this.token(f, 0, T.LinkOperator);
    this.child(f, "to", this.reference, 2);
  };

  /** `link a -- b { … }`, or `link { … }`: the link defaults of a generated topology. */
  public linkDecl = this.rule(
    "linkDecl",
    open.linkDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Link);
      this.OPTION(this.linkEnds);
      this.OPTION2(this.optionalBody);
    },
    finish.linkDecl,
  );

  /** `during 0 s .. 60 s` in a background flow. */
  private readonly during = () => {
    const f = this.frame<DeclarationFrame>();
    f.during = this.token(f, 0, T.During);
    this.child(f, "since", this.value, 2);
    this.token(f, 0, T.DotDot);
    this.child(f, "until", this.value, 3);
  };

  /** `background a -> b cbr 100 Mbps during 0 s .. 60 s { … }`, inside `traffic`. */
  public backgroundDecl = this.rule(
    "backgroundDecl",
    open.backgroundDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Background);
      this.child(f, "from", this.reference);
      this.token(f, 0, T.Arrow);
      this.child(f, "to", this.reference, 2);
      f.flowKind = this.token(f, 0, T.Identifier);
      this.child(f, "amount", this.value);
      this.OPTION(this.during);
      this.OPTION2(this.optionalBody);
    },
    finish.backgroundDecl,
  );

  /** `datacentre { flows_per_vm 10 … }` inside `traffic`: paper 004's data-centre traffic generator. */
  public datacentreDecl = this.rule(
    "datacentreDecl",
    open.datacentreDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Identifier);
      this.child(f, "body", this.block);
    },
    finish.datacentreDecl,
  );

  /** `subnet lan { … }` or `domain ad1 { … }` inside a network block; the words are not keywords. */
  public groupDecl = this.rule(
    "groupDecl",
    open.groupDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Identifier);
      f.name = this.token(f, 2, T.Identifier);
      this.child(f, "body", this.block);
    },
    finish.groupDecl,
  );

  /** `, value` in a sweep. */
  private readonly nextSweepValue = () => {
    const f = this.frame<MemberFrame>();
    this.token(f, 0, T.Comma);
    this.item(f, f.values!, this.value, 2);
  };

  /** `sweep "vm.web.dirty" 1000 pages/s, 5000 pages/s` in the scenario block: an address and its values. */
  public sweepDecl = this.rule(
    "sweepDecl",
    open.sweepDecl,
    (f) => {
      f.first = this.token(f, 0, T.Identifier);
      f.second = this.token(f, 0, T.StringLiteral);
      this.item(f, f.values!, this.value);
      this.MANY(this.nextSweepValue);
    },
    finish.sweepDecl,
  );

  /** A row of paper 002's static-page table: `"ubuntu-22.04" on "xen-4.1" 300 MiB` (OS, hypervisor version, size). */
  public reuseEntry = this.rule(
    "reuseEntry",
    open.reuseEntry,
    (f) => {
      f.first = this.token(f, 0, T.StringLiteral);
      this.token(f, 0, T.On);
      f.second = this.token(f, 2, T.StringLiteral);
      this.child(f, "value", this.value);
    },
    finish.reuseEntry,
  );

  private readonly attributeNames: IOrAlt<unknown>[] = [
    { ALT: () => this.consumeInto<MemberFrame>("first", 0, T.Identifier) },
    { GATE: () => hypervisorIsAttribute(this.LA(3)), ALT: () => this.consumeInto<MemberFrame>("first", 0, T.Hypervisor) },
    // `hosts 16` (a star topology) and `on 2 s` (an on/off flow): keywords that name numeric attributes.
    { GATE: () => namesNumberAttribute(this.LA(1), this.LA(2)), ALT: () => this.consumeInto<MemberFrame>("first", 0, T.Hosts) },
    { GATE: () => namesNumberAttribute(this.LA(1), this.LA(2)), ALT: () => this.consumeInto<MemberFrame>("first", 0, T.On) },
  ];

  /**
   * `name value`. Two keywords are also attribute names: `hypervisor NAME` unless it opens a declaration
   * (`kind` or `{` follows); `hosts N` and `on T`.
   */
  public attribute = this.rule(
    "attribute",
    open.attribute,
    (f) => {
      this.OR(this.attributeNames);
      this.child(f, "value", this.value);
    },
    finish.attribute,
  );
}
