// The network and S-CORE views: the quick start's two links coloured by their peak utilisation, then the
// S-CORE sample (paper 004's three-tier data centre of 256 hosts in 16 racks, five token iterations) with
// its network, cost chart and heatmaps, saved as documentation screenshots.
import { fail, log, sleep } from "../common.mjs";
import { step } from "../steps.mjs";
import { checkPlacementTab, checkTopologyTab, docShot, focusEditor, openFile, results, runScenarioToEnd } from "../workbench.mjs";

/** Steps `topology-quickstart-<theme>` (after the quick start's run) and `score-datacentre-<theme>`. */
export async function networkSteps(page, theme) {
  await step(page, `topology-quickstart-${theme}`, async () => {
    const drawn = await checkTopologyTab(page, { minRampPixels: 30 });
    if (!/highest utilisation/.test(drawn.caption)) fail(`the finished run's network does not say it shows peaks: ${drawn.caption}`);
    log(`quickstart topology: ${JSON.stringify(drawn)}`);
    await results(page).locator("#tab-remaining").click();
  });
  await step(page, `score-datacentre-${theme}`, async () => {
    await openFile(page, "score-datacentre.vmig");
    await focusEditor(page);
    await runScenarioToEnd(page);
    const network = await checkTopologyTab(page, { minRampPixels: 200 });
    if (!/^280 nodes, 280 links/.test(network.caption)) fail(`unexpected network: ${network.caption}`);
    log(`score topology: ${JSON.stringify(network)}`);
    await sleep(300);
    await docShot(page, `topology-${theme}`);
    const placement = await checkPlacementTab(page, { iterations: 6, racks: 16 });
    log(`score placement: ${JSON.stringify(placement)}`);
    await sleep(300);
    await docShot(page, `score-${theme}`);
    await results(page).locator("#tab-remaining").click();
  });
}
