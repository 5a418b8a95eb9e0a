// The fat-tree sample with background traffic and TCP transport (paper 000's early notification): the Links
// and TCP window charts of its run; then the same scenario with early notification off, compared with the
// first run (both runs' lines and the differences per VM). The file is reverted at the end and the
// comparison closed, so later steps start from the samples as shipped.
import { fail, sleep } from "../common.mjs";
import { checkCompareTab, checkLineChartTab, gridRows, pointAtChart } from "../charts.mjs";
import { notificationColumn, notificationLine, transportSample, transportVms } from "../samples.mjs";
import { step } from "../steps.mjs";
import { docShot, editorLines, ensureClean, focusEditor, goToLine, openFile, results, revertFile, runCommand, runScenarioToEnd, until } from "../workbench.mjs";

/** Shows chart `id` with the pointer mid-plot, so its legend gives every line's value, and saves it as `shot`. */
async function pointAndShoot(page, id, shot) {
  await pointAtChart(page, id, 0.5);
  await sleep(300);
  await docShot(page, shot);
}

/** Steps `links-tcp-window-<theme>` and `compare-early-notification-<theme>`. */
export async function transportSteps(page, theme) {
  await step(page, `links-tcp-window-${theme}`, async () => {
    // The sample opens beside the results panel, in the first group, so the screenshots show it.
    await runCommand(page, "View: Focus First Editor Group");
    await openFile(page, transportSample);
    await focusEditor(page);
    await runScenarioToEnd(page);
    const rows = await gridRows(results(page).locator("#table vscode-data-grid"));
    const vms = rows.map((cells) => cells[0]);
    if (JSON.stringify(vms) !== JSON.stringify(transportVms)) fail(`the finished migrations are ${JSON.stringify(vms)}, not ${transportVms.join(", ")}`);
    await checkLineChartTab(page, "links");
    await pointAndShoot(page, "links", `links-${theme}`);
    await checkLineChartTab(page, "window", { minLines: transportVms.length, label: /^guest\[[1-3]\]$/ });
    await pointAndShoot(page, "window", `tcp-window-${theme}`);
  });
  await step(page, `compare-early-notification-${theme}`, async () => {
    await runCommand(page, "View: Focus First Editor Group");
    await ensureClean(page);
    await goToLine(page, notificationLine, notificationColumn);
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.type("off");
    await until("early notification turned off", async () => (await editorLines(page)).some((l) => l.includes("early_notification off")));
    await runScenarioToEnd(page);
    await runCommand(page, "vmig: Compare with Previous Run");
    await until("the panel to compare", async () => /compared with/.test(await results(page).locator("#header").textContent()));
    await checkCompareTab(page, transportVms);
    await pointAndShoot(page, "compare", `compare-${theme}`);
    await runCommand(page, "View: Focus First Editor Group");
    await revertFile(page);
    await results(page).locator("#header vscode-button", { hasText: "Close comparison" }).click();
    await until("the comparison to close", async () => !/compared with/.test(await results(page).locator("#header").textContent()), 10_000);
    await results(page).locator("#tab-remaining").click();
  });
}
