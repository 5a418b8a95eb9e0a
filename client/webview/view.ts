/**
 * Renders the panel state into the page skeleton that the extension's HTML provides: the header, the
 * error, the tabbed views (bytes left, timeline, bytes per round, link utilisation, network, S-CORE, TCP
 * window, comparison)
 * and the table of finished migrations below them. Only the view on show is drawn.
 */
import { bytesTicks, cwndPrefix, formatBytes, linkPrefix, remainingPrefix } from "@vmig/report";
import { LineChart, type LineChartOptions } from "./chart.js";
import { compareMigrations, diffColumns, diffRow } from "./compare.js";
import { MAX_LINES, lineChoices, linkLines, remainingLines, windowLines, type LineChoice } from "./lines.js";
import type { PanelState, RunStatus, TabId } from "./panelState.js";
import { columnsFor, migrationRow } from "./rows.js";
import { PlacementCharts } from "./placementCharts.js";
import { RoundBarsView, TimelineView } from "./svgViews.js";
import { TopologyView } from "./topologyView.js";
import {
  appendDataGridRows,
  createButton,
  createDataGrid,
  createDropdown,
  createPanels,
  createProgressRing,
  createTag,
  setDataGridColumns,
  setDataGridRows,
} from "./toolkit.js";

const statusWords: Record<RunStatus, string> = {
  idle: "idle",
  running: "running",
  finished: "finished",
  cancelled: "stopped",
  failed: "failed",
};

/** How often the table of finished migrations takes new rows while a run streams. */
const tableIntervalMs = 500;

/** Tick steps for the bytes axis: powers of two, so ticks fall on 256 MiB, 512 MiB, 1 GiB and the like. */
const byteIncrements = Array.from({ length: 60 }, (_, k) => 2 ** k);

/** The bytes-left chart, drawn on the Bytes left tab and, with the earlier run's lines, on the Compare tab. */
const remainingChartOptions: LineChartOptions = {
  yLabel: "left to copy",
  value: formatBytes,
  ticks: bytesTicks,
  increments: byteIncrements,
  minTop: 1,
  placeholder: "The chart of bytes left to copy appears when the first migration starts.",
};

export interface ViewActions {
  readonly stop: () => void;
  readonly closeCompare: () => void;
  readonly selectTab: (tab: TabId) => void;
  readonly selectLines: (choice: LineChoice) => void;
}

export class ResultsView {
  private readonly header = element("header");
  private readonly error = element("error");
  private readonly note = element("note");
  /** The drop-down that picks which lines a crowded line chart draws, made when first needed. */
  private readonly linePicker = element("line-picker");
  private lineDropdown: HTMLElement | undefined;
  private readonly table = element("table");
  private readonly chartBox = box("chart", "Bytes remaining to copy per VM");
  private readonly timelineBox = box("timeline", "Migration timeline");
  private readonly roundsBox = box("rounds", "Bytes per round");
  private readonly linksBox = box("links", "Link utilisation");
  private readonly topologyBox = box("topology", "Network topology with link utilisation and migrations under way");
  private readonly placementBox = box("placement", "S-CORE placement: cost per iteration and ToR-to-ToR traffic");
  private readonly windowBox = box("window", "TCP congestion window per VM");
  private readonly compareBox = box("compare", "Comparison with the previous run");
  /** The Compare tab holds both runs' bytes left above the table of differences. */
  private readonly compareChartBox = document.createElement("div");
  private readonly compareTableBox = document.createElement("div");
  private readonly remainingChart = new LineChart(this.chartBox, remainingChartOptions);
  private readonly compareChart = new LineChart(this.compareChartBox, remainingChartOptions);
  private readonly linkChart = new LineChart(this.linksBox, {
    yLabel: "utilisation",
    value: (v) => `${(v * 100).toFixed(1)} %`,
    ticks: (splits) => splits.map((s) => `${Math.round(s * 100)} %`),
    minTop: 1,
    placeholder: "Link utilisation is streamed for the busiest links when the scenario has background traffic.",
  });
  private readonly windowChart = new LineChart(this.windowBox, {
    yLabel: "congestion window",
    stepped: true,
    value: formatBytes,
    ticks: bytesTicks,
    increments: byteIncrements,
    minTop: 1,
    placeholder:
      "The TCP congestion window of each migration is streamed when the scenario has “policy transport tcp { … }”; " +
      "with the default fluid transport there is none.",
  });
  private readonly timeline = new TimelineView(this.timelineBox);
  private readonly rounds = new RoundBarsView(this.roundsBox);
  private readonly topology = new TopologyView(this.topologyBox);
  private readonly placement = new PlacementCharts(this.placementBox);
  private grid: HTMLElement | undefined;
  private compareGrid: HTMLElement | undefined;
  /** What the tables show now, to skip redrawing them when nothing they depend on changed. */
  private tableKey = "";
  /** The run, status and columns the grid's rows belong to, and how many rows it has. */
  private gridKey = "";
  private gridRows = 0;
  /** When rows were last added, and the timer that adds the ones waiting. */
  private tableShownAt = 0;
  private tableTimer: ReturnType<typeof setTimeout> | undefined;
  private compareKey = "";
  /** What the header shows apart from the count of finished migrations, and the tag holding that count. */
  private headerKey = "";
  private finishedTag: HTMLElement | undefined;
  private last: PanelState | undefined;

