/**
 * QEMU's auto-converge: throttling the guest's vCPUs while pre-copy cannot keep up with its dirtying.
 *
 * From QEMU's migration/ram.c (`migration_trigger_throttle`, `mig_throttle_guest_down`) and the defaults of
 * migration/options.c (`cpu-throttle-initial` 20, `cpu-throttle-increment` 10, `max-cpu-throttle` 99,
 * `throttle-trigger-threshold` 50): at every dirty-bitmap synchronisation, if the bytes dirtied during the
 * period exceed 50 % of the bytes transferred during it, a counter is incremented; when it reaches 2 the
 * guest is throttled down and the counter reset. The first throttle takes 20 % of vCPU time, each later
 * one 10 % more, up to 99 %. QEMU does not reset the counter on a calm period; neither does vmig.
 *
 * vmig synchronises once per round (that is when QEMU's bitmap sync happens, at the end of each pass), and
 * a throttle t scales every write rate of the VM by 1 − t (./dirtying.ts): the guest runs 1 − t of the time.
 */
import type { AutoConverge } from "../scenario.js";

export const AUTO_CONVERGE_DEFAULTS = { triggerRatio: 0.5, initial: 0.2, increment: 0.1, max: 0.99 } as const;

export class AutoConvergeState {
  /** Fraction of vCPU time taken away, 0 when not throttled. */
  throttle = 0;
  private highCount = 0;

  constructor(private readonly options: AutoConverge | undefined) {}

  /** Multiplier of the VM's write rates. */
  get speed(): number {
    return 1 - this.throttle;
  }

  /** At the end of a period (a round) that dirtied `dirtiedBytes` while sending `transferredBytes`. */
  afterPeriod(dirtiedBytes: number, transferredBytes: number): void {
    const options = this.options;
    if (options === undefined) return;
    const ratio = options.triggerRatio ?? AUTO_CONVERGE_DEFAULTS.triggerRatio;
    if (!(dirtiedBytes > transferredBytes * ratio)) return;
    if (++this.highCount < 2) return;
    this.highCount = 0;
    const max = options.max ?? AUTO_CONVERGE_DEFAULTS.max;
    const next = this.throttle === 0
      ? options.initial ?? AUTO_CONVERGE_DEFAULTS.initial
      : this.throttle + (options.increment ?? AUTO_CONVERGE_DEFAULTS.increment);
    // Rounded to 1e-12 so that 0.2 + 0.1 + ... does not drift between the process and the predictor.
    this.throttle = Math.min(Math.round(next * 1e12) / 1e12, max);
  }
}
