/**
 * Runs the grammar's rehearsal of an edited document (grammar/src/incremental/rehearsal.ts) once in the
 * server's life, after the first large document it opens is checked and its cache filled: a check of a small
 * scenario of its own and 40 one-character edits of it, so that V8 has compiled the paths an edit takes before
 * the user's first edits. Without it, the first edits of a 10,000-line scenario took 35–90 ms to check
 * instead of 10–25 (BENCHMARKS.md).
 *
 * One step runs per turn of the event loop, so a request waits for at most one step (a few milliseconds), and
 * none runs while a document's check waits for its delay: the user's edits come first. A step that fails is
 * logged and ends the rehearsal; it never takes the server down.
 */
import { rehearsal } from "@vmig/grammar";

/** The rehearsal's work: each `next()` runs one step of it. */
export type RehearsalSteps = Iterator<unknown, unknown, void>;

/** How long to wait before looking again whether a check still waits, in milliseconds. */
const BUSY_RETRY_MS = 15;

export class Rehearsal {
  private steps?: RehearsalSteps;

  /**
   * `busy`: whether a check is waiting, in which case no step runs; `log`: where a failure is reported;
   * `makeSteps`: the work (the grammar's rehearsal; a test passes its own).
   */
  constructor(
    private readonly busy: () => boolean,
    private readonly log: (message: string) => void,
    private readonly makeSteps: () => RehearsalSteps = () => rehearsal(),
  ) {}

  /** Starts the rehearsal, unless it started before. */
  start(): void {
    if (this.steps) return;
    this.steps = this.makeSteps();
    setImmediate(() => this.step());
  }

  private step(): void {
    if (this.busy()) {
      setTimeout(() => this.step(), BUSY_RETRY_MS);
      return;
    }
    let done: boolean | undefined;
    try {
      done = this.steps!.next().done;
    } catch (e) {
      this.log(`vmig: rehearsing an edit failed (the editor is unaffected): ${(e as Error).stack ?? e}`);
      return;
    }
    if (!done) setImmediate(() => this.step());
  }
}