  constructor(
    private readonly actions: ViewActions,
    initialTab: TabId,
  ) {
    this.compareBox.append(this.compareChartBox, this.compareTableBox);
    const tabs: [TabId, string, HTMLElement][] = [
      ["remaining", "Bytes left", this.chartBox],
      ["timeline", "Timeline", this.timelineBox],
      ["rounds", "Bytes per round", this.roundsBox],
      ["links", "Links", this.linksBox],
      ["window", "TCP window", this.windowBox],
      ["topology", "Topology", this.topologyBox],
      ["placement", "S-CORE", this.placementBox],
      ["compare", "Compare", this.compareBox],
    ];
    const panels = createPanels(
      tabs.map(([id, title, content]) => ({ id, title, content })),
      initialTab,
      (id) => actions.selectTab(id as TabId),
    );
    element("views").replaceChildren(panels);
    // A view that becomes visible (or changes width) is drawn for its new size.
    new ResizeObserver(() => {
      if (this.last !== undefined) this.renderTab(this.last);
    }).observe(panels);
  }

  render(state: PanelState): void {
    this.last = state;
    this.renderHeader(state);
    this.error.hidden = state.error === undefined;
    this.error.textContent = state.error ?? "";
    this.note.hidden = state.note === undefined;
    this.note.textContent = state.note ?? "";
    this.renderLinePicker(state);
    this.renderTab(state);
    this.renderTable(state);
  }

  /** Shows the line picker on a line-chart tab whose series outnumber what a chart draws. */
  private renderLinePicker(state: PanelState): void {
    const count = seriesCountOf(state);
    this.linePicker.hidden = count <= MAX_LINES;
    if (this.linePicker.hidden) return;
    if (this.lineDropdown === undefined) {
      this.lineDropdown = createDropdown("Lines drawn", lineChoices, state.lineChoice, (value) => this.actions.selectLines(value as LineChoice));
      const words = document.createElement("span");
      words.className = "line-picker-words";
      this.linePicker.replaceChildren(words, this.lineDropdown);
    }
    this.linePicker.querySelector(".line-picker-words")!.textContent = `${count.toLocaleString("en")} lines; the chart draws`;
  }

  private renderTab(state: PanelState): void {
    const runKey = `${state.runId}/${state.status}`;
    switch (state.tab) {
      case "remaining": {
        const lines = remainingLines(state.series, state.baseline?.remaining, state.maxPoints, state.lineChoice);
        this.remainingChart.show(lines.specs, lines.aligned);
        break;
      }
      case "timeline":
        this.timeline.render(state.migrations, runKey, emptyViewWords(state));
        break;
      case "rounds":
        this.rounds.render(state.migrations, runKey, emptyViewWords(state));
        break;
      case "links": {
        const lines = linkLines(state.series, state.maxPoints, state.lineChoice);
        this.linkChart.show(lines.specs, lines.aligned);
        break;
      }
      case "topology":
        this.topology.render(state);
        break;
      case "placement":
        this.placement.render(state);
        break;
      case "window": {
        const lines = windowLines(state.series, state.maxPoints, state.lineChoice);
        this.windowChart.show(lines.specs, lines.aligned);
        break;
      }
      case "compare":
        this.renderCompare(state);
        break;
    }
  }

