/**
 * The .vmig parser: a Chevrotain parser with error recovery whose rules build the AST directly.
 *
 * One instance is built once and reused (Chevrotain analyses the grammar in the constructor). Rules are
 * typed class fields, so a misspelt rule name is a compile error. Each rule fills a frame (nodes.ts) that
 * becomes its node; actions.ts keeps the nodes that error recovery leaves half-parsed. Inside a block,
 * attribute names are plain identifiers; the top-level keywords end a block even when its `}` is missing, so
 * one missing brace costs one error and the rest of the file is still parsed.
 */
import type { TokenType } from "chevrotain";
import * as T from "./tokens.js";
import type * as A from "./ast.js";
import { isUnitName } from "../units.js";
import { errorMessageProvider } from "./errors.js";
import { ActionsParser } from "./actions.js";
import { finish, type BlockFrame, type ChoiceFrame, type DeclarationFrame, type IndexedFrame, type ListFrame, type MemberFrame, type TokenFrame, type ValueFrame } from "./nodes.js";

/** Keywords that are also the names of numeric attributes, when a number follows them. */
const numberAttributeKeywords: ReadonlySet<TokenType> = new Set([T.Hosts, T.On]);

export class VmigParser extends ActionsParser {
  constructor(recoveryEnabled = true) {
    super(T.allTokens as TokenType[], { recoveryEnabled, maxLookahead: 3, errorMessageProvider });
    this.performSelfAnalysis();
  }

  public file = this.rule(
    "file",
    (): ListFrame<A.Declaration> => ({ start: NaN, end: NaN, items: [] }),
    (f) => this.MANY(() => this.item(f, f.items, this.declaration)),
    (f) => f.items,
  );

  public declaration = this.rule(
    "declaration",
    (): ChoiceFrame<A.Declaration> => ({ start: NaN, end: NaN, node: undefined }),
    (f) =>
      this.OR([
        { ALT: () => this.child(f, "node", this.importDecl) },
        { ALT: () => this.child(f, "node", this.scenarioDecl) },
        { ALT: () => this.child(f, "node", this.topologyDecl) },
        { ALT: () => this.child(f, "node", this.hypervisorDecl) },
        { ALT: () => this.child(f, "node", this.hostDecl) },
        { ALT: () => this.child(f, "node", this.hostsDecl) },
        { ALT: () => this.child(f, "node", this.vmDecl) },
        { ALT: () => this.child(f, "node", this.migrateDecl) },
        { ALT: () => this.child(f, "node", this.expectDecl) },
        { ALT: () => this.child(f, "node", this.trafficDecl) },
        { ALT: () => this.child(f, "node", this.policyDecl) },
        { ALT: () => this.child(f, "node", this.networkDecl) },
      ]),
    (f) => f.node,
  );

