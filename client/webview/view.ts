/**
 * Renders the panel state into the page skeleton that the extension's HTML provides.
 */
import { RemainingChart } from "./chart.js";
import type { PanelState, RunStatus } from "./panelState.js";
import { migrationColumns, migrationRow } from "./rows.js";
import { alignSeries, remainingPrefix } from "./series.js";
import { createButton, createDataGrid, createProgressRing, createTag, setDataGridRows } from "./toolkit.js";

const statusWords: Record<RunStatus, string> = {
  idle: "idle",
  running: "running",
  finished: "finished",
  cancelled: "stopped",
  failed: "failed",
};

export class ResultsView {
  private readonly header = element("header");
  private readonly error = element("error");
  private readonly table = element("table");
  private readonly chart = new RemainingChart(element("chart"));
  private grid: HTMLElement | undefined;
  /** What the table shows now, to skip redrawing it when nothing it depends on changed. */
  private tableKey = "";

  /** `onStop` runs when the user presses Stop. */
  constructor(private readonly onStop: () => void) {}

  render(state: PanelState): void {
    this.renderHeader(state);
    this.error.hidden = state.error === undefined;
    this.error.textContent = state.error ?? "";
    this.chart.show(alignSeries(state.series, remainingPrefix));
    this.renderTable(state);
  }

  private renderHeader(state: PanelState): void {
    if (state.status === "idle") {
      const hint = document.createElement("p");
      hint.className = "placeholder";
      hint.textContent = "Run a scenario with “vmig: Run Scenario” to see its migrations here.";
      this.header.replaceChildren(hint);
      return;
    }
    const title = document.createElement("h1");
    title.textContent = state.scenario;
    const parts: HTMLElement[] = [title, createTag(statusWords[state.status])];
    if (state.truncated) parts.push(createTag("horizon reached"));
    parts.push(createTag(`${state.migrations.length} finished`));
    if (state.status === "running") parts.push(createProgressRing("Running"), createButton("Stop", this.onStop));
    this.header.replaceChildren(...parts);
  }

  /** Touches the grid only when the run, its status or its number of finished migrations changed. */
  private renderTable(state: PanelState): void {
    const key = `${state.runId}/${state.status}/${state.migrations.length}`;
    if (key === this.tableKey) return;
    this.tableKey = key;
    const rows = state.migrations.map(migrationRow);
    if (rows.length === 0) {
      const empty = document.createElement("p");
      empty.className = "placeholder";
      empty.textContent = state.status === "running" ? "No migration has finished yet." : "";
      this.table.replaceChildren(empty);
      this.grid = undefined;
      return;
    }
    if (this.grid === undefined) {
      this.grid = createDataGrid(rows, migrationColumns);
      this.table.replaceChildren(this.grid);
    } else {
      setDataGridRows(this.grid, rows);
    }
  }
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`The results page has no #${id} element.`);
  return found;
}
