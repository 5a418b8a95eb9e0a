/**
 * The network side of a run, wired from a scenario: topology, routing, flows, background traffic and link
 * utilisation series. The models themselves live in the files this one imports; docs/models.md §3 gives
 * their equations and sources.
 */
import { SimulationError } from "../errors.js";
import type { Simulator } from "../kernel/simulator.js";
import type { SeriesBuffer } from "../output/seriesBuffer.js";
import type { Scenario } from "../scenario.js";
import { checkBackground, startBackground } from "./background.js";
import { DEFAULT_POLL_INTERVAL_SEC, DynamicRouting } from "./dynamicRouting.js";
import { EcmpRouting } from "./ecmp.js";
import { FlowNetwork } from "./flows.js";
import { ShortestPathRouting, type Route, type Routing } from "./routing.js";
import { buildTopology, type Topology } from "./topology.js";
import { UtilisationRecorder } from "./utilisation.js";

/** Links streamed as `link/<name>` when the scenario has background traffic and does not say otherwise. */
export const DEFAULT_LINK_SERIES = 8;

export interface NetworkModel {
  readonly topology: Topology;
  readonly flows: FlowNetwork;
  /** Routing used to plan and check migrations before the run: static, with the migration index as flow id. */
  readonly planning: Routing;
  /** The route a migration takes when it starts now: the planned one, unless routing is dynamic. */
  routeAtStart(from: number, to: number, flow: number, planned: Route): Route;
  /** The route a new connection between two nodes takes now (VM flows); undefined when none exists. */
  routeNow(from: number, to: number, flow: number): Route | undefined;
  /** Appends the busiest links' utilisation series, up to `endSec`, to `series`. */
  finish(series: SeriesBuffer, endSec: number): void;
}

/** Builds the network of `scenario` and schedules its background traffic; throws SimulationError on a problem. */
export function buildNetwork(sim: Simulator, scenario: Scenario): NetworkModel {
  const topology = buildTopology(scenario.nodes, scenario.links);
  const background = scenario.background ?? [];
  const vmTraffic = (scenario.vmFlows?.length ?? 0) > 0 || scenario.datacentreTraffic?.loadNetwork === true;
  const seriesCount = scenario.linkSeries ?? (background.length > 0 || vmTraffic ? DEFAULT_LINK_SERIES : 0);
  if (!Number.isInteger(seriesCount) || seriesCount < 0) throw new SimulationError(`linkSeries must be a whole number >= 0, got ${seriesCount}`);
  const recorder = seriesCount > 0 ? new UtilisationRecorder(topology) : undefined;
  const flows = new FlowNetwork(sim, topology, recorder);
  const spec = scenario.routing ?? { kind: "shortest" };
  const shortest = new ShortestPathRouting(topology);
  let planning: Routing = shortest;
  let dynamic: DynamicRouting | undefined;
  if (spec.kind === "ecmp") planning = new EcmpRouting(topology);
  else if (spec.kind === "dynamic") dynamic = new DynamicRouting(topology, flows, () => sim.now, spec.pollIntervalSec ?? DEFAULT_POLL_INTERVAL_SEC);

  checkBackground(background, topology.nodeCount);
  const component = background.length > 0 ? components(topology) : new Int32Array(0);
  background.forEach((source, index) => {
    if (component[source.from] !== component[source.to]) {
      const name = (node: number) => scenario.nodes[node]!.name;
      throw new SimulationError(`background flow ${source.name ?? index + 1}: no network route from ${name(source.from)} to ${name(source.to)}`);
    }
  });
  startBackground(sim, flows, (from, to, flow) => (dynamic ?? planning).route(from, to, flow), background);

  return {
    topology,
    flows,
    planning,
    routeAtStart: (from, to, _flow, planned) => dynamic?.route(from, to) ?? planned,
    routeNow: (from, to, flow) => (dynamic ?? planning).route(from, to, flow),
    finish: (series, endSec) => {
      if (recorder === undefined) return;
      flows.flushLinks();
      for (const { link, points } of recorder.busiest(seriesCount, endSec)) {
        const name = `link/${scenario.links[link]!.name}`;
        for (const [timeSec, ratio] of points) series.append(name, "ratio", timeSec, ratio);
      }
    },
  };
}

/**
 * The connected component of every node (links are full duplex, so two nodes have a route between them iff
 * they share one): one pass for all background sources, rather than a search per source.
 */
function components(topology: Topology): Int32Array {
  const component = new Int32Array(topology.nodeCount).fill(-1);
  const stack: number[] = [];
  for (let start = 0; start < topology.nodeCount; start++) {
    if (component[start] !== -1) continue;
    component[start] = start;
    stack.push(start);
    while (stack.length > 0) {
      for (const link of topology.outgoing[stack.pop()!]!) {
        if (component[link.to] !== -1) continue;
        component[link.to] = start;
        stack.push(link.to);
      }
    }
  }
  return component;
}
