/**
 * The run state shown in the status bar, and how it reads. Pure, so the wording is unit-tested.
 */

export type RunState =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly scenario: string }
  | { readonly kind: "finished"; readonly scenario: string; readonly migrations: number; readonly truncated: boolean }
  | { readonly kind: "cancelled"; readonly scenario: string; readonly migrations: number }
  | { readonly kind: "failed"; readonly scenario: string; readonly error: string };

export interface StatusPresentation {
  /** Status-bar text, with `$(icon)` codicons. */
  readonly text: string;
  readonly tooltip: string;
  /** The command a click runs. */
  readonly command: "vmig.runScenario" | "vmig.stopScenario";
  /** Whether the item should use the error background. */
  readonly error: boolean;
}

/** How a run state reads in the status bar; `undefined` when there is nothing to show. */
export function presentRunState(state: RunState): StatusPresentation | undefined {
  switch (state.kind) {
    case "idle":
      return undefined;
    case "running":
      return {
        text: `$(sync~spin) vmig: running ${state.scenario}`,
        tooltip: "A vmig scenario is running. Click to stop it.",
        command: "vmig.stopScenario",
        error: false,
      };
    case "finished":
      return {
        text: `$(pass) vmig: ${plural(state.migrations, "migration")}${state.truncated ? " (horizon reached)" : ""}`,
        tooltip: `${state.scenario} finished. Click to run it again.`,
        command: "vmig.runScenario",
        error: false,
      };
    case "cancelled":
      return {
        text: `$(debug-stop) vmig: stopped after ${plural(state.migrations, "migration")}`,
        tooltip: `${state.scenario} was stopped. Click to run it again.`,
        command: "vmig.runScenario",
        error: false,
      };
    case "failed":
      return {
        text: "$(error) vmig: run failed",
        tooltip: `${state.scenario}: ${state.error}`,
        command: "vmig.runScenario",
        error: true,
      };
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
