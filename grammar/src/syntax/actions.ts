/**
 * The machinery under the parser's embedded actions: each rule fills a frame with what it consumes, and the
 * frame becomes the rule's AST node when the rule ends (nodes.ts).
 *
 * Error recovery decides what the tree looks like, so a frame keeps what Chevrotain's CST parser kept in a
 * node: a rule that fails still hands the node built from what it had consumed to its caller (or, when
 * Chevrotain resynchronises inside it, returns that node), and a frame tracks its offsets the way
 * Chevrotain tracks a CST node's location, since the spans of declarations and members are those offsets.
 */
import { EmbeddedActionsParser, type IParserConfig, type IToken, type ParserMethod, type TokenType } from "chevrotain";

/** What a rule has consumed so far: its first offset and the end (exclusive) of its furthest token. */
export interface Frame {
  start: number;
  end: number;
}

/** The fields of a frame of type `F` that hold a token. */
type TokenSlot<F> = { [K in keyof F]-?: F[K] extends IToken | undefined ? K : never }[keyof F];

/** A rule whose result is its AST node, or undefined when nothing it consumed makes one. */
export type Rule<R> = ParserMethod<[], R | undefined>;

export abstract class ActionsParser extends EmbeddedActionsParser {
  /**
   * With recovery on, Chevrotain's node location grows with each token and child node; with recovery off,
   * it starts at the next token when the rule starts and ends at the previous one when it returns.
   */
  private readonly recovering: boolean;
  /** The frame of the rule running now, for the grammar's closures, which are built once and shared. */
  private current: Frame = { start: NaN, end: NaN };
  /** The node that the rule which failed last built from what it had consumed. */
  private abandoned: unknown;
  /** The offsets of the rule that returned or failed last, for its caller's frame. */
  private lastStart = NaN;
  private lastEnd = NaN;

  protected constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
    this.recovering = config.recoveryEnabled === true;
  }

  /**
   * A grammar rule: `open` makes its empty frame, `body` parses into it (the grammar, with actions that
   * store tokens and sub-rule results), `finish` turns the frame into the node the rule returns.
   */
  protected rule<F extends Frame, R>(name: string, open: () => F, body: (frame: F) => void, finish: (frame: F) => R | undefined): Rule<R> {
    return this.RULE(
      name,
      (): R | undefined => {
        const frame = open();
        if (!this.recovering) frame.start = this.LA(1).startOffset;
        const caller = this.current;
        this.current = frame;
        try {
          body(frame);
        } catch (e) {
          this.lastStart = frame.start;
          this.lastEnd = frame.end;
          this.abandoned = this.RECORDING_PHASE ? undefined : finish(frame);
          throw e;
        } finally {
          this.current = caller;
        }
        if (this.RECORDING_PHASE) return undefined;
        if (!this.recovering) this.endAtPreviousToken(frame);
        this.lastStart = frame.start;
        this.lastEnd = frame.end;
        return finish(frame);
      },
      // When Chevrotain resynchronises inside a rule, the rule returns what it had; a parse without recovery
      // that meets an error returns nothing.
      { recoveryValueFunc: () => (this.recovering ? (this.abandoned as R | undefined) : undefined) },
    );
  }

  /** Without recovery, Chevrotain ends a node where the last token it consumed ends (NaN if it starts later). */
  private endAtPreviousToken(frame: Frame): void {
    const previous = this.LA(0);
    if (frame.start <= previous.startOffset) frame.end = previous.startOffset + previous.image.length;
    else frame.start = NaN;
  }

  /** The frame of the rule running now; `F` is that rule's frame type. */
  protected frame<F extends Frame>(): F {
    return this.current as F;
  }

  /** Consumes a token (occurrence `idx` of its type in the rule) into `frame`'s offsets. */
  protected token(frame: Frame, idx: number, type: TokenType): IToken {
    const token = this.consume(idx, type);
    if (this.recovering) extend(frame, token.startOffset, token.startOffset + token.image.length);
    return token;
  }

  /** Consumes a token into `slot` of the running rule's frame (of type `F`). */
  protected consumeInto<F extends Frame>(slot: TokenSlot<F>, idx: number, type: TokenType): void {
    const frame = this.current as F;
    (frame[slot] as IToken | undefined) = this.token(frame, idx, type);
  }

  /** Stores a sub-rule's node in `frame[slot]`; if the sub-rule fails, what it had is stored there first. */
  protected child<F extends Frame, K extends keyof F>(frame: F, slot: K, rule: Rule<F[K]>, idx = 0): void {
    try {
      frame[slot] = this.subrule(idx, rule) as F[K];
    } catch (e) {
      frame[slot] = this.abandoned as F[K];
      throw e;
    } finally {
      if (this.recovering) extend(frame, this.lastStart, this.lastEnd);
    }
  }

  /** Appends a sub-rule's node (unless it has none) to `list`, even if the sub-rule fails. */
  protected item<T>(frame: Frame, list: T[], rule: Rule<T>, idx = 0): void {
    let node: T | undefined;
    try {
      node = this.subrule(idx, rule);
    } catch (e) {
      node = this.abandoned as T | undefined;
      throw e;
    } finally {
      if (node !== undefined && !this.RECORDING_PHASE) list.push(node);
      if (this.recovering) extend(frame, this.lastStart, this.lastEnd);
    }
  }
}

/** Chevrotain's location update: the first valid start (with its end), then the furthest end. */
export function extend(frame: Frame, start: number, end: number): void {
  if (Number.isNaN(frame.start)) {
    frame.start = start;
    frame.end = end;
  } else if (frame.end < end) {
    frame.end = end;
  }
}
