// The language server as an editor sees it: `server/out/main.js --stdio` in a child process, spoken to over
// the real protocol. A generated 10,000-line scenario is opened twice: as the file that starts a server (sent
// right after initializing it), and in a server started before it, as with the workspace, once that server
// has warmed up. It is then edited one character at a time with incremental changes (as VS Code sends them);
// each latency runs from sending the message to receiving the answer, so it includes the server's debounce,
// the check and the protocol. Edits come after a pause (one edit, then a look at the problems), and in bursts
// of fast typing. Run after `npm run build`.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { generator, largeScenario, percentile } from "./largeScenario.mjs";
import { SERVER_NODE_OPTIONS } from "../protocol/build/src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Starts the server and initializes it. `publication` waits for diagnostics of a version (opening a large
 * file publishes twice: its syntax errors, then everything else); `logged` waits for a log message.
 */
async function startServer() {
  const server = spawn(process.execPath, [...SERVER_NODE_OPTIONS, join(root, "server", "out", "main.js"), "--stdio"], { stdio: "pipe" });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const published = new Map();
  const logs = [];
  let wake;
  const state = { errorCount: 0 };
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.set(params.version, [...(published.get(params.version) ?? []), performance.now()]);
    // Errors in the latest diagnostics: the edits must leave the file valid, or forecasts would not run.
    state.errorCount = params.diagnostics.filter((d) => d.severity === 1).length;
    wake?.();
  });
  connection.onNotification(LogMessageNotification.type, (params) => {
    logs.push(params.message);
    wake?.();
  });
  connection.listen();
  const changed = () => new Promise((resolve) => (wake = resolve));
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    server,
    connection,
    state,
    /** When the `count`-th publication of diagnostics of `version` arrived (the first by default). */
    async publication(version, count = 1) {
      while ((published.get(version)?.length ?? 0) < count) await changed();
      return published.get(version)[count - 1];
    },
    /** The first log message that matches `pattern`, waiting for it at most `timeoutMs`. */
    async logged(pattern, timeoutMs) {
      const timer = setTimeout(() => wake?.(), timeoutMs);
      const start = performance.now();
      while (!logs.some((m) => pattern.test(m))) {
        if (performance.now() - start > timeoutMs) throw new Error(`the server never logged ${pattern}; it logged: ${logs.join(" | ")}`);
        await changed();
      }
      clearTimeout(timer);
      return logs.find((m) => pattern.test(m));
    },
    async stop() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      connection.dispose();
    },
  };
}

/** The server's resident memory and its peak, in MiB (Linux's /proc). */
function serverMemory() {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  const field = (name) => Number(/(\d+) kB/.exec(status.split("\n").find((l) => l.startsWith(name)))[1]) / 1024;
  return { rss: field("VmRSS:"), peak: field("VmHWM:") };
}

const uri = pathToFileURL(join(root, "big.vmig")).href;
const text = largeScenario(10_000);
const open = (connection) => connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "vmig", version: 1, text } });

// Opening the file that starts the server: the editor sends it right after initializing the server.
const cold = await startServer();
const coldOpenStart = performance.now();
await open(cold.connection);
const coldOpenMs = (await cold.publication(1, 2)) - coldOpenStart;
await cold.stop();

// Opening it in a server started with the workspace, once the server has warmed up.
const startedAt = performance.now();
const { server, connection, state, publication, logged, stop } = await startServer();
const warmUpLog = await logged(/warming up done/, 30_000);
const warmUpMs = performance.now() - startedAt;
let document = TextDocument.create(uri, "vmig", 1, text);
const openStart = performance.now();
await open(connection);
const openSyntaxMs = (await publication(1)) - openStart;
const openMs = (await publication(1, 2)) - openStart;
const memoryAfterOpen = serverMemory();

/** Sends one edit (offset, characters removed, text inserted) and returns when it was sent. */
async function edit(offset, remove, insert) {
  const range = { start: document.positionAt(offset), end: document.positionAt(offset + remove) };
  document = TextDocument.update(document, [{ range, text: insert }], document.version + 1);
  const start = performance.now();
  await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: [{ range, text: insert }] });
  return start;
}

/** A pause between edits, as between a user's keystrokes and the next look at the problems. */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const THINK_MS = 300;

/** One-character edits at seeded places, each after a pause: the latency from each change to its diagnostics. */
async function editLatencies(count, pick) {
  const random = generator(count);
  const samples = [];
  for (let i = 0; i < count; i++) {
    await pause(THINK_MS);
    const { offset, remove, insert } = pick(document.getText(), random);
    const start = await edit(offset, remove, insert);
    samples.push((await publication(document.version)) - start);
  }
  return samples;
}

