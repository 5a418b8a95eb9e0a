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

export class VmigParser extends CstParser {
  constructor() {
    super(T.allTokens as TokenType[], {
      recoveryEnabled: true,
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
      { ALT: () => this.SUBRULE(this.vmDecl) },
      { ALT: () => this.SUBRULE(this.migrateDecl) },
      { ALT: () => this.SUBRULE(this.expectDecl) },
    ]);
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

  public linkDecl = this.RULE("linkDecl", () => {
    this.CONSUME(T.Link);
    this.SUBRULE(this.reference, { LABEL: "from" });
    this.CONSUME(T.LinkOperator);
    this.SUBRULE2(this.reference, { LABEL: "to" });
    this.OPTION(() => this.SUBRULE(this.block));
  });

  public vmDecl = this.RULE("vmDecl", () => {
    this.CONSUME(T.Vm);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.On);
    this.SUBRULE(this.reference, { LABEL: "host" });
    this.OPTION(() => this.SUBRULE(this.block));
  });

  public migrateDecl = this.RULE("migrateDecl", () => {
    this.CONSUME(T.Migrate);
    this.SUBRULE(this.reference, { LABEL: "vm" });
    this.CONSUME(T.To);
    this.SUBRULE2(this.reference, { LABEL: "target" });
    this.OPTION(() => {
      this.CONSUME(T.At);
      this.SUBRULE(this.value, { LABEL: "at" });
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
      GATE: () => this.LA(1).tokenType !== T.Hypervisor || this.hypervisorIsAttribute(),
      DEF: () => this.SUBRULE(this.member),
    });
    this.CONSUME(T.RCurly);
  });

  public member = this.RULE("member", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.nodeDecl) },
      { ALT: () => this.SUBRULE(this.hostDecl) },
      { ALT: () => this.SUBRULE(this.linkDecl) },
      { ALT: () => this.SUBRULE(this.attribute) },
    ]);
  });

  /** `name value`; `hypervisor NAME` is an attribute unless it opens a declaration (`kind` or `{` follows). */
  public attribute = this.RULE("attribute", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "name" }) },
      {
        GATE: () => this.hypervisorIsAttribute(),
        ALT: () => this.CONSUME(T.Hypervisor, { LABEL: "name" }),
      },
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

  /** True when the next token is a unit: a word after a number is a unit only if it spells one. */
  private startsUnit(): boolean {
    const next = this.LA(1);
    return next.tokenType === T.SlashUnit || next.tokenType === T.Percent || (next.tokenType === T.Identifier && isUnitName(next.image));
  }

  public reference = this.RULE("reference", () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier);
    });
  });
}

/** The shared parser instance. */
export const parser = new VmigParser();

export type { CstNode, IToken };
