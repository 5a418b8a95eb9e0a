/**
 * The S-CORE view (paper 004's placement, ../shared/papers/004_7bdc0f42a00b8d78.txt): the overall
 * communication cost after each iteration, live while the token passes, then the ToR-to-ToR traffic before
 * and after as two heatmaps on one shared colour scale, once the run has ended with its placement. Drawn
 * with report/'s SVG layouts, again only when the iterations, the placement or the width change.
 */
import { costChartSvg, formatCost, heatmapLegend, heatmapSvg, rampSteps, sharedScale } from "@vmig/report";
import { costIterations } from "./networkState.js";
import type { PanelState } from "./panelState.js";
import { toSvgElement } from "./svgDom.js";
import { keyList } from "./svgViews.js";

const costChartHeight = 260;

export class PlacementCharts {
  private key = "";

  constructor(private readonly container: HTMLElement) {}

  render(state: PanelState): void {
    const width = Math.floor(this.container.clientWidth);
    if (width === 0) return;
    const { placement } = state.network;
    const iterations = costIterations(state.network);
    const key = `${state.runId}/${iterations.length}/${placement === undefined}/${width}`;
    if (key === this.key) return;
    this.key = key;
    if (iterations.length === 0 && placement === undefined) {
      this.container.replaceChildren(
        paragraph(
          "placeholder",
          state.status === "running"
            ? "S-CORE's cost per iteration appears here as the token passes, when the scenario has a placement policy."
            : "This run had no placement policy. A scenario with “policy placement s-core { … }” shows S-CORE's cost per iteration and the ToR-to-ToR traffic before and after here.",
        ),
      );
      return;
    }
    const parts: Element[] = [
      heading("Overall communication cost per iteration"),
      paragraph("caption", costCaption(iterations, placement?.token)),
      toSvgElement(costChartSvg(iterations, width, costChartHeight)),
    ];
    if (placement !== undefined && placement.racks.length > 0) {
      const scale = sharedScale(placement.tor_traffic_before, placement.tor_traffic_after);
      const half = Math.max(160, Math.floor(width / 2) - 12);
      const pair = document.createElement("div");
      pair.className = "heatmap-pair";
      pair.append(
        toSvgElement(heatmapSvg(placement.tor_traffic_before, placement.racks, scale, half, "Before: initial placement")),
        toSvgElement(heatmapSvg(placement.tor_traffic_after, placement.racks, scale, half, "After: S-CORE's placement")),
      );
      parts.push(
        heading("ToR-to-ToR traffic"),
        paragraph("caption", `${placement.racks.length} racks; rows send, columns receive; one colour scale for both maps.`),
        pair,
        keyList(heatmapLegend(scale, rampSteps).map((e) => [e.className, e.words] as const)),
      );
    }
    this.container.replaceChildren(...parts);
  }
}

function costCaption(iterations: ReturnType<typeof costIterations>, token: string | undefined): string {
  const first = iterations[0];
  const last = iterations[iterations.length - 1];
  if (first === undefined || last === undefined) return "No iteration has finished yet.";
  const change = first.cost > 0 ? ` (${(((last.cost - first.cost) / first.cost) * 100).toFixed(1)} %)` : "";
  const moves = iterations.reduce((sum, i) => sum + i.migrations, 0);
  return `${iterations.length} iteration${iterations.length === 1 ? "" : "s"}${token === undefined ? "" : `, ${token} token`}: ${moves} migration${
    moves === 1 ? "" : "s"
  }; cost from ${formatCost(first.cost)} to ${formatCost(last.cost)}${change}.`;
}

function heading(text: string): HTMLElement {
  const h = document.createElement("h2");
  h.textContent = text;
  return h;
}

function paragraph(className: string, text: string): HTMLElement {
  const p = document.createElement("p");
  p.className = className;
  p.textContent = text;
  return p;
}
