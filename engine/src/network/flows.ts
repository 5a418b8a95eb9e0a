/**
 * Flow-level network model: transfers that share directed links by max-min fairness.
 *
 * The model is SimGrid's flow model without its TCP corrections (Velho & Legrand, "Accuracy study and
 * improvement of network simulation in the SimGrid framework", SIMUTools 2009, and SimGrid's
 * src/kernel/resource/NetworkCm02Model): a flow first waits the route's one-way latency, then joins the
 * sharing and moves its bytes at the rate the max-min solver gives it. Rates change only when a flow joins or
 * leaves, so between those events every flow progresses analytically; nothing is stepped. An uncontended
 * flow therefore takes latency + bytes / bottleneck bandwidth.
 *
 * Rates come from the incremental solver (./incremental.ts), which re-solves only what a change reaches.
 * Each flow keeps its bytes left at the time its rate last changed, so only flows whose rate changed are
 * touched; a heap of projected finish times gives the next completion, for which one simulator event is
 * kept. Flows whose remaining bytes fall within a tiny relative epsilon when that event fires finish
 * together, in the order they were started.
 *
 * Two sharing classes: `priority` flows (an unresponsive sender such as a UDP stream) share each link among
 * themselves first, by max-min with their caps; `fair` flows share what they leave. Every directed link
 * counts the bytes it carried, for routing (paper 000 §4.2's port statistics) and utilisation series.
 */
import type { EventHandle, Simulator } from "../kernel/simulator.js";
import { IncrementalMaxMin } from "./incremental.js";
import type { Route } from "./routing.js";
import type { Topology } from "./topology.js";
import type { UtilisationRecorder } from "./utilisation.js";

/** A transfer started with `startFlow`. */
export interface Flow {
  /** Start order, from 0; ties between simultaneous finishes are broken by it. */
  readonly id: number;
  readonly route: Route;
  /** Bytes to move; +Infinity for a stream that runs until `stopFlow`. */
  readonly bytes: number;
  readonly startSec: number;
}

export interface FlowOptions {
  /** Highest rate of the flow, in bytes per second (a constant-bit-rate source, a sender's limit). */
  readonly capBytesPerSec?: number;
  /** Served before every fair flow on its links (default false). */
  readonly priority?: boolean;
}

/** A flow whose remaining bytes fall below this fraction of its size (or below 1e-6 byte) is finished. */
export const FINISH_RELATIVE_EPSILON = 1e-9;

export class FlowNetwork {
  private readonly capacities: Float64Array;
  private readonly fair: IncrementalMaxMin;
  private readonly priority: IncrementalMaxMin;
  private readonly priorityLoad: Float64Array;
  private readonly priorityCount: Int32Array;
  private readonly byFairId: FlowState[] = [];
  private readonly byPriorityId: FlowState[] = [];
  /** Bytes each directed link carried up to `linkSince`, its current load, and since when. */
  private readonly linkBank: Float64Array;
  private readonly linkLoad: Float64Array;
  private readonly linkSince: Float64Array;
  private readonly finishes = new FinishHeap();
  private readonly observers: ((nowSec: number) => void)[] = [];
  private nextId = 0;
  private activeCount = 0;
  private pendingUpdate: EventHandle | undefined;
  private completion: EventHandle | undefined;
  private completionSec = Number.POSITIVE_INFINITY;

  constructor(
    private readonly sim: Simulator,
    topology: Topology,
    private readonly recorder?: UtilisationRecorder,
  ) {
    this.capacities = Float64Array.from(topology.directedLinks, (link) => link.bandwidthBytesPerSec);
    const count = this.capacities.length;
    this.fair = new IncrementalMaxMin(this.capacities);
    this.priority = new IncrementalMaxMin(this.capacities);
    this.priorityLoad = new Float64Array(count);
    this.priorityCount = new Int32Array(count);
    this.linkBank = new Float64Array(count);
    this.linkLoad = new Float64Array(count);
    this.linkSince = new Float64Array(count).fill(sim.now);
  }

  /**
   * Starts moving `bytes` along `route`. `onDone` runs, inside a simulator event, when the last byte has
   * arrived: latency + bytes / bandwidth after the start for an uncontended flow.
   */
  startFlow(route: Route, bytes: number, onDone: (flow: Flow) => void, options: FlowOptions = {}): Flow {
    if (!(bytes >= 0)) throw new RangeError(`a flow cannot carry ${bytes} bytes`);
    const cap = options.capBytesPerSec;
    if (cap !== undefined && !(cap >= 0)) throw new RangeError(`a flow cannot be capped at ${cap} bytes/s`);
    const state: FlowState = {
      id: this.nextId++,
      route,
      bytes,
      startSec: this.sim.now,
      remaining: bytes,
      since: this.sim.now,
      rate: 0,
      phase: "latency",
      cap,
      priority: options.priority === true,
      solverId: -1,
      version: 0,
      onDone,
      activation: undefined,
    };
    state.activation = this.sim.after(route.latencySec, () => this.activate(state));
    return state;
  }

