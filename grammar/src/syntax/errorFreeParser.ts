/**
 * A recursive-descent reading of the grammar for text without syntax errors, in front of Chevrotain's parser.
 *
 * Chevrotain's parser (parser.ts and the rule files) is the grammar of record and does all error recovery.
 * Its generic machinery (rule stacks, lookahead functions, recovery bookkeeping) costs several calls per
 * token, and before V8 has compiled it, opening a 10,000-line file spent about 150 ms there
 * (BENCHMARKS.md). This reader takes the same decisions with plain comparisons of token types, and those
 * that look past the next token's type with the rules' own gates (gates.ts): it opens the same frames
 * (`open`), widens their offsets exactly as the rules do (`extend`), and turns them into nodes with the same
 * `finish` functions, so its nodes are the nodes Chevrotain's rules would build.
 *
 * It reads one top-level declaration at a time and stops at the first declaration that is not exactly
 * what the grammar allows (a token it does not expect): that declaration and the rest of the file are left
 * to Chevrotain, which reports the errors and recovers. Declarations before it are error-free, so Chevrotain
 * starts from the same state it would have reached itself. `test/errorFreeParser.test.ts` holds the two
 * equal on every sample and on thousands of mutated texts.
 */
import type { IToken, TokenType } from "chevrotain";
import * as T from "./tokens.js";
import type * as A from "./ast.js";
import { extend, type Frame } from "./actions.js";
import { finish, open, type DeclarationFrame, type IndexedFrame } from "./nodes.js";
import { hypervisorIsAttribute, namesNumberAttribute, startsAny, startsDatacentre, startsGroup, startsSweep, startsUnit } from "./gates.js";

/** Thrown at a token the grammar does not allow there; caught at the declaration it is in. */
const declined = { declined: true };

/**
 * Blocks nested deeper than this are left to Chevrotain, whose guards against pathological nesting apply
 * (parse.ts); the reader's recursion then never comes near the stack's limit. Real files nest three deep.
 */
const MAX_READ_DEPTH = 64;

const modifierTypes: ReadonlySet<TokenType | undefined> = new Set([T.Together, T.Sequential, T.Postcopy, T.Precopy]);
const comparatorTypes: ReadonlySet<TokenType | undefined> = new Set([T.LessEqual, T.GreaterEqual, T.Less, T.Greater, T.EqualEqual]);

/**
 * Reads the top-level declarations of `tokens` from index `from` for as long as they are error-free. Returns
 * them and the index of the first token it left unread: the start of the first declaration it declined, or
 * `tokens.length`.
 */
export function parseErrorFree(tokens: readonly IToken[], from: number): { declarations: A.Declaration[]; next: number } {
  const reader = new ErrorFreeReader(tokens, from);
  const declarations: A.Declaration[] = [];
  while (reader.at < tokens.length) {
    const start = reader.at;
    let declaration: A.Declaration | undefined;
    try {
      declaration = reader.declaration();
    } catch (e) {
      if (e !== declined) throw e;
      reader.at = start;
      break;
    }
    if (declaration !== undefined) declarations.push(declaration);
  }
  return { declarations, next: reader.at };
}

class ErrorFreeReader {
  /** The offsets of the rule that returned last, for its caller's frame (as actions.ts keeps them). */
  private lastStart = NaN;
  private lastEnd = NaN;
  /** How many blocks enclose the token being read. */
  private depth = 0;

  constructor(
    private readonly tokens: readonly IToken[],
    public at: number,
  ) {}

  /** The token `k` ahead (1 is the next one), undefined past the end. */
  private peek(k = 1): IToken | undefined {
    return this.tokens[this.at + k - 1];
  }

  /** The type of the next token, undefined past the end. */
  private type(): TokenType | undefined {
    return this.tokens[this.at]?.tokenType;
  }

  /** Consumes the next token, which must be of `type`, into `frame`'s offsets. */
  private take(frame: Frame, type: TokenType): IToken {
    const token = this.tokens[this.at];
    if (token === undefined || token.tokenType !== type) throw declined;
    this.at++;
    extend(frame, token.startOffset, token.startOffset + token.image.length);
    return token;
  }