  /** `network xia { domain ad1 { … } … }`: the network architecture (paper 001). */
  public networkDecl = this.rule(
    "networkDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, architecture: undefined, body: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Network);
      f.architecture = this.token(f, 0, T.Identifier);
      this.OPTION(() => this.child(f, "body", this.block));
    },
    finish.networkDecl,
  );

  /** `subnet lan { … }` or `domain ad1 { … }` inside a network block; the words are not keywords. */
  public groupDecl = this.rule(
    "groupDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, name: undefined, body: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Identifier);
      f.name = this.token(f, 2, T.Identifier);
      this.child(f, "body", this.block);
    },
    finish.groupDecl,
  );

  public importDecl = this.rule(
    "importDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, string: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Import);
      f.string = this.token(f, 0, T.StringLiteral);
    },
    finish.importDecl,
  );

  public scenarioDecl = this.rule(
    "scenarioDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, string: undefined, body: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Scenario);
      f.string = this.token(f, 0, T.StringLiteral);
      this.OPTION(() => this.child(f, "body", this.block));
    },
    finish.scenarioDecl,
  );

  public topologyDecl = this.rule(
    "topologyDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, name: undefined, generator: undefined, body: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Topology);
      f.name = this.token(f, 0, T.Identifier);
      this.OPTION(() => (f.generator = this.token(f, 2, T.Identifier)));
      this.child(f, "body", this.block);
    },
    finish.topologyDecl,
  );

  public hypervisorDecl = this.rule(
    "hypervisorDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, name: undefined, kind: undefined, body: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Hypervisor);
      f.name = this.token(f, 0, T.Identifier);
      this.OPTION(() => {
        this.token(f, 0, T.Kind);
        f.kind = this.token(f, 2, T.Identifier);
      });
      this.OPTION2(() => this.child(f, "body", this.block));
    },
    finish.hypervisorDecl,
  );

  public nodeDecl = this.rule(
    "nodeDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, name: undefined, body: undefined }),
    (f) => {
      this.OR([{ ALT: () => (f.keyword = this.token(f, 0, T.Switch)) }, { ALT: () => (f.keyword = this.token(f, 0, T.Router)) }]);
      f.name = this.token(f, 0, T.Identifier);
      this.OPTION(() => this.child(f, "body", this.block));
    },
    finish.nodeDecl,
  );

  public hostDecl = this.rule(
    "hostDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, name: undefined, body: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Host);
      f.name = this.token(f, 0, T.Identifier);
      this.OPTION(() => this.child(f, "body", this.block));
    },
    finish.hostDecl,
  );

  /** `link a -- b { … }`, or `link { … }`: the link defaults of a generated topology. */
  public linkDecl = this.rule(
    "linkDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, from: undefined, to: undefined, body: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Link);
      this.OPTION(() => {
        this.child(f, "from", this.reference);
        this.token(f, 0, T.LinkOperator);
        this.child(f, "to", this.reference, 2);
      });
      this.OPTION2(() => this.child(f, "body", this.block));
    },
    finish.linkDecl,
  );

  /** `hosts dc.host[*] { … }`: attributes for a set of hosts, typically generated ones. */
  public hostsDecl = this.rule(
    "hostsDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, targets: undefined, body: undefined }),
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
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, body: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Traffic);
      this.child(f, "body", this.block);
    },
    finish.trafficDecl,
  );

  public backgroundDecl = this.rule(
    "backgroundDecl",
    (): DeclarationFrame => ({
      start: NaN,
      end: NaN,
      keyword: undefined,
      from: undefined,
      to: undefined,
      flowKind: undefined,
      amount: undefined,
      during: undefined,
      since: undefined,
      until: undefined,
      body: undefined,
    }),
    (f) => {
      f.keyword = this.token(f, 0, T.Background);
      this.child(f, "from", this.reference);
      this.token(f, 0, T.Arrow);
      this.child(f, "to", this.reference, 2);
      f.flowKind = this.token(f, 0, T.Identifier);
      this.child(f, "amount", this.value);
      this.OPTION(() => {
        f.during = this.token(f, 0, T.During);
        this.child(f, "since", this.value, 2);
        this.token(f, 0, T.DotDot);
        this.child(f, "until", this.value, 3);
      });
      this.OPTION2(() => this.child(f, "body", this.block));
    },
    finish.backgroundDecl,
  );

  /** `datacentre { flows_per_vm 10 … }` inside `traffic`: paper 004's data-centre traffic generator. */
  public datacentreDecl = this.rule(
    "datacentreDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, body: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Identifier);
      this.child(f, "body", this.block);
    },
    finish.datacentreDecl,
  );

  /** `policy routing dynamic { interval 5 s }`; a choice may be hyphenated (`policy placement s-core`). */
  public policyDecl = this.rule(
    "policyDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, category: undefined, choice: undefined, body: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Policy);
      f.category = this.token(f, 0, T.Identifier);
      this.OPTION(() =>
        this.OR([
          { ALT: () => (f.choice = this.token(f, 2, T.Identifier)) },
          { ALT: () => (f.choice = this.token(f, 0, T.HyphenatedWord)) },
          // `policy schedule sequential`: the choice is also the keyword of the `migrate … sequential` modifier.
          { ALT: () => (f.choice = this.token(f, 0, T.Sequential)) },
        ]),
      );
      this.OPTION2(() => this.child(f, "body", this.block));
    },
    finish.policyDecl,
  );

  public vmDecl = this.rule(
    "vmDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, declared: undefined, host: undefined, body: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Vm);
      this.child(f, "declared", this.declaredName);
      this.token(f, 0, T.On);
      this.child(f, "host", this.reference);
      this.OPTION(() => this.child(f, "body", this.block));
    },
    finish.vmDecl,
  );

  public migrateDecl = this.rule(
    "migrateDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, vm: undefined, any: undefined, target: undefined, at: undefined, modifiers: [] }),
    (f) => {
      f.keyword = this.token(f, 0, T.Migrate);
      this.child(f, "vm", this.reference);
      this.token(f, 0, T.To);
      // `to any dc.host[*]`: a placement policy chooses the destination among these hosts.
      this.OPTION3({ GATE: () => this.startsAny(), DEF: () => (f.any = this.token(f, 0, T.Identifier)) });
      this.child(f, "target", this.reference, 2);
      this.OPTION(() => {
        this.token(f, 0, T.At);
        this.child(f, "at", this.value);
      });
      this.MANY(() => {
        this.OR([
          { ALT: () => f.modifiers!.push(this.token(f, 0, T.Together)) },
          { ALT: () => f.modifiers!.push(this.token(f, 0, T.Sequential)) },
          { ALT: () => f.modifiers!.push(this.token(f, 0, T.Postcopy)) },
          { ALT: () => f.modifiers!.push(this.token(f, 0, T.Precopy)) },
        ]);
      });
    },
    finish.migrateDecl,
  );

  public expectDecl = this.rule(
    "expectDecl",
    (): DeclarationFrame => ({ start: NaN, end: NaN, keyword: undefined, subject: undefined, op: undefined, value: undefined }),
    (f) => {
      f.keyword = this.token(f, 0, T.Expect);
      this.child(f, "subject", this.reference);
      this.OR([
        { ALT: () => (f.op = this.token(f, 0, T.LessEqual)) },
        { ALT: () => (f.op = this.token(f, 0, T.GreaterEqual)) },
        { ALT: () => (f.op = this.token(f, 0, T.Less)) },
        { ALT: () => (f.op = this.token(f, 0, T.Greater)) },
        { ALT: () => (f.op = this.token(f, 0, T.EqualEqual)) },
      ]);
      this.child(f, "value", this.value);
    },
    finish.expectDecl,
  );

  public block = this.rule(
    "block",
    (): BlockFrame => ({ start: NaN, end: NaN, members: [], close: undefined }),
    (f) => {
      this.token(f, 0, T.LCurly);
      this.MANY({
        GATE: () => (this.LA(1).tokenType !== T.Hypervisor || this.hypervisorIsAttribute()) && (!numberAttributeKeywords.has(this.LA(1).tokenType) || this.LA(2).tokenType === T.Number),
        DEF: () => this.item(f, f.members, this.member),
      });
      f.close = this.token(f, 0, T.RCurly);
    },
    finish.block,
  );

  public member = this.rule(
    "member",
    (): ChoiceFrame<A.Member> => ({ start: NaN, end: NaN, node: undefined }),
    (f) =>
      this.OR([
        { ALT: () => this.child(f, "node", this.nodeDecl) },
        { ALT: () => this.child(f, "node", this.hostDecl) },
        { ALT: () => this.child(f, "node", this.linkDecl) },
        { ALT: () => this.child(f, "node", this.backgroundDecl) },
        { GATE: () => this.LA(1).image === "datacentre" && this.LA(2).tokenType === T.LCurly, ALT: () => this.child(f, "node", this.datacentreDecl) },
        { GATE: () => this.startsGroup(), ALT: () => this.child(f, "node", this.groupDecl) },
        { GATE: () => this.LA(1).image === "sweep" && this.LA(2).tokenType === T.StringLiteral, ALT: () => this.child(f, "node", this.sweepDecl) },
        { ALT: () => this.child(f, "node", this.reuseEntry) },
        { ALT: () => this.child(f, "node", this.attribute) },
      ]),
    (f) => f.node,
  );

  /** `sweep "vm.web.dirty" 1000 pages/s, 5000 pages/s` in the scenario block: an address and its values. */
  public sweepDecl = this.rule(
    "sweepDecl",
    (): MemberFrame => ({ start: NaN, end: NaN, first: undefined, second: undefined, values: [] }),
    (f) => {
      f.first = this.token(f, 0, T.Identifier);
      f.second = this.token(f, 0, T.StringLiteral);
      this.item(f, f.values!, this.value);
      this.MANY(() => {
        this.token(f, 0, T.Comma);
        this.item(f, f.values!, this.value, 2);
      });
    },
    finish.sweepDecl,
  );

  /** A row of paper 002's static-page table: `"ubuntu-22.04" on "xen-4.1" 300 MiB` (OS, hypervisor version, size). */
  public reuseEntry = this.rule(
    "reuseEntry",
    (): MemberFrame => ({ start: NaN, end: NaN, first: undefined, second: undefined, value: undefined }),
    (f) => {
      f.first = this.token(f, 0, T.StringLiteral);
      this.token(f, 0, T.On);
      f.second = this.token(f, 2, T.StringLiteral);
      this.child(f, "value", this.value);
    },
    finish.reuseEntry,
  );

  /**
   * `name value`. Two keywords are also attribute names: `hypervisor NAME` unless it opens a declaration
   * (`kind` or `{` follows); `hosts N` and `on T`.
   */
  public attribute = this.rule(
    "attribute",
    (): MemberFrame => ({ start: NaN, end: NaN, first: undefined, value: undefined }),
    (f) => {
      this.OR([
        { ALT: () => (f.first = this.token(f, 0, T.Identifier)) },
        { GATE: () => this.hypervisorIsAttribute(), ALT: () => (f.first = this.token(f, 0, T.Hypervisor)) },
        // `hosts 16` (a star topology) and `on 2 s` (an on/off flow): keywords that name numeric attributes.
        { GATE: () => this.LA(2).tokenType === T.Number, ALT: () => (f.first = this.token(f, 0, T.Hosts)) },
        { GATE: () => this.LA(2).tokenType === T.Number, ALT: () => (f.first = this.token(f, 0, T.On)) },
      ]);
      this.child(f, "value", this.value);
    },
    finish.attribute,
  );

  public value = this.rule(
    "value",
    (): ValueFrame => ({ start: NaN, end: NaN, number: undefined, unit: undefined, string: undefined, word: undefined, reference: undefined }),
    (f) =>
      this.OR([
        {
          ALT: () => {
            f.number = this.token(f, 0, T.Number);
            this.OPTION({ GATE: () => this.startsUnit(), DEF: () => this.child(f, "unit", this.unit) });
          },
        },
        { ALT: () => (f.string = this.token(f, 0, T.StringLiteral)) },
        { ALT: () => this.child(f, "reference", this.reference) },
        { ALT: () => (f.word = this.token(f, 0, T.On)) },
        { ALT: () => (f.word = this.token(f, 0, T.HyphenatedWord)) },
      ]),
    finish.value,
  );

  /** A unit after a number: a known unit word, a rate with a slash, or `%`. */
  public unit = this.rule(
    "unit",
    (): TokenFrame => ({ start: NaN, end: NaN, token: undefined }),
    (f) =>
      this.OR([
        { GATE: () => this.startsUnit(), ALT: () => (f.token = this.token(f, 0, T.Identifier)) },
        { ALT: () => (f.token = this.token(f, 0, T.SlashUnit)) },
        { ALT: () => (f.token = this.token(f, 0, T.Percent)) },
      ]),
    finish.unit,
  );

  /** In a block, `hypervisor NAME` names a profile unless `kind` or `{` follows (then it declares one). */
  private hypervisorIsAttribute(): boolean {
    const third = this.LA(3).tokenType;
    return third !== T.Kind && third !== T.LCurly;
  }

  /** `any` before a reference, in a migration's destination: the word, not a host named `any`. */
  private startsAny(): boolean {
    const next = this.LA(2).tokenType;
    return this.LA(1).tokenType === T.Identifier && this.LA(1).image === "any" && (next === T.Identifier || next === T.Host);
  }

  /** `subnet NAME {` or `domain NAME {`: a group of a network block, not an attribute. */
  private startsGroup(): boolean {
    const word = this.LA(1);
    return word.tokenType === T.Identifier && (word.image === "subnet" || word.image === "domain") && this.LA(2).tokenType === T.Identifier && this.LA(3).tokenType === T.LCurly;
  }

  /** True when the next token is a unit: a word after a number is a unit only if it spells one. */
  private startsUnit(): boolean {
    const next = this.LA(1);
    return next.tokenType === T.SlashUnit || next.tokenType === T.Percent || (next.tokenType === T.Identifier && isUnitName(next.image));
  }

  /** A declared name, optionally a numbered family: `web`, `web[1..3]`. */
  public declaredName = this.rule(
    "declaredName",
    (): IndexedFrame => ({ start: NaN, end: NaN, name: undefined, open: undefined, first: undefined, last: undefined, close: undefined }),
    (f) => {
      f.name = this.token(f, 0, T.Identifier);
      this.OPTION(() => {
        f.open = this.token(f, 0, T.LBracket);
        f.first = this.token(f, 0, T.Number);
        this.OPTION2(() => {
          this.token(f, 0, T.DotDot);
          f.last = this.token(f, 2, T.Number);
        });
        f.close = this.token(f, 0, T.RBracket);
      });
    },
    finish.declaredName,
  );

  /** A reference: dotted parts, each optionally indexed: `web`, `vm[1..3]`, `dc.host[*]`, `web.downtime`. */
  public reference = this.rule(
    "reference",
    (): ListFrame<A.ReferencePart> => ({ start: NaN, end: NaN, items: [] }),
    (f) => {
      this.item(f, f.items, this.referencePart);
      this.MANY(() => {
        this.token(f, 0, T.Dot);
        this.item(f, f.items, this.referencePart, 2);
      });
    },
    finish.reference,
  );

  /** One part of a reference; `host` is allowed after a dot because generated topologies name hosts so. */
  public referencePart = this.rule(
    "referencePart",
    (): IndexedFrame => ({ start: NaN, end: NaN, name: undefined, open: undefined, star: undefined, first: undefined, last: undefined, close: undefined }),
    (f) => {
      this.OR([{ ALT: () => (f.name = this.token(f, 0, T.Identifier)) }, { ALT: () => (f.name = this.token(f, 0, T.Host)) }]);
      this.OPTION(() => {
        f.open = this.token(f, 0, T.LBracket);
        this.OR2([
          { ALT: () => (f.star = this.token(f, 0, T.Star)) },
          {
            ALT: () => {
              f.first = this.token(f, 0, T.Number);
              this.OPTION2(() => {
                this.token(f, 0, T.DotDot);
                f.last = this.token(f, 2, T.Number);
              });
            },
          },
        ]);
        f.close = this.token(f, 0, T.RBracket);
      });
    },
    finish.referencePart,
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
