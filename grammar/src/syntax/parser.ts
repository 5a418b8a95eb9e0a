/**
 * The .vmig parser: a Chevrotain parser with error recovery whose rules build the AST directly.
 *
 * One instance is built once and reused (Chevrotain analyses the grammar in the constructor). Rules are
 * typed class fields, so a misspelt rule name is a compile error. The grammar is layered: values and
 * references (valueRules.ts), blocks and their members (memberRules.ts), and here the file and its
 * top-level declarations. Each rule fills a frame that becomes its node (nodes.ts); actions.ts keeps the
 * nodes that error recovery leaves half-parsed.
 */
import type { IOrAlt, TokenType } from "chevrotain";
import * as T from "./tokens.js";
import type * as A from "./ast.js";
import { errorMessageProvider } from "./errors.js";
import { MemberRules } from "./memberRules.js";
import { startsAny } from "./gates.js";
import { finish, open, type ChoiceFrame, type DeclarationFrame, type ListFrame } from "./nodes.js";

export class VmigParser extends MemberRules {
  constructor(recoveryEnabled = true) {
    super(T.allTokens as TokenType[], { recoveryEnabled, maxLookahead: 3, errorMessageProvider });
    this.performSelfAnalysis();
  }

  private readonly declarations = () => {
    const f = this.frame<ListFrame<A.Declaration>>();
    this.item(f, f.items, this.declaration);
  };

  public file = this.rule("file", open.file, () => this.MANY(this.declarations), (f) => f.items);

