/**
 * Background traffic: constant-bit-rate streams, on/off sources and bulk transfers that compete with the
 * migrations.
 *
 * - `cbr`: a stream at a fixed rate during [start, end), like the constant bit-rate UDP stream of paper 004
 *   §5.2.4 (../shared/papers/004_7bdc0f42a00b8d78.txt) or an iperf UDP client.
 * - `onoff`: the classic on/off source (e.g. Jain & Routhier's packet trains; the on/off models of data-centre
 *   traffic in Benson et al., IMC 2010, cited by paper 004 §2.2): the rate during on periods, nothing during
 *   off periods; periods are fixed, or exponential with the given means, drawn from a generator seeded from
 *   the run's generator, so a source's draws never depend on other models.
 * - `bulk`: a transfer of a given size as fast as sharing allows (a MapReduce chunk, paper 004 §5.1.1).
 *
 * A `fair` source joins max-min sharing capped at its rate; a `priority` source is served before every fair
 * flow, as an unresponsive sender takes the link (see docs/models.md for when each fits). Each source is
 * routed once, when it first starts, as one connection; its flow id for ECMP is −(index + 1).
 */
import { SimulationError } from "../errors.js";
import { Random } from "../kernel/random.js";
import type { Simulator } from "../kernel/simulator.js";
import type { BackgroundFlow } from "../scenario.js";
import type { Flow, FlowNetwork, FlowOptions } from "./flows.js";
import type { Route } from "./routing.js";

/** Picks the route of a new connection; undefined when none exists. */
export type RouteChooser = (from: number, to: number, flow: number) => Route | undefined;

/** Checks the sources against the scenario; throws SimulationError on the first problem. */
export function checkBackground(sources: readonly BackgroundFlow[], nodeCount: number): void {
  sources.forEach((source, index) => {
    const what = `background flow ${source.name ?? index + 1}`;
    for (const end of [source.from, source.to]) {
      if (!Number.isInteger(end) || end < 0 || end >= nodeCount) throw new SimulationError(`${what} names node ${end}, which does not exist`);
    }
    if (source.from === source.to) throw new SimulationError(`${what} starts and ends at the same node`);
    if (!(source.startSec >= 0) || !Number.isFinite(source.startSec)) throw new SimulationError(`${what} starts at ${source.startSec} s; it must be >= 0`);
    if (source.endSec !== undefined && !(source.endSec >= source.startSec)) throw new SimulationError(`${what} ends before it starts`);
    const rate = source.rateBytesPerSec;
    if (rate !== undefined && !(rate >= 0 && Number.isFinite(rate))) throw new SimulationError(`${what} has rate ${rate} bytes/s`);
    if (source.kind === "bulk" && !(source.bytes >= 0 && Number.isFinite(source.bytes))) throw new SimulationError(`${what} carries ${source.bytes} bytes`);
    if (source.kind === "onoff" && !(source.onSec > 0 && source.offSec >= 0)) throw new SimulationError(`${what} needs onSec > 0 and offSec >= 0`);
  });
}

/** Schedules every source; their flows start and stop inside the simulation. */
export function startBackground(sim: Simulator, network: FlowNetwork, choose: RouteChooser, sources: readonly BackgroundFlow[]): void {
  sources.forEach((source, index) => {
    // Drawn for every source, in order, so a source's seed does not depend on the kinds of the others.
    const seed = sim.random.int(4294967296);
    const endSec = source.endSec ?? Number.POSITIVE_INFINITY;
    const options: FlowOptions = { priority: source.share === "priority", ...capOf(source) };
    let route: Route | undefined;
    const routeOnce = (): Route => {
      route ??= choose(source.from, source.to, -(index + 1));
      if (route === undefined) throw new SimulationError(`background flow ${source.name ?? index + 1}: no network route`);
      return route;
    };
    const until = (flow: Flow): void => {
      if (Number.isFinite(endSec)) sim.schedule(endSec, () => network.stopFlow(flow));
    };
    sim.schedule(source.startSec, () => {
      if (sim.now >= endSec) return;
      if (source.kind === "bulk") until(network.startFlow(routeOnce(), source.bytes, () => undefined, options));
      else if (source.kind === "cbr") until(network.startFlow(routeOnce(), Number.POSITIVE_INFINITY, () => undefined, options));
      else onOff(sim, network, routeOnce(), source, options, new Random(seed), endSec);
    });
  });
}

function capOf(source: BackgroundFlow): { capBytesPerSec?: number } {
  const rate = source.rateBytesPerSec;
  return rate === undefined ? {} : { capBytesPerSec: rate };
}

/** Alternates on and off periods from now until `endSec`, starting with an on period. */
function onOff(
  sim: Simulator,
  network: FlowNetwork,
  route: Route,
  source: Extract<BackgroundFlow, { kind: "onoff" }>,
  options: FlowOptions,
  random: Random,
  endSec: number,
): void {
  const draw = (mean: number): number => (source.periods === "exponential" ? -mean * Math.log(1 - random.next()) : mean);
  const on = (): void => {
    const flow = network.startFlow(route, Number.POSITIVE_INFINITY, () => undefined, options);
    const offAt = sim.now + draw(source.onSec);
    if (offAt >= endSec) {
      if (Number.isFinite(endSec)) sim.schedule(endSec, () => network.stopFlow(flow));
      return;
    }
    sim.schedule(offAt, () => {
      network.stopFlow(flow);
      const nextOn = sim.now + draw(source.offSec);
      if (nextOn < endSec) sim.schedule(nextOn, on);
    });
  };
  on();
}
