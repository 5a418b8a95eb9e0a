/**
 * The .vmig parser: a Chevrotain CST parser with error recovery.
 *
 * One instance is built once and reused (Chevrotain analyses the grammar in the constructor). Rules are
 * typed class fields, so a misspelt rule name is a compile error. Inside a block, attribute names are plain
 * identifiers; the top-level keywords end a block even when its `}` is missing, so one missing brace costs
 * one error and the rest of the file is still parsed.
 */
import { CstParser, type CstNode, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens.js";
import { isUnitName } from "../units.js";
import { errorMessageProvider } from "./errors.js";

/** Keywords that are also the names of numeric attributes, when a number follows them. */
const numberAttributeKeywords: ReadonlySet<TokenType> = new Set([T.Hosts, T.On]);

export class VmigParser extends CstParser {
  constructor(recoveryEnabled = true) {
    super(T.allTokens as TokenType[], {
      recoveryEnabled,
      nodeLocationTracking: "onlyOffset",
      maxLookahead: 3,
      errorMessageProvider,
    });
    this.performSelfAnalysis();
  }

  public file = this.RULE("file", () => {
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  public declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.importDecl) },
      { ALT: () => this.SUBRULE(this.scenarioDecl) },
      { ALT: () => this.SUBRULE(this.topologyDecl) },
      { ALT: () => this.SUBRULE(this.hypervisorDecl) },
      { ALT: () => this.SUBRULE(this.hostDecl) },
      { ALT: () => this.SUBRULE(this.hostsDecl) },
      { ALT: () => this.SUBRULE(this.vmDecl) },
      { ALT: () => this.SUBRULE(this.migrateDecl) },
      { ALT: () => this.SUBRULE(this.expectDecl) },
      { ALT: () => this.SUBRULE(this.trafficDecl) },
      { ALT: () => this.SUBRULE(this.policyDecl) },
      { ALT: () => this.SUBRULE(this.networkDecl) },
    ]);
  });

  /** `network xia { domain ad1 { … } … }`: the network architecture (paper 001). */
  public networkDecl = this.RULE("networkDecl", () => {
    this.CONSUME(T.Network);
    this.CONSUME(T.Identifier, { LABEL: "architecture" });
    this.OPTION(() => this.SUBRULE(this.block));
  });

  /** `subnet lan { … }` or `domain ad1 { … }` inside a network block; the words are not keywords. */
  public groupDecl = this.RULE("groupDecl", () => {
    this.CONSUME(T.Identifier, { LABEL: "groupKind" });
    this.CONSUME2(T.Identifier, { LABEL: "name" });
    this.SUBRULE(this.block);
  });

  public importDecl = this.RULE("importDecl", () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.StringLiteral);
  });

  public scenarioDecl = this.RULE("scenarioDecl", () => {
    this.CONSUME(T.Scenario);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => this.SUBRULE(this.block));
  });

  public topologyDecl = this.RULE("topologyDecl", () => {
    this.CONSUME(T.Topology);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.CONSUME2(T.Identifier, { LABEL: "generator" }));
    this.SUBRULE(this.block);
  });

  public hypervisorDecl = this.RULE("hypervisorDecl", () => {
    this.CONSUME(T.Hypervisor);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => {
      this.CONSUME(T.Kind);
      this.CONSUME2(T.Identifier, { LABEL: "kind" });
    });
    this.OPTION2(() => this.SUBRULE(this.block));
  });

  public nodeDecl = this.RULE("nodeDecl", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Switch) }, { ALT: () => this.CONSUME(T.Router) }]);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.SUBRULE(this.block));
  });

  public hostDecl = this.RULE("hostDecl", () => {
    this.CONSUME(T.Host);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.SUBRULE(this.block));
  });

  /** `link a -- b { … }`, or `link { … }`: the link defaults of a generated topology. */
  public linkDecl = this.RULE("linkDecl", () => {
    this.CONSUME(T.Link);
    this.OPTION(() => {
      this.SUBRULE(this.reference, { LABEL: "from" });
      this.CONSUME(T.LinkOperator);
      this.SUBRULE2(this.reference, { LABEL: "to" });
    });
    this.OPTION2(() => this.SUBRULE(this.block));
  });

  /** `hosts dc.host[*] { … }`: attributes for a set of hosts, typically generated ones. */
  public hostsDecl = this.RULE("hostsDecl", () => {
    this.CONSUME(T.Hosts);
    this.SUBRULE(this.reference, { LABEL: "targets" });
    this.SUBRULE(this.block);
  });

  /** `traffic { background a -> b cbr 100 Mbps during 0 s .. 60 s … }`. */
  public trafficDecl = this.RULE("trafficDecl", () => {
    this.CONSUME(T.Traffic);
    this.SUBRULE(this.block);
  });

  public backgroundDecl = this.RULE("backgroundDecl", () => {
    this.CONSUME(T.Background);
    this.SUBRULE(this.reference, { LABEL: "from" });
    this.CONSUME(T.Arrow);
    this.SUBRULE2(this.reference, { LABEL: "to" });
    this.CONSUME(T.Identifier, { LABEL: "flowKind" });
    this.SUBRULE(this.value, { LABEL: "amount" });
    this.OPTION(() => {
      this.CONSUME(T.During);
      this.SUBRULE2(this.value, { LABEL: "since" });
      this.CONSUME(T.DotDot);
      this.SUBRULE3(this.value, { LABEL: "until" });
    });
    this.OPTION2(() => this.SUBRULE(this.block));
  });

  /** `datacentre { flows_per_vm 10 … }` inside `traffic`: paper 004's data-centre traffic generator. */
  public datacentreDecl = this.RULE("datacentreDecl", () => {
    this.CONSUME(T.Identifier, { LABEL: "keyword" });
    this.SUBRULE(this.block);
  });

  /** `policy routing dynamic { interval 5 s }`; a choice may be hyphenated (`policy placement s-core`). */
  public policyDecl = this.RULE("policyDecl", () => {
    this.CONSUME(T.Policy);
    this.CONSUME(T.Identifier, { LABEL: "category" });
    this.OPTION(() =>
      this.OR([
        { ALT: () => this.CONSUME2(T.Identifier, { LABEL: "choice" }) },
        { ALT: () => this.CONSUME(T.HyphenatedWord, { LABEL: "choice" }) },
        // `policy schedule sequential`: the choice is also the keyword of the `migrate … sequential` modifier.
        { ALT: () => this.CONSUME(T.Sequential, { LABEL: "choice" }) },
      ]),
    );
    this.OPTION2(() => this.SUBRULE(this.block));
  });

  public vmDecl = this.RULE("vmDecl", () => {
    this.CONSUME(T.Vm);
    this.SUBRULE(this.declaredName, { LABEL: "name" });
    this.CONSUME(T.On);
    this.SUBRULE(this.reference, { LABEL: "host" });
    this.OPTION(() => this.SUBRULE(this.block));
  });

  public migrateDecl = this.RULE("migrateDecl", () => {
    this.CONSUME(T.Migrate);
    this.SUBRULE(this.reference, { LABEL: "vm" });
    this.CONSUME(T.To);
    // `to any dc.host[*]`: a placement policy chooses the destination among these hosts.
    this.OPTION3({ GATE: () => this.startsAny(), DEF: () => this.CONSUME(T.Identifier, { LABEL: "any" }) });
    this.SUBRULE2(this.reference, { LABEL: "target" });
    this.OPTION(() => {
      this.CONSUME(T.At);
      this.SUBRULE(this.value, { LABEL: "at" });
    });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Together, { LABEL: "modifier" }) },
        { ALT: () => this.CONSUME(T.Sequential, { LABEL: "modifier" }) },
        { ALT: () => this.CONSUME(T.Postcopy, { LABEL: "modifier" }) },
        { ALT: () => this.CONSUME(T.Precopy, { LABEL: "modifier" }) },
      ]);
    });
  });

  public expectDecl = this.RULE("expectDecl", () => {
    this.CONSUME(T.Expect);
    this.SUBRULE(this.reference, { LABEL: "subject" });
    this.OR([
      { ALT: () => this.CONSUME(T.LessEqual, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(T.GreaterEqual, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(T.Less, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(T.Greater, { LABEL: "op" }) },
      { ALT: () => this.CONSUME(T.EqualEqual, { LABEL: "op" }) },
    ]);
    this.SUBRULE(this.value);
  });

  public block = this.RULE("block", () => {
    this.CONSUME(T.LCurly);
    this.MANY({
      GATE: () => (this.LA(1).tokenType !== T.Hypervisor || this.hypervisorIsAttribute()) && (!numberAttributeKeywords.has(this.LA(1).tokenType) || this.LA(2).tokenType === T.Number),
      DEF: () => this.SUBRULE(this.member),
    });
    this.CONSUME(T.RCurly);
  });

  public member = this.RULE("member", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.nodeDecl) },
      { ALT: () => this.SUBRULE(this.hostDecl) },
      { ALT: () => this.SUBRULE(this.linkDecl) },
      { ALT: () => this.SUBRULE(this.backgroundDecl) },
      { GATE: () => this.LA(1).image === "datacentre" && this.LA(2).tokenType === T.LCurly, ALT: () => this.SUBRULE(this.datacentreDecl) },
      { GATE: () => this.startsGroup(), ALT: () => this.SUBRULE(this.groupDecl) },
      { GATE: () => this.LA(1).image === "sweep" && this.LA(2).tokenType === T.StringLiteral, ALT: () => this.SUBRULE(this.sweepDecl) },
      { ALT: () => this.SUBRULE(this.reuseEntry) },
      { ALT: () => this.SUBRULE(this.attribute) },
    ]);
  });

  /** `sweep "vm.web.dirty" 1000 pages/s, 5000 pages/s` in the scenario block: an address and its values. */
  public sweepDecl = this.RULE("sweepDecl", () => {
    this.CONSUME(T.Identifier, { LABEL: "keyword" });
    this.CONSUME(T.StringLiteral, { LABEL: "address" });
    this.SUBRULE(this.value);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.value);
    });
  });

  /** A row of paper 002's static-page table: `"ubuntu-22.04" on "xen-4.1" 300 MiB` (OS, hypervisor version, size). */
  public reuseEntry = this.RULE("reuseEntry", () => {
    this.CONSUME(T.StringLiteral, { LABEL: "os" });
    this.CONSUME(T.On);
    this.CONSUME2(T.StringLiteral, { LABEL: "hypervisorVersion" });
    this.SUBRULE(this.value, { LABEL: "size" });
  });

  /**
   * `name value`. Two keywords are also attribute names: `hypervisor NAME` unless it opens a declaration
   * (`kind` or `{` follows); `hosts N` and `on T`.
   */
  public attribute = this.RULE("attribute", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "name" }) },
      {
        GATE: () => this.hypervisorIsAttribute(),
        ALT: () => this.CONSUME(T.Hypervisor, { LABEL: "name" }),
      },
      // `hosts 16` (a star topology) and `on 2 s` (an on/off flow): keywords that name numeric attributes.
      { GATE: () => this.LA(2).tokenType === T.Number, ALT: () => this.CONSUME(T.Hosts, { LABEL: "name" }) },
      { GATE: () => this.LA(2).tokenType === T.Number, ALT: () => this.CONSUME(T.On, { LABEL: "name" }) },
    ]);
    this.SUBRULE(this.value);
  });

  public value = this.RULE("value", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Number);
          this.OPTION({ GATE: () => this.startsUnit(), DEF: () => this.SUBRULE(this.unit) });
        },
      },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.SUBRULE(this.reference) },
      { ALT: () => this.CONSUME(T.On) },
      { ALT: () => this.CONSUME(T.HyphenatedWord) },
    ]);
  });

  /** A unit after a number: a known unit word, a rate with a slash, or `%`. */
  public unit = this.RULE("unit", () => {
    this.OR([
      { GATE: () => this.startsUnit(), ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.SlashUnit) },
      { ALT: () => this.CONSUME(T.Percent) },
    ]);
  });

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
  public declaredName = this.RULE("declaredName", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LBracket);
      this.CONSUME(T.Number, { LABEL: "first" });
      this.OPTION2(() => {
        this.CONSUME(T.DotDot);
        this.CONSUME2(T.Number, { LABEL: "last" });
      });
      this.CONSUME(T.RBracket);
    });
  });

  /** A reference: dotted parts, each optionally indexed: `web`, `vm[1..3]`, `dc.host[*]`, `web.downtime`. */
  public reference = this.RULE("reference", () => {
    this.SUBRULE(this.referencePart);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.SUBRULE2(this.referencePart);
    });
  });

  /** One part of a reference; `host` is allowed after a dot because generated topologies name hosts so. */
  public referencePart = this.RULE("referencePart", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Host) }]);
    this.OPTION(() => {
      this.CONSUME(T.LBracket);
      this.OR2([
        { ALT: () => this.CONSUME(T.Star) },
        {
          ALT: () => {
            this.CONSUME(T.Number, { LABEL: "first" });
            this.OPTION2(() => {
              this.CONSUME(T.DotDot);
              this.CONSUME2(T.Number, { LABEL: "last" });
            });
          },
        },
      ]);
      this.CONSUME(T.RBracket);
    });
  });
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

export type { CstNode, IToken };