  /** `network xia { domain ad1 { … } … }`: the network architecture (paper 001). */
  public networkDecl = this.rule(
    "networkDecl",
    open.networkDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Network);
      f.architecture = this.token(f, 0, T.Identifier);
      this.OPTION(this.optionalBody);
    },
    finish.networkDecl,
  );

  public importDecl = this.rule(
    "importDecl",
    open.importDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Import);
      f.string = this.token(f, 0, T.StringLiteral);
    },
    finish.importDecl,
  );

  public scenarioDecl = this.rule(
    "scenarioDecl",
    open.scenarioDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Scenario);
      f.string = this.token(f, 0, T.StringLiteral);
      this.OPTION(this.optionalBody);
    },
    finish.scenarioDecl,
  );

  /** The generator's name after a topology's: `topology dc fattree { … }`. */
  private readonly generator = () => this.consumeInto<DeclarationFrame>("generator", 2, T.Identifier);

  public topologyDecl = this.rule(
    "topologyDecl",
    open.topologyDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Topology);
      f.name = this.token(f, 0, T.Identifier);
      this.OPTION(this.generator);
      this.child(f, "body", this.block);
    },
    finish.topologyDecl,
  );

  /** `kind xen` after a hypervisor's name. */
  private readonly hypervisorKind = () => {
    this.token(this.frame(), 0, T.Kind);
    this.consumeInto<DeclarationFrame>("kind", 2, T.Identifier);
  };

  public hypervisorDecl = this.rule(
    "hypervisorDecl",
    open.hypervisorDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Hypervisor);
      f.name = this.token(f, 0, T.Identifier);
      this.OPTION(this.hypervisorKind);
      this.OPTION2(this.optionalBody);
    },
    finish.hypervisorDecl,
  );

  /** `hosts dc.host[*] { … }`: attributes for a set of hosts, typically generated ones. */
  public hostsDecl = this.rule(
    "hostsDecl",
    open.hostsDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Hosts);
      this.child(f, "targets", this.reference);
      this.child(f, "body", this.block);
    },
    finish.hostsDecl,
  );

  /** `traffic { background a -> b cbr 100 Mbps during 0 s .. 60 s … }`. */
  public trafficDecl = this.rule(
    "trafficDecl",
    open.trafficDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Traffic);
      this.child(f, "body", this.block);
    },
    finish.trafficDecl,
  );

  private readonly policyChoices: IOrAlt<unknown>[] = [
    { ALT: () => this.consumeInto<DeclarationFrame>("choice", 2, T.Identifier) },
    { ALT: () => this.consumeInto<DeclarationFrame>("choice", 0, T.HyphenatedWord) },
    // `policy schedule sequential`: the choice is also the keyword of the `migrate … sequential` modifier.
    { ALT: () => this.consumeInto<DeclarationFrame>("choice", 0, T.Sequential) },
  ];

  private readonly policyChoice = () => this.OR(this.policyChoices);

  /** `policy routing dynamic { interval 5 s }`; a choice may be hyphenated (`policy placement s-core`). */
  public policyDecl = this.rule(
    "policyDecl",
    open.policyDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Policy);
      f.category = this.token(f, 0, T.Identifier);
      this.OPTION(this.policyChoice);
      this.OPTION2(this.optionalBody);
    },
    finish.policyDecl,
  );

  public vmDecl = this.rule(
    "vmDecl",
    open.vmDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Vm);
      this.child(f, "declared", this.declaredName);
      this.token(f, 0, T.On);
      this.child(f, "host", this.reference);
      this.OPTION(this.optionalBody);
    },
    finish.vmDecl,
  );

  /** `to any dc.host[*]`: a placement policy chooses the destination among these hosts. */
  private readonly any = { GATE: () => startsAny(this.LA(1), this.LA(2)), DEF: () => this.consumeInto<DeclarationFrame>("any", 0, T.Identifier) };

  /** `at 10 s` in a migration. */
  private readonly migrationTime = () => {
    this.token(this.frame(), 0, T.At);
    this.child(this.frame<DeclarationFrame>(), "at", this.value);
  };

  private readonly modifierAlternatives: IOrAlt<unknown>[] = [T.Together, T.Sequential, T.Postcopy, T.Precopy].map((type) => ({
    ALT: () => {
      const f = this.frame<DeclarationFrame>();
      f.modifiers!.push(this.token(f, 0, type));
    },
  }));

  private readonly modifier = () => this.OR(this.modifierAlternatives);

  public migrateDecl = this.rule(
    "migrateDecl",
    open.migrateDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Migrate);
      this.child(f, "vm", this.reference);
      this.token(f, 0, T.To);
      this.OPTION3(this.any);
      this.child(f, "target", this.reference, 2);
      this.OPTION(this.migrationTime);
      this.MANY(this.modifier);
    },
    finish.migrateDecl,
  );

  private readonly comparators: IOrAlt<unknown>[] = [T.LessEqual, T.GreaterEqual, T.Less, T.Greater, T.EqualEqual].map((type) => ({
    ALT: () => this.consumeInto<DeclarationFrame>("op", 0, type),
  }));

  public expectDecl = this.rule(
    "expectDecl",
    open.expectDecl,
    (f) => {
      f.keyword = this.token(f, 0, T.Expect);
      this.child(f, "subject", this.reference);
      this.OR(this.comparators);
      this.child(f, "value", this.value);
    },
    finish.expectDecl,
  );

  private readonly declarationAlternatives: IOrAlt<unknown>[] = [
    this.importDecl,
    this.scenarioDecl,
    this.topologyDecl,
    this.hypervisorDecl,
    this.hostDecl,
    this.hostsDecl,
    this.vmDecl,
    this.migrateDecl,
    this.expectDecl,
    this.trafficDecl,
    this.policyDecl,
    this.networkDecl,
  ].map((rule) => ({ ALT: () => this.child(this.frame<ChoiceFrame<A.Declaration>>(), "node", rule) }));

  public declaration = this.rule(
    "declaration",
    open.declaration,
    () => this.OR(this.declarationAlternatives),
    (f) => f.node,
  );
}

/** The shared parser instance. */
export const parser = new VmigParser();

let strictParser: VmigParser | undefined;

/**
 * A parser without error recovery, built on first use. Recovery costs time that grows with how deeply the
 * broken text nests; for pathological input (thousands of unclosed blocks) this one stops at the first
 * error instead.
 */
export function parserWithoutRecovery(): VmigParser {
  return (strictParser ??= new VmigParser(false));
}
