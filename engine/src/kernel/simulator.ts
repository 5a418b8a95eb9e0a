/**
 * The discrete-event kernel: a clock, a deterministic event queue and the run's pseudo-random generator.
 *
 * Time jumps from one event to the next; nothing is stepped. Events due at the same instant run in the order
 * they were scheduled. Models never read the wall clock: `now` is the only time there is.
 */
import { EventQueue, type QueuedEvent } from "./eventQueue.js";
import { Random } from "./random.js";

/** Handle returned by `schedule`, accepted by `cancel`. */
export type EventHandle = QueuedEvent;

/** Why `run` returned. */
export type RunOutcome =
  /** No event is left to run. */
  | "idle"
  /** The next event is due after the horizon; the clock stands at the horizon. */
  | "horizon"
  /** `isCancelled` returned true. */
  | "cancelled"
  /** A model called `stop`. */
  | "stopped";

/** How many events run between two polls of `isCancelled`. */
export const CANCEL_POLL_EVENTS = 256;

export class Simulator {
  readonly random: Random;
  private readonly queue = new EventQueue();
  private clock = 0;
  private stopRequested = false;

  constructor(seed: number) {
    this.random = new Random(seed);
  }

  /** Current simulated time, in seconds. */
  get now(): number {
    return this.clock;
  }

  /** Schedules `action` at the absolute time `atSec`, which must not be in the past. */
  schedule(atSec: number, action: () => void): EventHandle {
    if (!(atSec >= this.clock)) {
      throw new RangeError(`cannot schedule an event at ${atSec} s, before the current time ${this.clock} s`);
    }
    return this.queue.push(atSec, action);
  }

  /** Schedules `action` `delaySec` seconds from now. */
  after(delaySec: number, action: () => void): EventHandle {
    return this.schedule(this.clock + delaySec, action);
  }

  /** Cancels a scheduled event; cancelling one that already ran does nothing. */
  cancel(handle: EventHandle): void {
    this.queue.cancel(handle);
  }

  /** Asks `run` to return after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Runs events in order until none is left, the next is due after `untilSec`, a model calls `stop`, or
   * `isCancelled` returns true. `isCancelled` is polled before the first event and then every
   * CANCEL_POLL_EVENTS events, so a cancellation takes effect quickly without costing a call per event.
   * An event itself is never interrupted: most take microseconds, but a rate update whose change reaches
   * most flows re-solves them all (about 60–110 ms with 100,000 flows on a k=16 fat-tree, BENCHMARKS.md), so
   * with that many flows a cancellation can wait for a few such events.
   */
  run(untilSec: number, isCancelled?: () => boolean): RunOutcome {
    this.stopRequested = false;
    for (let count = 0; ; count++) {
      if (this.stopRequested) return "stopped";
      if (isCancelled !== undefined && count % CANCEL_POLL_EVENTS === 0 && isCancelled()) return "cancelled";
      const next = this.queue.peekTime();
      if (next === undefined) return "idle";
      if (next > untilSec) {
        this.clock = Math.max(this.clock, untilSec);
        return "horizon";
      }
      const event = this.queue.pop()!;
      this.clock = event.timeSec;
      event.action();
    }
  }
}
