// Running and stopping: the quick start's run checked in the results panel (status, grid row, drawn chart)
// in each theme, and a long generated scenario stopped while its live network is drawn.
import { fail, log, sleep } from "../common.mjs";
import { sample } from "../samples.mjs";
import { step } from "../steps.mjs";
import { chartTabShots, checkTopologyTab, docShot, ensureClean, focusEditor, hidePanelAndSideBar, openFile, results, runCommand, runScenarioAndCheckResults, until } from "../workbench.mjs";

/**
 * Step `run-scenario-<theme>`: the quick start run with the panel and side bar hidden, so the results fill
 * the height, saved as docs/images/results-<theme>.png; with `chartTabs`, the other chart tabs too.
 * With `alreadyOpen` the sample is the active editor already, and only its unsaved edits are reverted.
 */
export async function runQuickstartStep(page, theme, { alreadyOpen = false, chartTabs = false } = {}) {
  await step(page, `run-scenario-${theme}`, async () => {
    if (alreadyOpen) await ensureClean(page);
    else await openFile(page, sample);
    await hidePanelAndSideBar(page);
    await focusEditor(page);
    await runScenarioAndCheckResults(page);
    await sleep(500);
    await docShot(page, `results-${theme}`);
    if (chartTabs) await chartTabShots(page, theme);
  });
}

/** The run's state as the results panel's first tag says it. */
async function panelStatus(page) {
  const tag = results(page).locator("#header vscode-tag").first();
  return ((await tag.textContent()) ?? "").trim().toLowerCase();
}

/** Step `stop-long-run`: long.vmig (4,000 migrations) is stopped while the live network shows it. */
export async function stopLongRunStep(page) {
  await step(page, "stop-long-run", async () => {
    await openFile(page, "long.vmig");
    await focusEditor(page);
    await runCommand(page, "vmig: Run Scenario");
    await until("the long run to be running", async () => (await panelStatus(page)) === "running");
    // While it streams, the network shows the shared link busy and the migrations under way.
    const live = await checkTopologyTab(page, { minRampPixels: 20 });
    if (!/migrations? under way/.test(live.caption) || /\b0 migrations under way/.test(live.caption)) fail(`no migration under way on the live network: ${live.caption}`);
    const arrows = await until("arrows on the live network", async () => {
      const count = Number(await results(page).locator("#topology canvas.topology-overlay").getAttribute("data-arrows"));
      return count > 0 ? count : false;
    }, 15_000);
    log(`live topology: ${JSON.stringify(live)}; ${arrows} arrows drawn`);
    await docShot(page, "topology-live-dark");
    await results(page).locator("#tab-remaining").click();
    // Thousands of bytes-left lines: the line picker offers which 24 to draw; pick those with the most left.
    const picker = results(page).locator("#line-picker");
    await until("the line picker", async () => picker.isVisible());
    const words = (await picker.textContent()).replace(/\s+/g, " ").trim();
    if (!/^[\d,]+ lines; the chart draws/.test(words)) fail(`unexpected line picker: ${words}`);
    const labels = async () => (await results(page).locator("#chart .u-legend .u-label").allTextContents()).join(" ");
    const before = await labels();
    await picker.locator("vscode-dropdown").click();
    await picker.locator("vscode-option", { hasText: "highest now" }).click();
    await until("the highest-now choice", async () => (await picker.locator("vscode-dropdown").evaluate((d) => d.value)) === "highest-now");
    // The chart now draws other VMs: the ones with the most bytes left (the latest to start), not the first.
    const after = await until("other lines in the legend", async () => {
      const text = await labels();
      return text !== before ? text : false;
    });
    log(`line picker: ${words}; lines before: ${before.slice(0, 60)}…; after: ${after.slice(0, 60)}…`);
    await runCommand(page, "vmig: Stop Scenario");
    await until("the long run to be stopped", async () => (await panelStatus(page)) === "stopped");
    log(`after Stop: ${(await results(page).locator("#header").textContent()).replace(/\s+/g, " ").trim()}`);
  });
}
