// Driving the VS Code workbench in code-server: the command palette, files, the editor, the Problems panel
// and the vmig results webview. Every wait is bounded.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DOC_IMAGES, WAIT_MS, fail, log, sleep, writeDocs } from "./common.mjs";

export const results = (page) => page.frameLocator("iframe.webview.ready").frameLocator("#active-frame");

/** Waits until `predicate` (evaluated in Node) returns a truthy value; polls every 250 ms. */
export async function until(what, predicate, ms = WAIT_MS) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
      last = value;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > deadline) fail(`timed out after ${ms / 1000} s waiting for ${what} (last: ${JSON.stringify(last)})`);
    await sleep(250);
  }
}


export async function runCommand(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(`>${title}`);
  // Pick the row whose label is exactly the title: "vmig: Run Scenario" also fuzzy-matches
  // "vmig: Run Scenario with Seed…" and "vmig: Re-run Scenario", and the palette lists recent ones first.
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  const row = page.locator(".quick-input-list .monaco-list-row", { has: page.locator(".label-name", { hasText: exact }) }).first();
  try {
    await row.waitFor({ timeout: 15_000 });
  } catch {
    await page.keyboard.press("Escape");
    fail(`the command palette has no command "${title}"`);
  }
  await row.click();
  await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
}

export async function openFile(page, name) {
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(name);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor();
  await page.locator(".monaco-editor .view-lines").first().waitFor();
  await focusEditor(page);
}

/** Keyboard focus into the editor, without clicking (a click can scroll monaco's view). */
export async function focusEditor(page) {
  await runCommand(page, "View: Focus Active Editor Group");
  await until("the editor to have focus", async () => (await page.locator(".editor-group-container.active .monaco-editor.focused").count()) > 0, 10_000);
}

/** Reverts the active editor if it has unsaved changes, so a step starts from the sample as shipped. */
export async function ensureClean(page) {
  if ((await page.locator(".tab.active.dirty").count()) > 0) await revertFile(page);
}

/** The text of the rendered editor lines, top to bottom (monaco renders spaces as U+00A0). */
export async function editorLines(page) {
  return page.locator(".editor-group-container.active .monaco-editor .view-lines").first().evaluate((el) =>
    [...el.querySelectorAll(".view-line")]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => line.textContent.replace(/\u00a0/g, " ")),
  );
}

export async function goToLine(page, line, column) {
  await page.keyboard.press("Control+G");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await sleep(200);
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
}

export async function squiggles(page) {
  return page.locator(".editor-group-container.active .monaco-editor .squiggly-error").count();
}

/** Saves `name`.png into docs/images (as well as the step's own artifact). */
export async function docShot(page, name) {
  if (!writeDocs) return;
  mkdirSync(DOC_IMAGES, { recursive: true });
  await page.screenshot({ path: join(DOC_IMAGES, `${name}.png`) });
}

/**
 * Shows the Timeline and Bytes-per-round tabs of the results panel, checks that each drew its bars (a blank
 * chart fails the step), and saves each as a documentation screenshot; then goes back to the first tab.
 */
export async function chartTabShots(page, theme) {
  const view = results(page);
  for (const [id, name] of [["timeline", "timeline"], ["rounds", "bytes-per-round"]]) {
    const tab = view.locator(`#tab-${id}`);
    if ((await tab.count()) === 0) fail(`the results panel has no '${id}' tab`);
    await tab.click();
    const shapes = view.locator(`#view-${id} svg rect, #view-${id} svg path`);
    await shapes.first().waitFor({ timeout: 15_000 });
    const count = await shapes.count();
    if (count < 3) fail(`the ${id} chart drew ${count} shapes: it is blank`);
    console.log(`# ${id} chart: ${count} shapes`);
    await sleep(300);
    await docShot(page, `${name}-${theme}`);
  }
  await view.locator("#tab-remaining").click().catch(() => undefined);
}

/** Runs the quick start from the palette, then checks its one grid row (web, h1 → h2) and its drawn chart. */
export async function runScenarioAndCheckResults(page) {
  await runScenarioToEnd(page);
  const view = results(page);
  const grid = view.locator("vscode-data-grid");
  await grid.waitFor();
  const rows = await until("a grid row for web", async () => {
    const texts = await grid
      .locator("vscode-data-grid-row")
      .evaluateAll((els) =>
        els
          .filter((el) => el.getAttribute("row-type") === null || el.getAttribute("row-type") === "default")
          .map((el) => [...el.querySelectorAll("vscode-data-grid-cell")].map((c) => c.textContent.trim())),
      );
    return texts.length > 0 && texts.some((cells) => cells[0] === "web") ? texts : false;
  });
  if (rows.length !== 1) fail(`expected one migration row, got ${JSON.stringify(rows)}`);
  const [vm, route, total, downtime] = rows[0];
  if (vm !== "web" || !/h1\s*→\s*h2/.test(route)) fail(`unexpected row ${JSON.stringify(rows[0])}`);
  if (!/\d/.test(total) || !/\d/.test(downtime)) fail(`row without times: ${JSON.stringify(rows[0])}`);

  // The chart: a uPlot canvas on which the web series is actually drawn.
  const canvas = view.locator("#chart .uplot canvas").first();
  await canvas.waitFor();
  const legend = (await view.locator("#chart .u-legend").textContent()).replace(/\s+/g, " ");
  if (!legend.includes("web")) fail(`the chart legend does not name web: ${legend}`);
  const drawn = await until("the web line to be drawn", async () => {
    const stats = await canvas.evaluate((c) => {
      const stroke = getComputedStyle(document.body).getPropertyValue("--vscode-charts-blue").trim() || "#3794ff";
      const probe = document.createElement("canvas").getContext("2d");
      probe.fillStyle = stroke;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
      const { data, width, height } = c.getContext("2d").getImageData(0, 0, c.width, c.height);
      let painted = 0;
      let series = 0;
      const columns = new Set();
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        painted++;
        if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60 && data[i + 3] > 128) {
          series++;
          columns.add((i / 4) % width);
        }
      }
      return { width, height, painted, series, columns: columns.size, stroke };
    });
    // A line across a good part of the plot, not a dot: many pixels in many distinct columns.
    return stats.series > 300 && stats.columns > stats.width / 4 ? stats : false;
  });
  log(`chart: ${JSON.stringify(drawn)}; row: ${JSON.stringify(rows[0])}`);
  return { rows, drawn };
}

