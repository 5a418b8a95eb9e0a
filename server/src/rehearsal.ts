/**
 * Runs, once in the server's life, work that makes V8 compile the parser and the check before the user needs
 * them: either the grammar's warm-up (grammar/src/incremental/rehearsal.ts, `warmUp`), while the server is
 * idle before its first document, or, when a document came first, the grammar's rehearsal of an edit after
 * that document is checked and its cache filled. Without them, opening a 10,000-line scenario took about 100 ms
 * longer, and its first edits were checked in 35–90 ms instead of 10–25 (BENCHMARKS.md).
 *
 * One step runs per turn of the event loop, so a request waits for at most one step, and none runs while a
 * document's check waits for its delay: the user's edits come first. The warm-up stops when a document is
 * opened (that document's own checks and the rehearsal after its fill take over). A step that fails is
 * logged and ends the work; it never takes the server down. The end is logged with the time it took.
 */
import { performance } from "node:perf_hooks";

/** The work: each `next()` runs one step of it. */
export type RehearsalSteps = Iterator<unknown, unknown, void>;

/** Where the rehearsal reports: a failure as an error, its end as information (the connection's console). */
export interface RehearsalLog {
  error(message: string): void;
  log(message: string): void;
}

/** How long to wait before looking again whether a check still waits, in milliseconds. */
const BUSY_RETRY_MS = 15;

export class Rehearsal {
  /** Whether work ran to its end or failed: no other work starts then. */
  private over = false;
  private running = false;

  /** `busy`: whether a check is waiting, in which case no step runs; `report`: where failures and the end go. */
  constructor(
    private readonly busy: () => boolean,
    private readonly report: RehearsalLog,
  ) {}

  /**
   * Starts the work `makeSteps` makes, named `what` in the log, unless other work runs or ran to its end.
   * Before each step, `stopIf` may stop it: the work then ends unfinished, and other work may start later.
   */
  start(makeSteps: () => RehearsalSteps, what: string, stopIf: () => boolean = () => false): void {
    if (this.over || this.running) return;
    this.running = true;
    const steps = makeSteps();
    const startedAt = performance.now();
    const elapsed = () => Math.round(performance.now() - startedAt);
    let count = 0;
    /** Ends the work; `over` if no other work may start after it. */
    const end = (over: boolean) => {
      this.running = false;
      this.over = over;
    };
    const step = () => {
      if (stopIf()) {
        end(false);
        this.report.log(`vmig: ${what} stopped after ${count} steps in ${elapsed()} ms`);
        return;
      }
      if (this.busy()) {
        setTimeout(step, BUSY_RETRY_MS);
        return;
      }
      let done: boolean | undefined;
      try {
        done = steps.next().done;
      } catch (e) {
        end(true);
        this.report.error(`vmig: ${what} failed (the editor is unaffected): ${(e as Error).stack ?? e}`);
        return;
      }
      if (done) {
        end(true);
        this.report.log(`vmig: ${what} done: ${count} steps in ${elapsed()} ms`);
        return;
      }
      count++;
      setImmediate(step);
    };
    setImmediate(step);
  }
}
