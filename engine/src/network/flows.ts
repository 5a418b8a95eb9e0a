/**
 * Flow-level network model: transfers that share directed links by max-min fairness.
 *
 * The model is SimGrid's flow model without its TCP corrections (Velho & Legrand, "Accuracy study and
 * improvement of network simulation in the SimGrid framework", SIMUTools 2009, and SimGrid's
 * src/kernel/resource/NetworkCm02Model): a flow first waits the route's one-way latency, then joins the
 * sharing and moves its bytes at the rate the max-min solver gives it. Rates change only when a flow joins or
 * leaves, so between those events every flow progresses analytically (remaining -= rate × elapsed); nothing
 * is stepped. An uncontended flow therefore takes latency + bytes / bottleneck bandwidth.
 *
 * After every change the manager schedules one completion event, for the flow that would finish first at the
 * current rates, and reschedules it on the next change. Flows whose remaining bytes fall within a tiny
 * relative epsilon when an event fires finish together, in the order they were started.
 */
import type { EventHandle, Simulator } from "../kernel/simulator.js";
import { solveMaxMin, type MaxMinVariable } from "./maxmin.js";
import type { Route } from "./routing.js";
import type { Topology } from "./topology.js";

/** A transfer started with `startFlow`. */
export interface Flow {
  /** Start order, from 0; ties between simultaneous finishes are broken by it. */
  readonly id: number;
  readonly route: Route;
  readonly bytes: number;
  readonly startSec: number;
}

/** A flow whose remaining bytes fall below this fraction of its size (or below 1e-6 byte) is finished. */
export const FINISH_RELATIVE_EPSILON = 1e-9;

export class FlowNetwork {
  private readonly capacities: Float64Array;
  private active: FlowState[] = [];
  private nextId = 0;
  private lastAdvanceSec: number;
  private pendingUpdate: EventHandle | undefined;
  private completion: EventHandle | undefined;

  constructor(
    private readonly sim: Simulator,
    topology: Topology,
  ) {
    this.capacities = Float64Array.from(topology.directedLinks, (link) => link.bandwidthBytesPerSec);
    this.lastAdvanceSec = sim.now;
  }

  /**
   * Starts moving `bytes` along `route`. `onDone` runs, inside a simulator event, when the last byte has
   * arrived: latency + bytes / bandwidth after the start for an uncontended flow.
   */
  startFlow(route: Route, bytes: number, onDone: (flow: Flow) => void): Flow {
    if (!(bytes >= 0)) throw new RangeError(`a flow cannot carry ${bytes} bytes`);
    const state: FlowState = {
      id: this.nextId++,
      route,
      bytes,
      startSec: this.sim.now,
      remaining: bytes,
      rate: 0,
      phase: "latency",
      variable: { constraints: route.links },
      onDone,
    };
    this.sim.after(route.latencySec, () => this.activate(state));
    return state;
  }

  /** Bytes of `flow` not yet delivered at the current simulated time. */
  remainingBytes(flow: Flow): number {
    const state = flow as FlowState;
    if (state.phase !== "active") return state.remaining;
    return Math.max(0, state.remaining - state.rate * (this.sim.now - this.lastAdvanceSec));
  }

  /** Current rate of `flow` in bytes per second: 0 while it waits its latency or after it finished. */
  rateOf(flow: Flow): number {
    const state = flow as FlowState;
    return state.phase === "active" ? state.rate : 0;
  }

  private activate(state: FlowState): void {
    this.advance();
    if (isFinished(state)) {
      this.finish([state]);
      return;
    }
    state.phase = "active";
    this.active.push(state);
    this.requestUpdate();
  }

  /** Moves every active flow forward to the current time at its current rate. */
  private advance(): void {
    const elapsed = this.sim.now - this.lastAdvanceSec;
    if (elapsed > 0) {
      for (const state of this.active) state.remaining -= state.rate * elapsed;
    }
    this.lastAdvanceSec = this.sim.now;
  }

  /** Recomputes rates once, at the current time, however many flows joined or left at this instant. */
  private requestUpdate(): void {
    if (this.pendingUpdate === undefined) this.pendingUpdate = this.sim.after(0, () => this.update());
  }

  private update(): void {
    this.pendingUpdate = undefined;
    this.advance();
    const rates = solveMaxMin(this.capacities, this.active.map((state) => state.variable));
    let first: FlowState | undefined;
    let firstDelay = Number.POSITIVE_INFINITY;
    this.active.forEach((state, index) => {
      state.rate = rates[index]!;
      const delay = state.rate > 0 ? Math.max(state.remaining, 0) / state.rate : Number.POSITIVE_INFINITY;
      if (delay < firstDelay) {
        firstDelay = delay;
        first = state;
      }
    });
    if (this.completion !== undefined) this.sim.cancel(this.completion);
    this.completion = undefined;
    const target = first;
    if (target !== undefined) this.completion = this.sim.after(firstDelay, () => this.complete(target));
  }

  /** Finishes `target`, whose completion event fired, and every other flow that is done by now. */
  private complete(target: FlowState): void {
    this.completion = undefined;
    this.advance();
    const done = this.active.filter((state) => state === target || isFinished(state));
    this.active = this.active.filter((state) => state !== target && !isFinished(state));
    this.requestUpdate();
    this.finish(done);
  }

  private finish(states: readonly FlowState[]): void {
    for (const state of states) {
      state.phase = "done";
      state.remaining = 0;
      state.rate = 0;
    }
    for (const state of states) state.onDone(state);
  }
}

interface FlowState extends Flow {
  remaining: number;
  rate: number;
  phase: "latency" | "active" | "done";
  readonly variable: MaxMinVariable;
  readonly onDone: (flow: Flow) => void;
}

function isFinished(state: FlowState): boolean {
  return state.remaining <= Math.max(state.bytes * FINISH_RELATIVE_EPSILON, 1e-6);
}
