// The five passes, each a theme and a workspace trust and its steps in order. Every pass gets its own
// code-server; the steps of a pass share one workbench page and follow on from each other.
import { editorSteps } from "./editor.mjs";
import { networkSteps } from "./network.mjs";
import { restrictedPass } from "./restricted.mjs";
import { runQuickstartStep, stopLongRunStep } from "./runs.mjs";
import { transportSteps } from "./transport.mjs";

async function darkPass(page) {
  await editorSteps(page);
  await runQuickstartStep(page, "dark", { alreadyOpen: true, chartTabs: true });
  await networkSteps(page, "dark");
  await transportSteps(page, "dark");
  await stopLongRunStep(page);
}

async function lightPass(page) {
  await runQuickstartStep(page, "light", { chartTabs: true });
  await networkSteps(page, "light");
  await transportSteps(page, "light");
}

/** High contrast: the quick start's results, then the network and S-CORE views, in a high-contrast theme. */
async function highContrastPass(page, theme) {
  await runQuickstartStep(page, theme);
  await networkSteps(page, theme);
}

export const PASSES = [
  { name: "dark", theme: "Default Dark Modern", trust: "trusted", steps: darkPass },
  { name: "light", theme: "Default Light Modern", trust: "trusted", steps: lightPass },
  { name: "restricted", theme: "Default Dark Modern", trust: "untrusted", steps: restrictedPass },
  { name: "hc-dark", theme: "Default High Contrast", trust: "trusted", steps: (page) => highContrastPass(page, "hc-dark") },
  { name: "hc-light", theme: "Default High Contrast Light", trust: "trusted", steps: (page) => highContrastPass(page, "hc-light") },
];
