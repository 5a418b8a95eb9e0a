// Checks of the results panel's line charts (Links, TCP window, Compare): the lines are counted in the
// canvas's pixels, in the theme's chart colours, so a blank or axes-only chart fails.
import { fail, log } from "./common.mjs";
import { results, until } from "./workbench.mjs";

/** The theme variables of the webview's series palette, in order (client/webview/theme.ts). */
const PALETTE = ["--vscode-charts-blue", "--vscode-charts-orange", "--vscode-charts-green", "--vscode-charts-purple", "--vscode-charts-red", "--vscode-charts-yellow"];

/**
 * Counts, on a uPlot canvas, the opaque pixels of each palette colour and the distinct columns they cover.
 * Returns `{ width, height, colours: [{ variable, pixels, columns }], pixels, columns }` (the last two over
 * every palette colour together).
 */
export async function seriesPixels(canvas) {
  return canvas.evaluate((c, variables) => {
    const probe = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    const targets = variables.map((variable) => {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = getComputedStyle(document.body).getPropertyValue(variable).trim() || "#000";
      probe.fillRect(0, 0, 1, 1);
      return { variable, rgb: [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)], pixels: 0, columns: new Set() };
    });
    const { data, width, height } = c.getContext("2d").getImageData(0, 0, c.width, c.height);
    const all = new Set();
    let pixels = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] <= 128) continue;
      const target = targets.find(({ rgb: [r, g, b] }) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60);
      if (target === undefined) continue;
      target.pixels++;
      target.columns.add((i / 4) % width);
      all.add((i / 4) % width);
      pixels++;
    }
    const colours = targets.map(({ variable, rgb, pixels: p, columns }) => ({ variable, rgb: rgb.join(), pixels: p, columns: columns.size }));
    return { width, height, colours, pixels, columns: all.size };
  }, PALETTE);
}

/** The labels of a uPlot chart's legend, without the x series ("time"). */
async function legendLabels(view, selector) {
  const labels = await view.locator(`${selector} .u-legend .u-series .u-label`).allTextContents();
  return labels.map((l) => l.trim()).filter((l) => l !== "time");
}

/**
 * Shows the tab `id` and waits until its line chart has at least `minLines` legend entries whose first
 * ones are drawn: the palette's colours on hundreds of pixels across more than a quarter of the plot's
 * width. Returns the legend and what was counted.
 */
export async function checkLineChartTab(page, id, { minLines = 1, label = /./ } = {}) {
  const view = results(page);
  await view.locator(`#tab-${id}`).click();
  const canvas = view.locator(`#view-${id} .uplot canvas`).first();
  await canvas.waitFor({ timeout: 15_000 });
  const stats = await until(`the ${id} chart's lines to be drawn`, async () => {
    const found = await seriesPixels(canvas);
    return found.pixels > 300 && found.columns > found.width / 4 ? found : false;
  }, 15_000);
  const labels = await legendLabels(view, `#view-${id}`);
  if (labels.length < minLines) fail(`the ${id} chart's legend has ${labels.length} lines, fewer than ${minLines}: ${labels.join(", ")}`);
  const odd = labels.filter((l) => !label.test(l));
  if (odd.length > 0) fail(`the ${id} chart's legend has unexpected lines: ${odd.join(", ")}`);
  log(`${id} chart: ${labels.length} lines (${labels.join(", ")}); ${JSON.stringify(stats)}`);
  return { labels, stats };
}

/**
 * Moves the pointer over the tab `id`'s chart at `fraction` of the plot's width, so the legend gives every
 * line's value at that time: lines that coincide (links all saturated, say) are told apart there.
 */
export async function pointAtChart(page, id, fraction) {
  const over = results(page).locator(`#view-${id} .uplot .u-over`).first();
  const box = await over.boundingBox();
  if (box === null) fail(`the ${id} chart has no plot area`);
  await over.hover({ position: { x: Math.round(box.width * fraction), y: Math.round(box.height / 2) } });
}

/** The data grid's rows (header excluded) as arrays of cell texts. */
export async function gridRows(grid) {
  return grid
    .locator("vscode-data-grid-row")
    .evaluateAll((els) =>
      els
        .filter((el) => el.getAttribute("row-type") === null || el.getAttribute("row-type") === "default")
        .map((el) => [...el.querySelectorAll("vscode-data-grid-cell")].map((c) => c.textContent.trim())),
    );
}

const METRICS = ["Total time", "Downtime", "Bytes sent", "Rounds"];

/**
 * Shows the Compare tab and checks both runs' bytes-left lines (this run's solid and the previous run's,
 * named "(previous)", each VM's pair in its palette colour) and the table of differences: for each VM of
 * `vms`, one row per metric with both runs' values, and at least one difference that is not zero.
 */
export async function checkCompareTab(page, vms) {
  const view = results(page);
  const chart = await checkLineChartTab(page, "compare", { minLines: 2 * vms.length });
  const current = chart.labels.filter((l) => !l.endsWith(" (previous)"));
  const previous = chart.labels.filter((l) => l.endsWith(" (previous)")).map((l) => l.replace(/ \(previous\)$/, ""));
  for (const vm of vms) {
    if (!current.includes(vm) || !previous.includes(vm)) fail(`the comparison chart does not draw both runs of ${vm}: ${chart.labels.join(", ")}`);
  }
  // The VMs' lines may coincide (identical VMs migrated together), and the last drawn hides the others
  // there; at least two VMs' colours must show, so more than one line is drawn.
  const drawnColours = chart.stats.colours.filter((c) => c.pixels > 50).length;
  if (drawnColours < Math.min(2, vms.length)) fail(`the comparison chart shows ${drawnColours} VMs' colours: ${JSON.stringify(chart.stats.colours)}`);
  const grid = view.locator("#compare vscode-data-grid");
  await grid.waitFor({ timeout: 15_000 });
  const rows = await until("the differences table's rows", async () => {
    const found = await gridRows(grid);
    return found.length >= vms.length * METRICS.length ? found : false;
  }, 15_000);
  if (rows.length !== vms.length * METRICS.length) fail(`the differences table has ${rows.length} rows, not ${vms.length} VMs × ${METRICS.length} metrics`);
  for (const vm of vms) {
    const mine = rows.filter((cells) => cells[0] === vm);
    const metrics = mine.map((cells) => cells[1]);
    if (METRICS.some((m) => !metrics.includes(m))) fail(`the differences table's rows for ${vm} are ${JSON.stringify(mine)}`);
    for (const [, metric, before, after] of mine) {
      if (!/\d/.test(before) || !/\d/.test(after)) fail(`${vm}'s ${metric} lacks a run's value: ${before} / ${after}`);
    }
  }
  const changed = rows.filter((cells) => cells[4] !== "0" && cells[4] !== "—");
  if (changed.length === 0) fail(`the two runs do not differ anywhere: ${JSON.stringify(rows)}`);
  log(`compare table: ${rows.length} rows, ${changed.length} differences, e.g. ${JSON.stringify(changed[0])}`);
  return { chart, rows };
}