/** Bursts of digits typed into a VM's dirty rate 80 ms apart (fast typing): latency from a burst's last keystroke. */
async function burstLatencies(bursts, keystrokes) {
  const samples = [];
  for (let b = 0; b < bursts; b++) {
    await pause(THINK_MS);
    const current = document.getText();
    const offset = current.indexOf("dirty ", current.indexOf(`vm v${100 + b} on`)) + "dirty ".length;
    let start = 0;
    for (let k = 0; k < keystrokes; k++) {
      if (k > 0) await pause(80);
      start = await edit(offset + k, 0, "1");
    }
    samples.push((await publication(document.version)) - start);
  }
  return samples;
}

/** The last character of `anchor` (a digit) at a random place, typed over or doubled: the file stays valid. */
function digitEdit(anchor) {
  return (current, random) => {
    const places = [];
    for (let at = current.indexOf(anchor); at >= 0; at = current.indexOf(anchor, at + 1)) places.push(at + anchor.length - 1);
    const offset = places[Math.floor(random() * places.length)];
    return random() < 0.5 ? { offset, remove: 1, insert: String(1 + Math.floor(random() * 8)) } : { offset, remove: 0, insert: "1" };
  };
}

const vmEdits = await editLatencies(60, digitEdit("{ memory 2"));
const errorsAfterVmEdits = state.errorCount;
const topologyEdits = await editLatencies(30, digitEdit("memory 6"));
const errorsAfterTopologyEdits = state.errorCount;
// A letter typed into a number breaks the file; the next edit removes it again.
const breaking = [];
for (let i = 0; i < 15; i++) {
  await pause(THINK_MS);
  const offset = document.getText().indexOf("dirty 2000") + "dirty 2".length;
  const start = await edit(offset, 0, "x");
  breaking.push((await publication(document.version)) - start);
  await edit(offset, 1, "");
  await publication(document.version);
}

/** Completion requests at the place of a `migrate`'s VM (names) and after a VM's memory figure (units). */
async function completionLatencies(count, afterEdit) {
  const random = generator(count + (afterEdit ? 1 : 0));
  const samples = [];
  for (let i = 0; i < count; i++) {
    const current = document.getText();
    const vm = Math.floor(random() * 1_900);
    const anchor = random() < 0.5 ? `migrate v${vm} ` : `vm v${vm} on h${vm} { memory 2 `;
    const offset = current.indexOf(anchor) + (anchor.startsWith("migrate") ? "migrate ".length : anchor.length);
    if (afterEdit) await edit(offset - 1, 0, " ");
    const start = performance.now();
    const items = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: document.positionAt(offset + (afterEdit ? 1 : 0)) });
    samples.push(performance.now() - start);
    if (!Array.isArray(items) || items.length === 0) throw new Error(`no completion at ${anchor}`);
  }
  if (afterEdit) await publication(document.version);
  return samples;
}

const bursts = await burstLatencies(10, 4);
const completionIdle = await completionLatencies(100, false);
const completionAfterEdit = await completionLatencies(50, true);
const memory = serverMemory();

const line = (label, samples) => console.log(`${label.padEnd(58)} p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(6)} ms`);
console.log(`generated scenario: ${text.split("\n").length} lines, ${(text.length / 1024).toFixed(0)} KiB; over stdio`);
console.log(`errors after the VM edits: ${errorsAfterVmEdits}; after the topology edits: ${errorsAfterTopologyEdits}`);
console.log(`server start → warmed up, idle (${warmUpLog.replace(/^vmig: warming up done: /, "")})`.padEnd(59) + `${warmUpMs.toFixed(0)} ms`);
console.log(`open, warmed-up server → syntax diagnostics                ${openSyntaxMs.toFixed(0)} ms`);
console.log(`open, warmed-up server → all diagnostics                   ${openMs.toFixed(0)} ms`);
console.log(`open, the file that starts the server → all diagnostics    ${coldOpenMs.toFixed(0)} ms`);
line(`edit in a VM, after a ${THINK_MS} ms pause → diagnostics (60)`, vmEdits);
line("edit in the topology (4,000 lines) → diagnostics (30)", topologyEdits);
line("edit that breaks the syntax → diagnostics (15)", breaking);
line("fast typing, 4 keys 80 ms apart → diagnostics (10 bursts)", bursts);
line("completion, idle (100)", completionIdle);
line("completion right after an edit (50)", completionAfterEdit);
console.log(`server memory: ${memoryAfterOpen.rss.toFixed(0)} MiB resident after opening; after the edits ${memory.rss.toFixed(0)} MiB, peak ${memory.peak.toFixed(0)} MiB`);

await stop();