  /**
   * Builds the header's components only when the run, its status, seed or comparison changed; while a run
   * streams only the count of finished migrations changes, and that tag's text is updated in place
   * (creating the toolkit's components anew on every frame cost a frame in three at scale).
   */
  private renderHeader(state: PanelState): void {
    const finished = `${state.migrations.length} finished`;
    const key = `${state.runId}/${state.status}/${state.scenario}/${state.truncated}/${state.seed}/${state.baseline?.runId}`;
    if (key === this.headerKey && this.finishedTag !== undefined) {
      if (this.finishedTag.textContent !== finished) this.finishedTag.textContent = finished;
      return;
    }
    this.headerKey = key;
    this.finishedTag = undefined;
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
    // A stopped run is truncated too; only a run that ran out of time "reached its horizon".
    if (state.truncated && state.status !== "cancelled") parts.push(createTag("horizon reached"));
    this.finishedTag = createTag(finished);
    parts.push(this.finishedTag);
    if (state.seed !== undefined) parts.push(createTag(`seed ${state.seed}`));
    if (state.baseline !== undefined) {
      parts.push(createTag(`compared with ${state.baseline.scenario}, seed ${state.baseline.seed}`));
    }
    if (state.status === "running") parts.push(createProgressRing("Running"), createButton("Stop", this.actions.stop));
    else if (state.baseline !== undefined) parts.push(createButton("Close comparison", this.actions.closeCompare));
    this.header.replaceChildren(...parts);
  }

  /**
   * Touches the grid only when the run, its status or its number of finished migrations changed. While a
   * run streams, rows are only added at the end, so the new ones are appended and the others stay drawn.
   */
  private renderTable(state: PanelState): void {
    const key = `${state.runId}/${state.status}/${state.migrations.length}`;
    if (key === this.tableKey) return;
    // While a run streams, rows are added at most every `tableIntervalMs`: each batch of new rows costs the
    // toolkit's grid a style pass over the page, which every frame would pay.
    const wait = this.tableShownAt + tableIntervalMs - performance.now();
    const sameStreamingRun = state.status === "running" && this.tableKey.startsWith(`${state.runId}/running/`);
    if (sameStreamingRun && this.gridRows > 0 && wait > 0) {
      if (this.tableTimer === undefined) {
        this.tableTimer = setTimeout(() => {
          this.tableTimer = undefined;
          if (this.last !== undefined) this.renderTable(this.last);
        }, wait);
      }
      return;
    }
    this.tableShownAt = performance.now();
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
    const columns = columnsFor(rows);
    const gridKey = `${state.runId}/${state.status}/${columns.map((c) => c.key).join()}`;
    if (this.grid === undefined) {
      this.grid = createDataGrid(rows, columns, "Finished migrations");
      this.table.replaceChildren(this.grid);
    } else if (gridKey === this.gridKey && rows.length > this.gridRows) {
      appendDataGridRows(this.grid, rows.slice(this.gridRows));
    } else {
      setDataGridColumns(this.grid, columns);
      setDataGridRows(this.grid, rows);
    }
    this.gridKey = gridKey;
    this.gridRows = rows.length;
  }

  private renderCompare(state: PanelState): void {
    const baseline = state.baseline;
    this.compareChartBox.hidden = baseline === undefined;
    if (baseline !== undefined) {
      const lines = remainingLines(state.series, baseline.remaining, state.maxPoints);
      this.compareChart.show(lines.specs, lines.aligned);
    }
    const key = `${state.runId}/${state.status}/${state.migrations.length}/${baseline?.runId}`;
    if (key === this.compareKey) return;
    this.compareKey = key;
    if (baseline === undefined) {
      const hint = document.createElement("p");
      hint.className = "placeholder";
      hint.textContent =
        "Run “vmig: Compare with Previous Run” to compare this run with the one before it: this view then shows " +
        "both runs' bytes left (the earlier one dashed) and the differences per VM.";
      this.compareTableBox.replaceChildren(hint);
      this.compareGrid = undefined;
      return;
    }
    const rows = compareMigrations(baseline.migrations, state.migrations).map(diffRow);
    if (this.compareGrid === undefined) {
      this.compareGrid = createDataGrid(rows, diffColumns, "Differences from the previous run");
      this.compareTableBox.replaceChildren(this.compareGrid);
    } else {
      setDataGridRows(this.compareGrid, rows);
    }
  }
}

function emptyViewWords(state: PanelState): string {
  return state.status === "running" || state.status === "idle"
    ? "This view fills in as migrations finish."
    : "No migration finished in this run.";
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`The results page has no #${id} element.`);
  return found;
}

/** A view's container, with the id the page's style sheet (and the end-to-end test) know it by. */
/** How many series the tab on show would chart (0 on tabs without line charts). */
function seriesCountOf(state: PanelState): number {
  const prefix = state.tab === "remaining" ? remainingPrefix : state.tab === "links" ? linkPrefix : state.tab === "window" ? cwndPrefix : undefined;
  if (prefix === undefined) return 0;
  let count = 0;
  for (const name in state.series) if (name.startsWith(prefix)) count++;
  return count;
}

function box(id: string, label: string): HTMLElement {
  const section = document.createElement("section");
  section.id = id;
  section.className = "view";
  section.setAttribute("aria-label", label);
  return section;
}
