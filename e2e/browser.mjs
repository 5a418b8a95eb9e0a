// Chromium, driven by playwright-core (both from e2e/setup.sh's install), and the workbench page of one pass,
// whose browser console (which carries the extension host's errors) is kept in test-artifacts/e2e/.
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM_FLAGS } from "./chromium.mjs";
import { atEnd, forgetOnCrash, killOnCrash } from "./cleanup.mjs";
import { ARTIFACTS, WAIT_MS, log, withTimeout } from "./common.mjs";
import { CHROMIUM, PLAYWRIGHT } from "./install.mjs";

/** Launches headless Chromium on 127.0.0.1 (stopped at the end of the run) and connects to it. */
export async function startBrowser() {
  const { chromium } = await import(pathToFileURL(PLAYWRIGHT).href);
  const browserServer = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    host: "127.0.0.1",
    args: CHROMIUM_FLAGS,
    timeout: WAIT_MS,
  });
  const pid = browserServer.process().pid;
  killOnCrash(pid);
  log(`Chromium pid ${pid}`);
  atEnd(async () => {
    await withTimeout(browserServer.close(), 10_000, "closing Chromium").catch(() => undefined);
    try {
      process.kill(pid, 0);
      process.kill(pid, "SIGKILL");
    } catch {
      /* gone */
    }
    forgetOnCrash(pid);
  });
  return chromium.connect(browserServer.wsEndpoint(), { timeout: WAIT_MS });
}

/** Opens the workbench at `url` in a new page; resolves once the explorer shows the workspace. */
export async function openWorkbench(context, url, passName) {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  // The browser console carries the extension host's errors ("[Extension Host] ..."): keep it.
  const consoleLog = createWriteStream(join(ARTIFACTS, `console-${passName}.log`));
  atEnd(() => new Promise((r) => consoleLog.end(r)));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning" || /Extension Host|vmig/i.test(m.text())) {
      consoleLog.write(`[${m.type()}] ${m.text()}\n`);
    }
  });
  page.on("pageerror", (e) => consoleLog.write(`[pageerror] ${e.stack ?? e.message}\n`));
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.locator(".monaco-workbench").waitFor();
  // The explorer shows the workspace once the workbench is connected to the server.
  await page.locator(".explorer-folders-view .monaco-list-row").first().waitFor();
  return page;
}
