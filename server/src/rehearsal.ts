/**
 * Runs, once in the server's life, work that makes V8 compile the parser and the check before the user needs
 * them: either the grammar's warm-up (grammar/src/incremental/rehearsal.ts, `warmUp`), while the server is
 * idle before its first document, or, when a document came first, the grammar's rehearsal of an edit after
 * that document is checked and its cache filled. Without them, opening a 10,000-line scenario took about 100 ms
 * longer, and its first edits were checked in 35–90 ms instead of 10–25 (BENCHMARKS.md).
 *
 * One step runs per turn of the event loop, so a request waits for at most one step, and none runs while a
 * document's check waits for its delay: the user's edits come first. A step that fails is logged and ends
 * the work; it never takes the server down. The end is logged with the time it took.
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
  private started = false;

  /** `busy`: whether a check is waiting, in which case no step runs; `report`: where failures and the end go. */
  constructor(
    private readonly busy: () => boolean,
    private readonly report: RehearsalLog,
  ) {}

  /** Starts the work `makeSteps` makes, named `what` in the log, unless work started before. */
  start(makeSteps: () => RehearsalSteps, what: string): void {
    if (this.started) return;
    this.started = true;
    const steps = makeSteps();
    const startedAt = performance.now();
    let count = 0;
    const step = () => {
      if (this.busy()) {
        setTimeout(step, BUSY_RETRY_MS);
        return;
      }
      try {
        if (steps.next().done) {
          this.report.log(`vmig: ${what} done: ${count} steps in ${Math.round(performance.now() - startedAt)} ms`);
          return;
        }
      } catch (e) {
        this.report.error(`vmig: ${what} failed (the editor is unaffected): ${(e as Error).stack ?? e}`);
        return;
      }
      count++;
      setImmediate(step);
    };
    setImmediate(step);
  }
}