  /** Ends a flow before its last byte (a stream reaching its end time); its `onDone` does not run. */
  stopFlow(flow: Flow): void {
    const state = flow as FlowState;
    if (state.phase === "done") return;
    this.beforeChange();
    if (state.phase === "latency") {
      if (state.activation !== undefined) this.sim.cancel(state.activation);
    } else {
      this.setRate(state, 0);
      this.leave(state);
      this.requestUpdate();
    }
    state.phase = "done";
  }

  /** Bytes of `flow` not yet delivered at the current simulated time. */
  remainingBytes(flow: Flow): number {
    const state = flow as FlowState;
    if (state.phase !== "active") return state.phase === "done" ? 0 : state.remaining;
    return Math.max(0, state.remaining - progress(state.rate, this.sim.now - state.since));
  }

  /** Current rate of `flow` in bytes per second: 0 while it waits its latency or after it finished. */
  rateOf(flow: Flow): number {
    const state = flow as FlowState;
    return state.phase === "active" ? state.rate : 0;
  }

  /** Flows that have joined the sharing and not finished. */
  get activeFlows(): number {
    return this.activeCount;
  }

  /** Bytes directed link `id` carried from the start up to `atSec` (default now; not before its last change). */
  linkBytes(id: number, atSec: number = this.sim.now): number {
    return this.linkBank[id]! + this.linkLoad[id]! * (atSec - this.linkSince[id]!);
  }

  /** Current total rate on directed link `id`, in bytes per second. */
  linkRate(id: number): number {
    return this.linkLoad[id]!;
  }

  /** Calls `observer(now)` just before any rate changes, while the rates since the last change still hold. */
  onBeforeRateChange(observer: (nowSec: number) => void): void {
    this.observers.push(observer);
  }

  /** Hands every link's traffic up to now to the utilisation recorder. */
  flushLinks(): void {
    for (let id = 0; id < this.capacities.length; id++) this.bankLink(id);
  }

  private activate(state: FlowState): void {
    state.activation = undefined;
    state.since = this.sim.now;
    if (isFinished(state)) {
      this.finish([state]);
      return;
    }
    state.phase = "active";
    this.activeCount++;
    const solver = state.priority ? this.priority : this.fair;
    state.solverId = solver.add(state.route.links, state.cap);
    (state.priority ? this.byPriorityId : this.byFairId)[state.solverId] = state;
    if (state.priority) for (const l of state.route.links) this.priorityCount[l] = this.priorityCount[l]! + 1;
    this.requestUpdate();
  }

  /** Recomputes rates once, at the current time, however many flows joined or left at this instant. */
  private requestUpdate(): void {
    if (this.pendingUpdate === undefined) this.pendingUpdate = this.sim.after(0, () => this.update());
  }

  private update(): void {
    this.pendingUpdate = undefined;
    this.beforeChange();
    for (const id of this.priority.solve()) {
      const state = this.byPriorityId[id];
      if (state === undefined || state.phase !== "active") continue;
      this.setRate(state, this.priority.rate(id));
    }
    for (const id of this.fair.solve()) {
      const state = this.byFairId[id];
      if (state !== undefined && state.phase === "active") this.setRate(state, this.fair.rate(id));
    }
    this.scheduleCompletion();
  }

  private beforeChange(): void {
    for (const observer of this.observers) observer(this.sim.now);
  }

  /** Banks the flow's progress and its links' bytes at the old rate, then applies the new rate. */
  private setRate(state: FlowState, rate: number): void {
    const now = this.sim.now;
    if (rate === state.rate) return;
    state.remaining -= progress(state.rate, now - state.since);
    state.since = now;
    for (const l of state.route.links) {
      this.bankLink(l);
      this.linkLoad[l] = this.linkLoad[l]! + rate - state.rate;
      if (state.priority) {
        this.priorityLoad[l] = this.priorityLoad[l]! + rate - state.rate;
        this.fair.setCapacity(l, Math.max(0, this.capacities[l]! - this.priorityLoad[l]!));
      }
    }
    state.rate = rate;
    state.version++;
    if (rate > 0 && Number.isFinite(state.remaining)) {
      this.finishes.push(now + Math.max(state.remaining, 0) / rate, state, state.version);
    }
  }

  private bankLink(l: number): void {
    const now = this.sim.now;
    const since = this.linkSince[l]!;
    if (now === since) return;
    const load = this.linkLoad[l]!;
    this.linkBank[l] = this.linkBank[l]! + load * (now - since);
    this.linkSince[l] = now;
    if (this.recorder !== undefined && load > 0) this.recorder.add(l, since, now, load);
  }

