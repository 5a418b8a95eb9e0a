// code-server for one pass: a temporary workspace holding copies of samples/*.vmig (and a generated long
// scenario), a fresh user-data-dir whose settings set the pass's theme and trust, and the server itself on
// 127.0.0.1 and a free port, in its own process group, stopped at the end of the run.
import { spawn } from "node:child_process";
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { atEnd, killGroup, killOnCrash } from "./cleanup.mjs";
import { ARTIFACTS, ROOT, WAIT_MS, fail, log, sleep } from "./common.mjs";
import { CODE_SERVER, EXTENSIONS, NODE24 } from "./install.mjs";

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** The user settings of a pass: its theme and workspace trust, and nothing that would pop up or call home. */
function userSettings({ theme, trust }) {
  return {
    "workbench.colorTheme": theme,
    "workbench.startupEditor": "none",
    "workbench.welcomePage.walkthroughs.openOnInstall": false,
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "chat.disableAIFeatures": true,
    "chat.commandCenter.enabled": false,
    "chat.agent.enabled": false,
    "chat.setupFromDialog": false,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoUpdate": false,
    "extensions.autoCheckUpdates": false,
    "extensions.ignoreRecommendations": true,
    "git.enabled": false,
    "git.openRepositoryInParentFolders": "never",
    "files.autoSave": "off",
    "editor.quickSuggestions": { other: false, comments: false, strings: false },
    "editor.suggestOnTriggerCharacters": false,
    "editor.accessibilitySupport": "off",
    "workbench.editor.enablePreview": false,
    "security.workspace.trust.enabled": trust === "untrusted",
    "security.workspace.trust.startupPrompt": "never",
    "security.workspace.trust.banner": "always",
    "security.workspace.trust.emptyWindow": false,
    "window.menuBarVisibility": "classic",
    "editor.stickyScroll.enabled": false,
  };
}

/** A run long enough to be stopped midway: many VMs that converge slowly, sharing one link. */
function longScenario(vms) {
  const lines = ['scenario "long" { horizon 100000 s }', "topology t {", "  switch s", "  host a { slots 5000  memory 1 TiB }", "  host b { slots 5000  memory 1 TiB }"];
  lines.push("  link a -- s { bandwidth 1 Gbps }", "  link b -- s { bandwidth 1 Gbps }", "}");
  for (let i = 0; i < vms; i++) lines.push(`vm v${i} on a { memory 64 MiB  dirty 1 MB/s }`, `migrate v${i} to b at ${i} ms`);
  return `${lines.join("\n")}\n`;
}

/** Starts code-server on a fresh user-data-dir and workspace; resolves once it answers on /healthz. */
export async function startCodeServer(pass) {
  const base = mkdtempSync(join(tmpdir(), `vmig-e2e-${pass.name}-`));
  atEnd(() => rmSync(base, { recursive: true, force: true }));
  const userDataDir = join(base, "user-data");
  const workspace = join(base, "workspace");
  mkdirSync(join(userDataDir, "User"), { recursive: true });
  mkdirSync(join(workspace, "samples"), { recursive: true });
  for (const file of readdirSync(join(ROOT, "samples"))) {
    if (file.endsWith(".vmig")) cpSync(join(ROOT, "samples", file), join(workspace, "samples", file));
  }
  cpSync(join(ROOT, "samples", "shared"), join(workspace, "samples", "shared"), { recursive: true });
  writeFileSync(join(workspace, "long.vmig"), longScenario(4000));
  writeFileSync(join(userDataDir, "User", "settings.json"), JSON.stringify(userSettings(pass), null, 2));
  const port = await freePort();
  const logFile = join(ARTIFACTS, `code-server-${pass.name}.log`);
  const logStream = createWriteStream(logFile);
  const args = [
    CODE_SERVER,
    "--auth", "none",
    "--bind-addr", `127.0.0.1:${port}`,
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-getting-started-override",
    "--extensions-dir", EXTENSIONS,
    "--user-data-dir", userDataDir,
    workspace,
  ];
  const child = spawn(NODE24, args, {
    cwd: base,
    detached: true, // its own process group, so that its children are stopped with it
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PATH: `${dirname(NODE24)}:${process.env.PATH}`,
      XDG_CONFIG_HOME: join(base, "xdg-config"),
      XDG_DATA_HOME: join(base, "xdg-data"),
      XDG_CACHE_HOME: join(base, "xdg-cache"),
      // No extension gallery: nothing to query (the default is a public host this machine cannot reach).
      EXTENSIONS_GALLERY: "{}",
    },
  });
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  atEnd(() => killGroup(child, "code-server"));
  killOnCrash(-child.pid);
  log(`code-server (pid ${child.pid}) for pass ${pass.name} on 127.0.0.1:${port}; log ${logFile}`);
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (child.exitCode !== null) fail(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const response = await fetch(`${url}healthz`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) fail(`code-server did not answer on ${url} within ${WAIT_MS / 1000} s`);
    await sleep(250);
  }
  return { url, workspace, child };
}