export async function waitForProblem(page, text) {
  await page.keyboard.press("Control+Shift+M");
  const markers = page.locator(".markers-panel");
  await markers.waitFor();
  await until(`the Problems panel to list "${text}"`, async () => (await markers.textContent()).includes(text));
}

/** Closes the bottom panel and the side bar so the editor and the results share the window's width. */
export async function hidePanelAndSideBar(page) {
  if (await page.locator(".part.panel.bottom").isVisible()) await runCommand(page, "View: Hide Panel");
  if (await page.locator(".part.sidebar").isVisible()) await runCommand(page, "View: Toggle Primary Side Bar Visibility");
  await until("the panel and side bar to close", async () =>
    !(await page.locator(".part.panel.bottom").isVisible()) && !(await page.locator(".part.sidebar").isVisible()), 10_000);
}

export async function revertFile(page) {
  await runCommand(page, "File: Revert File");
  await until("the editor to be clean", async () => (await page.locator(".tab.active.dirty").count()) === 0);
}

/** Runs the open scenario from the palette and waits until the panel's status tag says it finished. */
export async function runScenarioToEnd(page) {
  await runCommand(page, "vmig: Run Scenario");
  const view = results(page);
  await view.locator("#header h1").waitFor();
  // The header's first tag is the run's status: running, then finished (or failed / stopped).
  const status = await until("the run to end", async () => {
    const text = (await view.locator("#header vscode-tag").first().textContent()).trim().toLowerCase();
    return text !== "running" && text !== "" ? text : false;
  });
  if (status === "finished") return;
  const header = (await view.locator("#header").textContent()).replace(/\s+/g, " ").trim();
  const error = (await view.locator("#error").isVisible()) ? await view.locator("#error").textContent() : "";
  fail(`the run ended as "${status}" (${header}) ${error}`);
}

/**
 * Shows the Topology tab and checks that the network canvas is drawn with links in the utilisation ramp's
 * colours (a blank or all-grey drawing fails), then returns what was counted.
 */
export async function checkTopologyTab(page, { minRampPixels = 50 } = {}) {
  const view = results(page);
  await view.locator("#tab-topology").click();
  const canvas = view.locator("#topology canvas.topology-canvas").first();
  await canvas.waitFor({ timeout: 15_000 });
  const stats = await until("the network to be drawn in the ramp's colours", async () => {
    const found = await canvas.evaluate((c) => {
      // The ramps of report/src/ramp.ts, dark and light.
      const ramp = ["#3b518b", "#2c718e", "#21908d", "#27ad81", "#5cc863", "#8fd744", "#c2df23", "#fde725",
        "#7ad151", "#44bf70", "#22a884", "#21918c", "#2a788e", "#355f8d", "#414487", "#440154"].map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
      const { data, width, height } = c.getContext("2d").getImageData(0, 0, c.width, c.height);
      let painted = 0;
      let rampPixels = 0;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] < 200) continue;
        painted++;
        if (ramp.some(([r, g, b]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 24)) {
          rampPixels++;
          colours.add(`${data[i] >> 4},${data[i + 1] >> 4},${data[i + 2] >> 4}`);
        }
      }
      return { width, height, painted, rampPixels, rampColours: colours.size };
    });
    return found.painted > 500 && found.rampPixels >= minRampPixels ? found : false;
  });
  const caption = (await view.locator("#topology .caption").textContent()).trim();
  const legend = (await view.locator("#topology .key").textContent()).replace(/\s+/g, " ");
  if (!/idle/.test(legend) || !/88–100 %/.test(legend)) fail(`the topology legend is incomplete: ${legend}`);
  return { ...stats, caption };
}

/** Shows the S-CORE tab and checks the cost chart's markers and the two heatmaps' cells. */
export async function checkPlacementTab(page, { iterations, racks }) {
  const view = results(page);
  await view.locator("#tab-placement").click();
  await view.locator("#placement svg.cost-chart").waitFor({ timeout: 15_000 });
  const points = await view.locator("#placement .cc-point").count();
  if (points !== iterations) fail(`the cost chart has ${points} markers, not ${iterations}`);
  const maps = view.locator("#placement svg.heatmap");
  if ((await maps.count()) !== 2) fail(`${await maps.count()} heatmaps, not 2 (before and after)`);
  for (const k of [0, 1]) {
    const cells = await maps.nth(k).locator(".hm-cell").count();
    if (cells !== racks * racks) fail(`heatmap ${k} has ${cells} cells, not ${racks * racks}`);
    const coloured = await maps.nth(k).locator(".hm-cell:not(.ramp-idle)").count();
    if (coloured === 0) fail(`heatmap ${k} has no coloured cell`);
  }
  return { points, caption: (await view.locator("#placement .caption").first().textContent()).trim() };
}
