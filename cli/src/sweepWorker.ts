/**
 * A sweep worker thread (bundled as cli/out/sweepWorker.js): runs the scenarios the main thread sends, one
 * at a time, and answers each with its rows. A run that throws is reported, and the worker goes on.
 */
import { parentPort, workerData } from "node:worker_threads";
import { resolve } from "node:path";
import { runDocument } from "@vmig/grammar";
import { formatDiagnostics } from "./diagnostics.js";
import { fileImportResolver } from "./imports.js";
import type { RunReply, RunRequest, SweepWorkerData } from "./sweep/messages.js";

const { file } = workerData as SweepWorkerData;
const checkOptions = { uri: resolve(file), resolveImport: fileImportResolver(file) };
const ignore = { series() {}, migrationDone() {} };

function run(request: RunRequest): RunReply {
  const { index } = request;
  try {
    const outcome = runDocument(request.text, ignore, { seed: request.seed, check: checkOptions });
    if (!outcome.ok) {
      const errors = outcome.checked.diagnostics.filter((d) => d.severity === "error");
      return { index, kind: "invalid", diagnostics: formatDiagnostics(file, request.text, errors) };
    }
    return {
      index,
      kind: "done",
      seed: outcome.result.seed,
      migrations: outcome.result.migrations.map((m) => ({
        vm: m.vm,
        source: m.source,
        target: m.target,
        start_s: m.startSec,
        total_time_s: m.totalTimeSec,
        downtime_s: m.downtimeSec,
        bytes_sent: m.bytesSent,
        rounds: m.rounds.length,
        stop_reason: m.stopReason,
      })),
      expectations: outcome.expectations.map((o) => ({ vm: o.expectation.vm, passed: o.passed })),
    };
  } catch (e) {
    return { index, kind: "failed", message: (e as Error).message };
  }
}

parentPort!.on("message", (request: RunRequest) => parentPort!.postMessage(run(request)));
