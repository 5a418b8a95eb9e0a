// The results webview at scale: serves the built page (client/out) on 127.0.0.1 with a stand-in for the
// VS Code host (bench/webview/), opens it in Chromium through playwright-core, streams 100,000 points per
// series for several VMs and 1,000 finished migrations in batches, and prints the frame rate while
// streaming and the time the page takes to handle and draw each batch. On the Topology tab the run also
// streams a k = 16 fat-tree (1,344 nodes, 3,072 links), a link-load frame per batch and eight migrations
// under way as arrows. `--shots DIR` also saves a screenshot of each of those tabs at the end of its run.
// Needs `npm run build` (client/build and client/out) and playwright-core from `npm run e2e`'s setup.
import { createServer } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { printTable } from "./table.mjs";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../e2e/chromium.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const chromiumPath = CHROMIUM_PATH;
const chromiumFlags = CHROMIUM_FLAGS;
const run = { vms: 8, points: 100_000, batches: 200, migrations: 1_000, intervalMs: 10 };
/** `--tabs remaining,topology` measures only those tabs. */
const onlyTabs = process.argv.includes("--tabs") ? process.argv[process.argv.indexOf("--tabs") + 1].split(",") : undefined;
const shotsDir = process.argv.includes("--shots") ? process.argv[process.argv.indexOf("--shots") + 1] : undefined;
/** Every wait is bounded: loading the page, one streamed run, closing Chromium. */
const timeouts = { loadMs: 30_000, runMs: 300_000, closeMs: 10_000 };
const nonce = "benchNonce0123456789";

const playwrightPath = [".cache/webview-harness/node_modules", ".cache/e2e/deps/node_modules"]
  .map((folder) => join(root, folder, "playwright-core"))
  .find((folder) => existsSync(join(folder, "package.json")));
if (playwrightPath === undefined || !existsSync(chromiumPath)) {
  console.log("skipped: install with `npm run e2e` first (needs playwright-core in .cache/ and /usr/bin/chromium)");
  process.exit(0);
}
for (const built of ["client/out/webview.js", "client/out/webview.css", "client/build/src/webviewHtml.js"]) {
  if (!existsSync(join(root, built))) {
    console.error(`${built} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}
const { chromium } = createRequire(join(playwrightPath, "package.json"))("playwright-core");
const { renderWebviewHtml } = await import(pathToFileURL(join(root, "client/build/src/webviewHtml.js")).href);

/** The files the page may load, by URL path. */
const files = {
  "/standIn.js": [join(root, "bench/webview/standIn.js"), "text/javascript"],
  "/theme.css": [join(root, "bench/webview/theme.css"), "text/css"],
  "/webview.js": [join(root, "client/out/webview.js"), "text/javascript"],
  "/webview.css": [join(root, "client/out/webview.css"), "text/css"],
  "/uPlot.min.css": [join(root, "client/out/uPlot.min.css"), "text/css"],
};

const server = createServer((request, response) => {
  const origin = `http://127.0.0.1:${server.address().port}`;
  if (request.url === "/") {
    const html = renderWebviewHtml({
      cspSource: origin,
      nonce,
      scriptUri: `${origin}/webview.js`,
      styleUris: [`${origin}/theme.css`, `${origin}/uPlot.min.css`, `${origin}/webview.css`],
      title: "vmig results (benchmark)",
    })
      // The stand-in host loads first, with the page's nonce, as VS Code's own script does.
      .replace(`<script nonce="${nonce}"`, `<script nonce="${nonce}" src="${origin}/standIn.js"></script>\n    <script nonce="${nonce}"`)
      .replace("<body>", '<body class="vscode-dark">');
    response.writeHead(200, { "content-type": "text/html" }).end(html);
    return;
  }
  if (request.url === "/favicon.ico") {
    response.writeHead(204).end();
    return;
  }
  const file = files[request.url];
  if (file === undefined) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "content-type": file[1] }).end(readFileSync(file[0]));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags, timeout: timeouts.loadMs });