  /** Consumes the next token, whatever its type, into `frame`'s offsets (the caller has checked it). */
  private takeAny(frame: Frame): IToken {
    const token = this.tokens[this.at++]!;
    extend(frame, token.startOffset, token.startOffset + token.image.length);
    return token;
  }

  /** Appends the node of the rule that just returned to `list` (unless it made none) and widens `frame` by it. */
  private item<N>(frame: Frame, list: N[], node: N | undefined): void {
    if (node !== undefined) list.push(node);
    extend(frame, this.lastStart, this.lastEnd);
  }

  /** Widens `frame` by the rule that just returned and hands back its node. */
  private sub<N>(frame: Frame, node: N): N {
    extend(frame, this.lastStart, this.lastEnd);
    return node;
  }

  /** Ends a rule: its offsets are kept for the caller, and `end` makes its node. */
  private done<F extends Frame, N>(frame: F, end: (frame: F) => N): N {
    this.lastStart = frame.start;
    this.lastEnd = frame.end;
    return end(frame);
  }

  declaration(): A.Declaration | undefined {
    switch (this.type()) {
      case T.Import: {
        const f = open.importDecl();
        f.keyword = this.take(f, T.Import);
        f.string = this.take(f, T.StringLiteral);
        return this.done(f, finish.importDecl);
      }
      case T.Scenario: {
        const f = open.scenarioDecl();
        f.keyword = this.take(f, T.Scenario);
        f.string = this.take(f, T.StringLiteral);
        this.optionalBody(f);
        return this.done(f, finish.scenarioDecl);
      }
      case T.Topology: {
        const f = open.topologyDecl();
        f.keyword = this.take(f, T.Topology);
        f.name = this.take(f, T.Identifier);
        if (this.type() === T.Identifier) f.generator = this.takeAny(f);
        f.body = this.sub(f, this.block());
        return this.done(f, finish.topologyDecl);
      }
      case T.Hypervisor: {
        const f = open.hypervisorDecl();
        f.keyword = this.take(f, T.Hypervisor);
        f.name = this.take(f, T.Identifier);
        if (this.type() === T.Kind) {
          this.takeAny(f);
          f.kind = this.take(f, T.Identifier);
        }
        this.optionalBody(f);
        return this.done(f, finish.hypervisorDecl);
      }
      case T.Host:
        return this.hostDecl();
      case T.Hosts: {
        const f = open.hostsDecl();
        f.keyword = this.take(f, T.Hosts);
        f.targets = this.sub(f, this.reference());
        f.body = this.sub(f, this.block());
        return this.done(f, finish.hostsDecl);
      }
      case T.Vm:
        return this.vmDecl();
      case T.Migrate:
        return this.migrateDecl();
      case T.Expect: {
        const f = open.expectDecl();
        f.keyword = this.take(f, T.Expect);
        f.subject = this.sub(f, this.reference());
        if (!comparatorTypes.has(this.type())) throw declined;
        f.op = this.takeAny(f);
        f.value = this.sub(f, this.value());
        return this.done(f, finish.expectDecl);
      }
      case T.Traffic: {
        const f = open.trafficDecl();
        f.keyword = this.take(f, T.Traffic);
        f.body = this.sub(f, this.block());
        return this.done(f, finish.trafficDecl);
      }
      case T.Policy: {
        const f = open.policyDecl();
        f.keyword = this.take(f, T.Policy);
        f.category = this.take(f, T.Identifier);
        const choice = this.type();
        if (choice === T.Identifier || choice === T.HyphenatedWord || choice === T.Sequential) f.choice = this.takeAny(f);
        this.optionalBody(f);
        return this.done(f, finish.policyDecl);
      }
      case T.Network: {
        const f = open.networkDecl();
        f.keyword = this.take(f, T.Network);
        f.architecture = this.take(f, T.Identifier);
        this.optionalBody(f);
        return this.done(f, finish.networkDecl);
      }
      default:
        throw declined;
    }
  }

