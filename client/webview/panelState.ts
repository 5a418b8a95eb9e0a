/**
 * What the results panel shows, and how each message from the extension changes it. Pure; no DOM.
 * The state is plain data, so `vscode.setState` can keep it while the panel is hidden or reloaded.
 */
import type { MigrationDocument } from "@vmig/protocol";
import { minimumPoints, appendChunks, compactStore, cwndPrefix, linkPrefix, remainingPrefix, type SeriesStore } from "@vmig/report";
import type { BaselineRun, ToPanelMessage } from "../src/panelProtocol.js";
import { defaultMaxPoints } from "../src/settings.js";
import { lineChoices, type LineChoice } from "./lines.js";
import { applyNetwork, emptyNetwork, type NetworkState } from "./networkState.js";

export type RunStatus = "idle" | "running" | "finished" | "cancelled" | "failed";

/** The panel's views, one tab each. */
export const tabIds = ["remaining", "timeline", "rounds", "links", "window", "topology", "placement", "compare"] as const;
export type TabId = (typeof tabIds)[number];

export interface PanelState {
  /** Bumped when the shape changes, so a state saved by an older version is dropped, not misread. */
  readonly version: 2;
  runId: string | undefined;
  scenario: string;
  status: RunStatus;
  error: string | undefined;
  /** What the server says the results leave out (for example that only the first repetition ran). */
  note: string | undefined;
  /** Whether the run stopped at its horizon before every migration finished. */
  truncated: boolean;
  /** The seed the run used, known once it ends. */
  seed: number | undefined;
  /** Only the series the panel charts (`remaining/<vm>`, `link/<name>` and `cwnd/<vm>`). */
  series: SeriesStore;
  migrations: MigrationDocument[];
  /** The network, its link loads, the migrations under way and S-CORE's placement, for the topology and S-CORE views. */
  network: NetworkState;
  /** The earlier run this one is compared with, if comparison is on. */
  baseline: BaselineRun | undefined;
  /** The view on show; kept across runs. */
  tab: TabId;
  /** Which lines the line charts draw when a run has more than they can show; kept across runs. */
  lineChoice: LineChoice;
  /** `vmig.chart.maxPoints`: points per series drawn before decimation; kept across runs. */
  maxPoints: number;
}

export function emptyState(): PanelState {
  return {
    version: 2,
    runId: undefined,
    scenario: "",
    status: "idle",
    error: undefined,
    note: undefined,
    truncated: false,
    seed: undefined,
    series: {},
    migrations: [],
    network: emptyNetwork(),
    baseline: undefined,
    tab: "remaining",
    lineChoice: "first",
    maxPoints: defaultMaxPoints,
  };
}

/** Returns a saved state when it has the current shape, otherwise `undefined`. */
export function restoreState(saved: unknown): PanelState | undefined {
  if (typeof saved !== "object" || saved === null) return undefined;
  if ((saved as { version?: unknown }).version !== 2) return undefined;
  // Saved states go through JSON, which drops undefined fields; the defaults fill them in again.
  const state: PanelState = { ...emptyState(), ...(saved as Partial<PanelState>), version: 2 };
  state.network = { ...emptyNetwork(), ...(saved as Partial<PanelState>).network };
  if (!(tabIds as readonly string[]).includes(state.tab)) state.tab = "remaining";
  if (!lineChoices.some((c) => c.value === state.lineChoice)) state.lineChoice = "first";
  return state;
}

/** Whether the panel charts a series: bytes left per VM, link utilisation and TCP windows. */
export function isCharted(series: string): boolean {
  return series.startsWith(remainingPrefix) || series.startsWith(linkPrefix) || series.startsWith(cwndPrefix);
}

/**
 * Applies a message in place and returns whether the state changed. A new run clears the previous one
 * (but keeps the tab and the settings); messages of any other run than the current one are ignored.
 */
export function applyMessage(state: PanelState, message: ToPanelMessage): boolean {
  switch (message.type) {
    case "runStarted":
      Object.assign(state, emptyState(), {
        runId: message.runId,
        scenario: message.scenario,
        status: "running",
        tab: state.tab,
        lineChoice: state.lineChoice,
        maxPoints: state.maxPoints,
      });
      return true;
    case "configure":
      state.maxPoints = Math.max(minimumPoints, Math.floor(message.maxPoints));
      compactStore(state.series, state.maxPoints);
      return true;
    case "compare":
      state.baseline = message.baseline;
      return true;
    case "series": {
      const { params } = message;
      if (params.runId !== state.runId || state.status !== "running") return false;
      const added = appendChunks(state.series, params.chunks, isCharted);
      if (added) compactStore(state.series, state.maxPoints);
      state.migrations.push(...params.finished);
      const networkChanged = applyNetwork(state.network, params);
      return added || params.finished.length > 0 || networkChanged;
    }
    case "runDone": {
      const { params } = message;
      if (params.runId !== state.runId) return false;
      if (params.results !== undefined) {
        // The final document is authoritative: it lists every migration, in the server's order.
        state.migrations = [...params.results.migrations];
        state.truncated = params.results.truncated;
        state.seed = params.results.seed;
        if (params.results.topology !== undefined && state.network.topology === undefined) {
          state.network.topology = params.results.topology;
          state.network.peakLoads = new Array<number>(params.results.topology.links.length).fill(0);
        }
        state.network.placement = params.results.placement;
      }
      // Every migration has ended (or never will): no arrow stays on the network.
      state.network.active = {};
      state.error = params.error;
      state.note = params.note;
      // A run that ends with neither results nor an error can only have been cancelled early.
      state.status =
        params.error !== undefined
          ? "failed"
          : params.results === undefined || params.results.cancelled
            ? "cancelled"
            : "finished";
      return true;
    }
  }
}

/**
 * Whether a message is worth saving the state for: every one but series batches that bring no finished
 * row, no network and no S-CORE iteration (the views a reload must restore).
 */
export function worthSaving(message: ToPanelMessage): boolean {
  if (message.type !== "series") return true;
  const { params } = message;
  return params.finished.length > 0 || params.topology !== undefined || (params.events ?? []).some((e) => e.kind === "placement-iteration");
}