try {
  const rows = [];
  let problems = [];
  for (const [tab, title, extra] of [
    ["remaining", "Bytes left", {}],
    ["window", "TCP window", {}],
    ["topology", "Topology", { fatTreeK: 16 }],
  ].filter(([tab]) => onlyTabs === undefined || onlyTabs.includes(tab))) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.setDefaultTimeout(timeouts.loadMs);
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.vmigBench?.posted.some((m) => m.type === "ready"));
    await page.click(`#tab-${tab}`);
    const result = await page.evaluate((options) => window.vmigBench.stream(options), { ...run, ...extra }, { timeout: timeouts.runMs });
    if (shotsDir !== undefined) await page.locator("#views").screenshot({ path: join(shotsDir, `bench-${tab}-done.png`) });
    await page.close();
    if (shotsDir !== undefined && extra.fatTreeK !== undefined) await midRunShots(tab, extra);
    rows.push(...describe(title, result));
  }
  console.log(
    `${run.vms} VMs × 2 series (remaining/, cwnd/) × ${run.points.toLocaleString("en")} points, ` +
      `${run.migrations.toLocaleString("en")} migrations, in ${run.batches} batches posted ${run.intervalMs} ms apart; ` +
      "Topology adds a k = 16 fat-tree, 3,072 link loads per batch and 8 moving arrows",
  );
  printTable(rows, ["tab", "measure", "result", "notes"]);
  // The toolkit's progress ring binds a style attribute the policy blocks once per page (see toolkit.ts).
  problems = problems.filter((p) => !p.includes("style-src"));
  if (problems.length > 0) console.log("page problems:", problems);
  console.log(`goal ≥ 30 frames/s while streaming: ${rows.filter((r) => r[1] === "frames while streaming").every((r) => parseFloat(r[2]) >= 30) ? "met" : "not met"}`);
} finally {
  server.close();
  // Playwright kills Chromium when this process exits, should closing it hang.
  await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, timeouts.closeMs).unref())]);
}

/** Screenshots of the Topology and S-CORE tabs with the run a third of the way through, still streaming. */
async function midRunShots(tab, extra) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.vmigBench?.posted.some((m) => m.type === "ready"));
  await page.click(`#tab-${tab}`);
  await page.evaluate((options) => window.vmigBench.stream(options), { ...run, ...extra, stopAfter: 70 }, { timeout: timeouts.runMs });
  await page.waitForTimeout(300);
  await page.locator("#views").screenshot({ path: join(shotsDir, `bench-${tab}-running.png`) });
  await page.click("#tab-placement");
  await page.waitForTimeout(300);
  await page.locator("#views").screenshot({ path: join(shotsDir, `bench-placement-running.png`) });
  await page.close();
}

/** One tab's figures as table rows. */
function describe(tab, { idle, streaming, batches, done, rows }) {
  const handle = batches.map((b) => b.handleMs);
  const shown = batches.map((b) => b.shownMs).filter(Number.isFinite);
  const rate = (run.batches / streaming.seconds).toFixed(0);
  return [
    [tab, "frames when idle", `${idle.fps.toFixed(1)} frames/s`, "the ceiling on this machine"],
    [tab, "frames while streaming", `${streaming.fps.toFixed(1)} frames/s`, `longest frame ${streaming.longestFrameMs.toFixed(0)} ms; ${streaming.seconds.toFixed(1)} s, ${rate} batches/s`],
    [tab, "handle a batch", ms(handle), "message event: state update and saving"],
    [tab, "batch on screen", ms(shown), "from its message to the end of the frame that drew it"],
    [tab, "run done (1,000 rows)", `${done.handleMs.toFixed(1)} ms handled, ${done.shownMs.toFixed(0)} ms on screen`, `${rows} table rows`],
  ];
}

function ms(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  return `p50 ${at(0.5)} / p95 ${at(0.95)} / max ${sorted[sorted.length - 1].toFixed(1)} ms`;
}