  /** `{ … }` if one follows, into the frame's `body`. */
  private optionalBody(f: DeclarationFrame): void {
    if (this.type() === T.LCurly) f.body = this.sub(f, this.block());
  }

  private vmDecl(): A.VmDecl | undefined {
    const f = open.vmDecl();
    f.keyword = this.take(f, T.Vm);
    f.declared = this.sub(f, this.declaredName());
    this.take(f, T.On);
    f.host = this.sub(f, this.reference());
    this.optionalBody(f);
    return this.done(f, finish.vmDecl);
  }

  private migrateDecl(): A.MigrateDecl {
    const f = open.migrateDecl();
    f.keyword = this.take(f, T.Migrate);
    f.vm = this.sub(f, this.reference());
    this.take(f, T.To);
    if (startsAny(this.peek(1), this.peek(2))) f.any = this.takeAny(f);
    f.target = this.sub(f, this.reference());
    if (this.type() === T.At) {
      this.takeAny(f);
      f.at = this.sub(f, this.value());
    }
    while (modifierTypes.has(this.type())) f.modifiers!.push(this.takeAny(f));
    return this.done(f, finish.migrateDecl);
  }

  private hostDecl(): A.HostDecl {
    const f = open.hostDecl();
    f.keyword = this.take(f, T.Host);
    f.name = this.take(f, T.Identifier);
    this.optionalBody(f);
    return this.done(f, finish.hostDecl);
  }

  private block(): A.Block {
    const f = open.block();
    this.take(f, T.LCurly);
    if (++this.depth > MAX_READ_DEPTH) throw declined;
    while (this.type() !== T.RCurly) this.item(f, f.members, this.member());
    this.depth--;
    f.close = this.takeAny(f);
    return this.done(f, finish.block);
  }

  /** One member of a block, chosen as the rules' `member` alternatives (and the block's gate) choose it. */
  private member(): A.Member | undefined {
    const first = this.type();
    if (first === T.Switch || first === T.Router) return this.nodeDecl();
    if (first === T.Host) return this.hostDecl();
    if (first === T.Link) return this.linkDecl();
    if (first === T.Background) return this.backgroundDecl();
    if (first === T.StringLiteral) return this.reuseEntry();
    if (first === T.Identifier) {
      if (startsDatacentre(this.peek(1), this.peek(2))) return this.datacentreDecl();
      if (startsGroup(this.peek(1), this.peek(2), this.peek(3))) return this.groupDecl();
      if (startsSweep(this.peek(1), this.peek(2))) return this.sweepDecl();
      return this.attribute();
    }
    if (first === T.Hypervisor && hypervisorIsAttribute(this.peek(3))) return this.attribute();
    if (namesNumberAttribute(this.peek(1), this.peek(2))) return this.attribute();
    throw declined;
  }

  private nodeDecl(): A.NodeDecl {
    const f = open.nodeDecl();
    f.keyword = this.takeAny(f);
    f.name = this.take(f, T.Identifier);
    this.optionalBody(f);
    return this.done(f, finish.nodeDecl);
  }

  private linkDecl(): A.LinkDecl {
    const f = open.linkDecl();
    f.keyword = this.take(f, T.Link);
    if (this.startsReference()) {
      f.from = this.sub(f, this.reference());
      this.take(f, T.LinkOperator);
      f.to = this.sub(f, this.reference());
    }
    this.optionalBody(f);
    return this.done(f, finish.linkDecl);
  }

  private backgroundDecl(): A.BackgroundDecl {
    const f = open.backgroundDecl();
    f.keyword = this.take(f, T.Background);
    f.from = this.sub(f, this.reference());
    this.take(f, T.Arrow);
    f.to = this.sub(f, this.reference());
    f.flowKind = this.take(f, T.Identifier);
    f.amount = this.sub(f, this.value());
    if (this.type() === T.During) {
      f.during = this.takeAny(f);
      f.since = this.sub(f, this.value());
      this.take(f, T.DotDot);
      f.until = this.sub(f, this.value());
    }
    this.optionalBody(f);
    return this.done(f, finish.backgroundDecl);
  }