  private scheduleCompletion(): void {
    this.dropStale();
    const next = this.finishes.size > 0 ? this.finishes.topTime() : Number.POSITIVE_INFINITY;
    if (next === this.completionSec) return;
    if (this.completion !== undefined) this.sim.cancel(this.completion);
    this.completion = undefined;
    this.completionSec = next;
    if (Number.isFinite(next)) this.completion = this.sim.schedule(Math.max(next, this.sim.now), () => this.complete());
  }

  private dropStale(): void {
    while (this.finishes.size > 0) {
      const state = this.finishes.topFlow();
      if (state.phase === "active" && state.version === this.finishes.topVersion()) return;
      this.finishes.pop();
    }
  }

  /** Finishes every flow due by now: the one whose completion event fired and any within the epsilon. */
  private complete(): void {
    this.completion = undefined;
    this.completionSec = Number.POSITIVE_INFINITY;
    this.beforeChange();
    const now = this.sim.now;
    const done: FlowState[] = [];
    for (this.dropStale(); this.finishes.size > 0; this.dropStale()) {
      const state = this.finishes.topFlow();
      const due = this.finishes.topTime() <= now;
      if (!due && !isFinished({ bytes: state.bytes, remaining: state.remaining - progress(state.rate, now - state.since) })) break;
      this.finishes.pop();
      this.setRate(state, 0);
      this.leave(state);
      done.push(state);
    }
    this.requestUpdate();
    this.scheduleCompletion();
    this.finish(done.sort((x, y) => x.id - y.id));
  }

  /** Takes an active flow out of the sharing. */
  private leave(state: FlowState): void {
    this.activeCount--;
    if (state.priority) {
      this.priority.remove(state.solverId);
      for (const l of state.route.links) {
        this.priorityCount[l] = this.priorityCount[l]! - 1;
        if (this.priorityCount[l] === 0) {
          // Reset exactly, so rounding cannot leave a trace of a stream that has gone.
          this.priorityLoad[l] = 0;
          this.fair.setCapacity(l, this.capacities[l]!);
        }
      }
      delete this.byPriorityId[state.solverId];
    } else {
      this.fair.remove(state.solverId);
      delete this.byFairId[state.solverId];
    }
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
  /** Bytes left at time `since`. */
  remaining: number;
  since: number;
  rate: number;
  phase: "latency" | "active" | "done";
  readonly cap: number | undefined;
  readonly priority: boolean;
  solverId: number;
  /** Bumped at every rate change; finish-heap entries of older versions are stale. */
  version: number;
  readonly onDone: (flow: Flow) => void;
  activation: EventHandle | undefined;
}

/** Bytes moved at `rate` over `elapsed` seconds; 0 when no time passed, even at an infinite rate. */
function progress(rate: number, elapsed: number): number {
  return elapsed === 0 ? 0 : rate * elapsed;
}

function isFinished(state: { readonly bytes: number; readonly remaining: number }): boolean {
  return Number.isFinite(state.bytes) && state.remaining <= Math.max(state.bytes * FINISH_RELATIVE_EPSILON, 1e-6);
}

/** A binary min-heap of projected finish times, ties by flow id, in parallel arrays so a push allocates nothing. */
class FinishHeap {
  private readonly times: number[] = [];
  private readonly ids: number[] = [];
  private readonly flows: FlowState[] = [];
  private readonly versions: number[] = [];

  get size(): number {
    return this.times.length;
  }

  topTime(): number {
    return this.times[0]!;
  }

  topFlow(): FlowState {
    return this.flows[0]!;
  }

  topVersion(): number {
    return this.versions[0]!;
  }

  push(time: number, flow: FlowState, version: number): void {
    this.times.push(time);
    this.ids.push(flow.id);
    this.flows.push(flow);
    this.versions.push(version);
    for (let i = this.times.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): void {
    const last = this.times.length - 1;
    this.swap(0, last);
    this.times.pop();
    this.ids.pop();
    this.flows.pop();
    this.versions.pop();
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      let smallest = i;
      if (left < last && this.less(left, smallest)) smallest = left;
      if (left + 1 < last && this.less(left + 1, smallest)) smallest = left + 1;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private less(i: number, j: number): boolean {
    const a = this.times[i]!;
    const b = this.times[j]!;
    return a < b || (a === b && this.ids[i]! < this.ids[j]!);
  }

  private swap(i: number, j: number): void {
    const time = this.times[i]!;
    this.times[i] = this.times[j]!;
    this.times[j] = time;
    const id = this.ids[i]!;
    this.ids[i] = this.ids[j]!;
    this.ids[j] = id;
    const flow = this.flows[i]!;
    this.flows[i] = this.flows[j]!;
    this.flows[j] = flow;
    const version = this.versions[i]!;
    this.versions[i] = this.versions[j]!;
    this.versions[j] = version;
  }
}
