// The editor steps of the dark pass on the quick-start sample: TextMate highlighting, the language server's
// Node options, a typo's diagnostic and its Problems entry, completion of a VM name, and the hover's
// closed-form prediction.
import { readdirSync, readFileSync } from "node:fs";
import { SERVER_NODE_OPTIONS } from "../../protocol/build/src/index.js";
import { fail, log, sleep } from "../common.mjs";
import { migrateLine, sample } from "../samples.mjs";
import { step } from "../steps.mjs";
import { docShot, editorLines, ensureClean, focusEditor, goToLine, openFile, revertFile, squiggles, until, waitForProblem } from "../workbench.mjs";

/** Turns `migrate web` into `migrate wbe` in the open quick-start sample (an unknown VM). */
export async function misspellVm(page) {
  await goToLine(page, migrateLine, 9);
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.type("wbe");
}

export async function editorSteps(page) {
  await step(page, "open-highlighted", async () => {
    await openFile(page, sample);
    const lines = await editorLines(page);
    if (!lines.some((l) => l.startsWith("migrate web to h2"))) fail(`the file is not shown: ${lines.join(" | ")}`);
    // The keyword line, tokenised by the TextMate grammar into spans of different colours.
    const colours = await until("several token colours on the migrate line", async () => {
      const found = await page.locator(".editor-group-container.active .view-line", { hasText: "migrate web to h2" }).evaluate((line) =>
        [...line.querySelectorAll("span[class*='mtk']")].map((s) => ({ text: s.textContent, cls: s.className, color: getComputedStyle(s).color })),
      );
      return new Set(found.map((t) => t.color)).size >= 2 ? found : false;
    });
    log(`tokens on the migrate line: ${colours.map((t) => `${JSON.stringify(t.text)}=${t.color}`).join(" ")}`);
    const keyword = colours.find((t) => t.text.trim() === "migrate");
    const name = colours.find((t) => t.text.trim() === "web");
    if (!keyword) fail("`migrate` is not a token of its own");
    if (name && name.color === keyword.color) fail("`migrate` and `web` have the same colour");
    // The language server is up once the extension's status or diagnostics arrive; give it a moment
    // and insist that the clean sample has no error squiggle.
    await sleep(3000);
    const count = await squiggles(page);
    if (count !== 0) fail(`${count} error squiggles on the clean sample`);
  });

  await step(page, "server-node-options", async () => {
    // The extension starts the language server with the Node options it is measured with (protocol/src/launch.ts).
    const servers = languageServerCommandLines();
    if (servers.length === 0) fail("no language server process is running");
    for (const args of servers) {
      const missing = SERVER_NODE_OPTIONS.filter((option) => !args.includes(option));
      if (missing.length > 0) fail(`the language server runs without ${missing.join(" ")}: ${args.join(" ")}`);
    }
    log(`language server: ${servers.map((args) => args.join(" ")).join(" | ")}`);
  });

  await step(page, "diagnostics-typo", async () => {
    await ensureClean(page);
    await misspellVm(page);
    await until("the edited line", async () => (await editorLines(page)).some((l) => l.startsWith("migrate wbe to h2")));
    await until("an error squiggle", async () => (await squiggles(page)) > 0);
    await waitForProblem(page, "unknown vm 'wbe'");
    // Back in the editor with the squiggled line in view, for the documentation's picture.
    await focusEditor(page);
    await goToLine(page, migrateLine, 12);
    await until("the squiggle in view", async () => (await squiggles(page)) > 0);
    await sleep(300);
    await docShot(page, "editor-diagnostics");
    // Undo restores the line and the diagnostics go away.
    await focusEditor(page);
    await page.keyboard.press("Control+Z");
    await until("the undone line", async () => (await editorLines(page)).some((l) => l.startsWith("migrate web to h2")));
    await until("the squiggles to go", async () => (await squiggles(page)) === 0);
    await until("the Problems panel to empty", async () => !(await page.locator(".markers-panel").textContent()).includes("wbe"));
  });

  await step(page, "completion-vm-name", async () => {
    await ensureClean(page);
    await focusEditor(page);
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("migrate ");
    await page.keyboard.press("Control+Space");
    const widget = page.locator(".editor-widget.suggest-widget.visible");
    await widget.waitFor();
    const web = widget.locator(".monaco-list-row", { hasText: /^web/ }).first();
    await until("`web` among the completions", async () => (await widget.locator(".monaco-list-row").allTextContents()).some((t) => t.trim().startsWith("web")));
    const labels = (await widget.locator(".monaco-list-row .label-name").allTextContents()).map((t) => t.trim());
    log(`completions after "migrate ": ${labels.join(", ")}`);
    await docShot(page, "editor-completion");
    // Select it (filtering by typing would also work) and accept.
    if (!(await web.evaluate((el) => el.classList.contains("focused")))) await web.click();
    await page.keyboard.press("Enter");
    await widget.waitFor({ state: "hidden" });
    await until("the completed line", async () => (await editorLines(page)).some((l) => /^migrate web\s*$/.test(l)));
    await revertFile(page);
    await until("the completion line to be gone", async () => !(await editorLines(page)).some((l) => /^migrate web\s*$/.test(l)));
  });

  await step(page, "hover-prediction", async () => {
    await ensureClean(page);
    await focusEditor(page);
    await goToLine(page, migrateLine, 3);
    // editor.action.showHover: the hover of the `migrate` keyword carries the closed-form prediction.
    await page.keyboard.press("Control+K");
    await page.keyboard.press("Control+I");
    const hover = page.locator(".monaco-hover:not(.hidden)", { hasText: "Predicted" });
    await hover.first().waitFor({ timeout: 30_000 });
    const text = ((await hover.first().textContent()) ?? "").replace(/\s+/g, " ");
    if (!/~5 rounds, ~9\.38 s total, ~20\.5 ms downtime/.test(text)) fail(`the hover does not give the prediction: ${text.slice(0, 300)}`);
    log(`hover: ${text.slice(0, 200)}`);
    await sleep(300);
    await docShot(page, "editor-hover");
    await page.keyboard.press("Escape");
  });
}

/** The command line of every running process of the language server bundle, read from Linux's /proc. */
function languageServerCommandLines() {
  const lines = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let args;
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    } catch {
      continue; // the process ended meanwhile
    }
    if (args.some((arg) => arg.endsWith("server/out/main.js"))) lines.push(args);
  }
  return lines;
}
