/**
 * Runs scenarios for the editor: one worker thread per run, results streamed as `vmig/series`
 * notifications, `vmig/runDone` at the end, LSP work-done progress while it runs.
 *
 * Cancelling the request sets the worker's cancel flag; the engine polls it between events and returns the
 * results so far. A worker that does not stop within a grace period is terminated. Nothing that happens in
 * a worker can take the server down.
 */
import { Worker } from "node:worker_threads";
import type { CancellationToken, Connection, TextDocuments, WorkDoneProgressReporter } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { RunDoneNotification, RunScenarioRequest, SeriesNotification, type RunScenarioParams, type RunScenarioResult } from "@vmig/protocol";
import type { WorkerInput, WorkerOutput } from "./workerMessages.js";
import type { AnalysisCache } from "./analysis.js";

const CANCEL_GRACE_MS = 1000;

export function registerRuns(connection: Connection, documents: TextDocuments<TextDocument>, cache: AnalysisCache, workerPath: string): void {
  connection.onRequest(RunScenarioRequest.type, (params, token) => {
    const document = documents.get(params.uri);
    if (!document) return { runId: params.runId, error: `the document ${params.uri} is not open` };
    const progress = connection.languages.attachWorkDoneProgress(params);
    const input: Omit<WorkerInput, "cancelFlag"> = { text: document.getText(), uri: document.uri, imports: [...cache.get(document).importedFiles], seed: params.seed };
    return runInWorker(connection, workerPath, input, params, token, progress);
  });
}

function runInWorker(
  connection: Connection,
  workerPath: string,
  request: Omit<WorkerInput, "cancelFlag">,
  params: RunScenarioParams,
  token: CancellationToken,
  progress: WorkDoneProgressReporter,
): Promise<RunScenarioResult> {
  return new Promise((resolve) => {
    const cancelFlag = new SharedArrayBuffer(4);
    const input: WorkerInput = { ...request, cancelFlag };
    const worker = new Worker(workerPath, { workerData: input });
    let settled = false;
    let finishedCount = 0;
    progress.begin("vmig: running scenario", undefined, "starting", true);

    const finish = (result: RunScenarioResult) => {
      if (settled) return;
      settled = true;
      progress.done();
      void connection.sendNotification(RunDoneNotification.type, result);
      resolve(result);
      void worker.terminate();
    };

    token.onCancellationRequested(() => {
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      setTimeout(() => finish({ runId: params.runId, error: "the run was stopped" }), CANCEL_GRACE_MS).unref();
    });

    worker.on("message", (message: WorkerOutput) => {
      if (settled) return;
      if (message.type === "series") {
        finishedCount += message.finished.length;
        if (message.finished.length > 0) progress.report(`${finishedCount} migration${finishedCount === 1 ? "" : "s"} finished`);
        const { chunks, finished, topology, events, link_loads } = message;
        void connection.sendNotification(SeriesNotification.type, {
          runId: params.runId,
          chunks,
          finished,
          ...(topology !== undefined && { topology }),
          ...(events !== undefined && { events }),
          ...(link_loads !== undefined && { link_loads }),
        });
      } else if (message.type === "done") {
        finish({ runId: params.runId, results: message.results, ...(message.note === undefined ? {} : { note: message.note }) });
      } else {
        finish({ runId: params.runId, error: message.message });
      }
    });
    worker.on("error", (e) => finish({ runId: params.runId, error: `the simulation worker failed: ${e.message}` }));
    worker.on("exit", (code) => finish({ runId: params.runId, error: `the simulation worker exited (code ${code}) before it finished` }));
  });
}
