/**
 * What the results panel shows, and how each message from the extension changes it. Pure; no DOM.
 * The state is plain data, so `vscode.setState` can keep it while the panel is hidden or reloaded.
 */
import type { MigrationDocument } from "@vmig/protocol";
import type { ToPanelMessage } from "../src/panelProtocol.js";
import { appendChunks, remainingPrefix, type SeriesStore } from "./series.js";

export type RunStatus = "idle" | "running" | "finished" | "cancelled" | "failed";

export interface PanelState {
  /** Bumped when the shape changes, so a state saved by an older version is dropped, not misread. */
  readonly version: 1;
  runId: string | undefined;
  scenario: string;
  status: RunStatus;
  error: string | undefined;
  /** Whether the run stopped at its horizon before every migration finished. */
  truncated: boolean;
  /** Only the series the panel charts (`remaining/<vm>`). */
  series: SeriesStore;
  migrations: MigrationDocument[];
}

export function emptyState(): PanelState {
  return {
    version: 1,
    runId: undefined,
    scenario: "",
    status: "idle",
    error: undefined,
    truncated: false,
    series: {},
    migrations: [],
  };
}

/** Returns a saved state when it has the current shape, otherwise `undefined`. */
export function restoreState(saved: unknown): PanelState | undefined {
  if (typeof saved !== "object" || saved === null) return undefined;
  if ((saved as { version?: unknown }).version !== 1) return undefined;
  // Saved states go through JSON, which drops undefined fields; the defaults fill them in again.
  return { ...emptyState(), ...(saved as Partial<PanelState>), version: 1 };
}

/**
 * Applies a message in place and returns whether the state changed. A new run clears the previous one;
 * messages of any other run than the current one are ignored.
 */
export function applyMessage(state: PanelState, message: ToPanelMessage): boolean {
  switch (message.type) {
    case "runStarted":
      Object.assign(state, emptyState(), { runId: message.runId, scenario: message.scenario, status: "running" });
      return true;
    case "series": {
      const { params } = message;
      if (params.runId !== state.runId || state.status !== "running") return false;
      const added = appendChunks(state.series, params.chunks, (name) => name.startsWith(remainingPrefix));
      state.migrations.push(...params.finished);
      return added || params.finished.length > 0;
    }
    case "runDone": {
      const { params } = message;
      if (params.runId !== state.runId) return false;
      if (params.results !== undefined) {
        // The final document is authoritative: it lists every migration, in the server's order.
        state.migrations = [...params.results.migrations];
        state.truncated = params.results.truncated;
      }
      state.error = params.error;
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

/** Whether a message is worth saving the state for: every one but series batches without finished rows. */
export function worthSaving(message: ToPanelMessage): boolean {
  return message.type !== "series" || message.params.finished.length > 0;
}
