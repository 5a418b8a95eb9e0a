// The restricted pass: in an untrusted workspace (Restricted Mode) the typo's diagnostic, its Problems entry
// and Run Scenario still work, because the extension declares `capabilities.untrustedWorkspaces` support.
import { sleep } from "../common.mjs";
import { sample } from "../samples.mjs";
import { step } from "../steps.mjs";
import { docShot, focusEditor, hidePanelAndSideBar, openFile, revertFile, runScenarioAndCheckResults, squiggles, until, waitForProblem } from "../workbench.mjs";
import { misspellVm } from "./editor.mjs";

export async function restrictedPass(page) {
  await step(page, "restricted-mode", async () => {
    // The workbench says it is in Restricted Mode (status bar item and banner).
    await until("the Restricted Mode indicator", async () => (await page.getByText("Restricted Mode").count()) > 0);
    await openFile(page, sample);
    await misspellVm(page);
    await until("an error squiggle in Restricted Mode", async () => (await squiggles(page)) > 0);
    await waitForProblem(page, "unknown vm 'wbe'");
    await revertFile(page);
    await until("the squiggles to go", async () => (await squiggles(page)) === 0);
    await hidePanelAndSideBar(page);
    await focusEditor(page);
    await runScenarioAndCheckResults(page);
    await sleep(500);
    await docShot(page, "results-restricted");
  });
}
