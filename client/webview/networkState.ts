/**
 * What the topology and S-CORE views show, kept in the panel state and updated from the streamed messages:
 * the network, its latest and peak link utilisation, the routes of the migrations under way, and the S-CORE
 * costs so far. Pure; no DOM.
 */
import type { EventDocument, LinkLoadDocument, PlacementDocument, SeriesParams, TopologyDocument } from "@vmig/protocol";
import { raisePeaks } from "@vmig/report";

export type Iteration = PlacementDocument["iterations"][number];

/** A migration under way: where it goes and through which links (indices into the topology's links). */
export interface ActiveMigration {
  readonly source: string;
  readonly target: string;
  readonly links: readonly number[];
  readonly start_s: number;
}

export interface NetworkState {
  topology: TopologyDocument | undefined;
  /** The latest link-utilisation frame. */
  linkLoad: LinkLoadDocument | undefined;
  /** The highest utilisation each link reached so far in the run. */
  peakLoads: number[];
  /** Migrations that started and have not ended, by VM. */
  active: Record<string, ActiveMigration>;
  /** S-CORE's cost after each iteration, as streamed; the placement document replaces it at the end. */
  costs: Iteration[];
  placement: PlacementDocument | undefined;
}

export function emptyNetwork(): NetworkState {
  return { topology: undefined, linkLoad: undefined, peakLoads: [], active: {}, costs: [], placement: undefined };
}

/** Applies a series batch's topology, events and link loads; returns whether anything changed. */
export function applyNetwork(network: NetworkState, params: SeriesParams): boolean {
  let changed = false;
  if (params.topology !== undefined) {
    network.topology = params.topology;
    network.peakLoads = new Array<number>(params.topology.links.length).fill(0);
    changed = true;
  }
  for (const event of params.events ?? []) changed = applyEvent(network, event) || changed;
  const frames = params.link_loads ?? [];
  if (frames.length > 0) {
    raisePeaks(network.peakLoads, frames);
    network.linkLoad = frames[frames.length - 1];
    changed = true;
  }
  return changed;
}

function applyEvent(network: NetworkState, event: EventDocument): boolean {
  switch (event.kind) {
    case "migration-start":
      network.active[event.vm] = { source: event.source, target: event.target, links: event.links, start_s: event.t_s };
      return true;
    case "migration-end":
      if (!(event.vm in network.active)) return false;
      delete network.active[event.vm];
      return true;
    case "placement-iteration":
      network.costs.push({ iteration: event.iteration, cost: event.cost, migrations: event.migrations });
      return true;
    case "round-start":
    case "stop-and-copy":
      return false;
  }
}

/**
 * How far a migration has come, from its bytes-left series (flat [t, bytes, ...]): the bytes left now over
 * the most there were (the VM's memory at the first round), as a fraction from 0 (nothing copied) to 1.
 * Later rounds resend dirtied pages, so the arrow steps back a little when a round starts, as the copy does.
 */
export function migrationProgress(remaining: readonly number[] | undefined): number {
  if (remaining === undefined || remaining.length < 2) return 0;
  let most = 0;
  for (let i = 1; i < remaining.length; i += 2) most = Math.max(most, remaining[i]!);
  if (!(most > 0)) return 1;
  const left = remaining[remaining.length - 1]!;
  return Math.min(1, Math.max(0, 1 - left / most));
}

/** The iterations to chart: the final placement's when the run has ended with one, else those streamed so far. */
export function costIterations(network: NetworkState): readonly Iteration[] {
  return network.placement?.iterations ?? network.costs;
}