  private datacentreDecl(): A.DatacentreDecl {
    const f = open.datacentreDecl();
    f.keyword = this.takeAny(f);
    f.body = this.sub(f, this.block());
    return this.done(f, finish.datacentreDecl);
  }

  private groupDecl(): A.GroupDecl {
    const f = open.groupDecl();
    f.keyword = this.takeAny(f);
    f.name = this.takeAny(f);
    f.body = this.sub(f, this.block());
    return this.done(f, finish.groupDecl);
  }

  private sweepDecl(): A.SweepDecl {
    const f = open.sweepDecl();
    f.first = this.takeAny(f);
    f.second = this.takeAny(f);
    this.item(f, f.values!, this.value());
    while (this.type() === T.Comma) {
      this.takeAny(f);
      this.item(f, f.values!, this.value());
    }
    return this.done(f, finish.sweepDecl);
  }

  private reuseEntry(): A.ReuseEntry {
    const f = open.reuseEntry();
    f.first = this.takeAny(f);
    this.take(f, T.On);
    f.second = this.take(f, T.StringLiteral);
    f.value = this.sub(f, this.value());
    return this.done(f, finish.reuseEntry);
  }

  /** `name value`; the caller has checked that the name may start an attribute. */
  private attribute(): A.Attribute | undefined {
    const f = open.attribute();
    f.first = this.takeAny(f);
    f.value = this.sub(f, this.value());
    return this.done(f, finish.attribute);
  }

  private value(): A.Value | undefined {
    const f = open.value();
    const first = this.type();
    if (first === T.Number) {
      f.number = this.takeAny(f);
      if (startsUnit(this.peek())) f.unit = this.takeAny(f);
    } else if (first === T.StringLiteral) {
      f.string = this.takeAny(f);
    } else if (this.startsReference()) {
      f.reference = this.sub(f, this.reference());
    } else if (first === T.On || first === T.HyphenatedWord) {
      f.word = this.takeAny(f);
    } else {
      throw declined;
    }
    return this.done(f, finish.value);
  }

  private startsReference(): boolean {
    const first = this.type();
    return first === T.Identifier || first === T.Host;
  }

  /** `web` or `web[1..3]`. */
  private declaredName(): A.DeclaredName | undefined {
    const f = open.declaredName();
    f.name = this.take(f, T.Identifier);
    if (this.type() === T.LBracket) {
      f.open = this.takeAny(f);
      f.first = this.take(f, T.Number);
      this.rangeEnd(f);
      f.close = this.take(f, T.RBracket);
    }
    return this.done(f, finish.declaredName);
  }

  /** `..3` in an index, if it follows. */
  private rangeEnd(f: IndexedFrame): void {
    if (this.type() !== T.DotDot) return;
    this.takeAny(f);
    f.last = this.take(f, T.Number);
  }

  /** Dotted parts, each optionally indexed: `web`, `vm[1..3]`, `dc.host[*]`. */
  private reference(): A.Reference | undefined {
    const f = open.reference();
    this.item(f, f.items, this.referencePart());
    while (this.type() === T.Dot) {
      this.takeAny(f);
      this.item(f, f.items, this.referencePart());
    }
    return this.done(f, finish.reference);
  }

  private referencePart(): A.ReferencePart | undefined {
    const f = open.referencePart();
    if (!this.startsReference()) throw declined;
    f.name = this.takeAny(f);
    if (this.type() === T.LBracket) {
      f.open = this.takeAny(f);
      if (this.type() === T.Star) {
        f.star = this.takeAny(f);
      } else {
        f.first = this.take(f, T.Number);
        this.rangeEnd(f);
      }
      f.close = this.take(f, T.RBracket);
    }
    return this.done(f, finish.referencePart);
  }
}
