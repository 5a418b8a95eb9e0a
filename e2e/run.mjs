#!/usr/bin/env node
/**
 * vmig end-to-end test: the packaged extension inside a real VS Code workbench (code-server), driven by
 * playwright-core in Debian's Chromium. Run `bash e2e/setup.sh` first (it installs everything into
 * .cache/e2e/ and installs the freshly packaged .vsix), then `node e2e/run.mjs` (Node 20 or 24).
 *
 * Each step prints `ok - name` or `not ok - name` and leaves test-artifacts/e2e/<name>.png; the last line
 * is `N passed, N failed`, and the exit code is non-zero on any failure. Documentation screenshots go to
 * docs/images/. code-server binds to 127.0.0.1 only; it and Chromium are stopped by pid at the end.
 *
 * Environment: VMIG_E2E_CACHE (default .cache/e2e), VMIG_E2E_ONLY (comma-separated pass names:
 * dark,light,restricted,hc-dark,hc-light), VMIG_E2E_NO_DOCS=1 (do not overwrite docs/images/),
 * VMIG_E2E_CHROMIUM (another Chromium than /usr/bin/chromium).
 *
 * This file is the entry: the pass loop and the closing line. The passes and their steps are in passes/,
 * the step runner and tally in steps.mjs, code-server in server.mjs, Chromium in browser.mjs, what is undone
 * at the end in cleanup.mjs, driving the workbench in workbench.mjs and charts.mjs, and the paths, limits
 * and logging they share in common.mjs and install.mjs.
 */
import "./install.mjs"; // first: it exits with a message if e2e/setup.sh has not installed everything
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openWorkbench, startBrowser } from "./browser.mjs";
import { guardRun, killGroup, runCleanups } from "./cleanup.mjs";
import { ARTIFACTS, WAIT_MS, log, started, withTimeout } from "./common.mjs";
import { PASSES } from "./passes/index.mjs";
import { startCodeServer } from "./server.mjs";
import { failOutsideStep, printSummary, stackLines } from "./steps.mjs";

const TOTAL_TIMEOUT_MS = 25 * 60_000; // the whole run, as a last resort
const VIEWPORT = { width: 1440, height: 900 };

const only = process.env.VMIG_E2E_ONLY;
const passes = PASSES.filter((p) => !only || only.split(",").includes(p.name));

const watchdog = guardRun(TOTAL_TIMEOUT_MS);
mkdirSync(ARTIFACTS, { recursive: true });
try {
  const browser = await startBrowser();
  for (const pass of passes) {
    log(`pass ${pass.name}: ${pass.theme}, workspace ${pass.trust}`);
    let server;
    try {
      server = await startCodeServer(pass);
    } catch (e) {
      failOutsideStep(`start-code-server-${pass.name}`, [e.message]);
      continue;
    }
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    let page;
    try {
      page = await withTimeout(openWorkbench(context, server.url, pass.name), WAIT_MS + 5000, "the workbench");
    } catch (e) {
      failOutsideStep(`workbench-${pass.name}`, [e.message]);
      const pages = context.pages();
      if (pages[0]) await pages[0].screenshot({ path: join(ARTIFACTS, `workbench-${pass.name}.png`) }).catch(() => undefined);
      await context.close().catch(() => undefined);
      await killGroup(server.child, "code-server");
      continue;
    }
    log("workbench up");
    await pass.steps(page);
    await context.close().catch(() => undefined);
    await killGroup(server.child, "code-server");
  }
} catch (e) {
  failOutsideStep("e2e-harness", stackLines(e));
} finally {
  await runCleanups();
  clearTimeout(watchdog);
}
log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(printSummary());
