/**
 * A simulation worker thread: runs one scenario off the server's main thread and streams its series back.
 *
 * The main thread stays free to answer the editor while a run goes on; a run that throws or hangs costs
 * this thread, never the server.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runDocument } from "@vmig/grammar";
import type { SeriesBatch, MigrationResult } from "@vmig/engine";
import { toMigrationDocument, toResultsDocument, type SeriesChunk } from "@vmig/protocol";
import type { WorkerInput, WorkerOutput } from "./workerMessages.js";
import { mapImportResolver } from "./imports.js";

const input = workerData as WorkerInput;
const cancelFlag = new Int32Array(input.cancelFlag);
const post = (message: WorkerOutput) => parentPort!.postMessage(message);

function toChunk(batch: SeriesBatch): SeriesChunk {
  const points = new Array<number>(batch.points.length * 2);
  batch.points.forEach((p, i) => {
    points[2 * i] = p[0];
    points[2 * i + 1] = p[1];
  });
  return { series: batch.series, unit: batch.unit, points };
}

try {
  const outcome = runDocument(
    input.text,
    {
      series: (batches: readonly SeriesBatch[]) => post({ type: "series", chunks: batches.map(toChunk), finished: [] }),
      migrationDone: (result: MigrationResult) => post({ type: "series", chunks: [], finished: [toMigrationDocument(result)] }),
    },
    {
      seed: input.seed,
      isCancelled: () => Atomics.load(cancelFlag, 0) === 1,
      check: { uri: input.uri, resolveImport: mapImportResolver(new Map(input.imports)) },
    },
  );
  if (outcome.ok) post({ type: "done", results: toResultsDocument(outcome.result) });
  else {
    const errors = outcome.checked.diagnostics.filter((d) => d.severity === "error");
    post({ type: "error", message: `the scenario has ${errors.length} error${errors.length === 1 ? "" : "s"}; the first: ${errors[0]?.message ?? "unknown"}` });
  }
} catch (e) {
  post({ type: "error", message: `the simulation failed: ${(e as Error).message}` });
}
