/**
 * A simulation worker thread: runs one scenario off the server's main thread and streams its series back.
 *
 * The main thread stays free to answer the editor while a run goes on; a run that throws or hangs costs
 * this thread, never the server.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runDocument } from "@vmig/grammar";
import type { SeriesBatch, MigrationResult } from "@vmig/engine";
import { toEventDocument, toLinkLoadDocument, toMigrationDocument, toResultsDocument, toTopologyDocument } from "@vmig/protocol";
import { performance } from "node:perf_hooks";
import { SeriesCoalescer } from "./seriesCoalescer.js";
import type { WorkerInput, WorkerOutput } from "./workerMessages.js";
import { mapImportResolver } from "./imports.js";

const input = workerData as WorkerInput;
const cancelFlag = new Int32Array(input.cancelFlag);
const post = (message: WorkerOutput) => parentPort!.postMessage(message);

/** At most this many messages a second leave the worker; enough for smooth charts, cheap to forward. */
const STREAM_INTERVAL_MS = 50;
const stream = new SeriesCoalescer(
  (chunks, finished, extras) => post({ type: "series", chunks, finished, ...extras }),
  STREAM_INTERVAL_MS,
  () => performance.now(),
);

function addBatch(batch: SeriesBatch): void {
  const points = new Array<number>(batch.points.length * 2);
  batch.points.forEach((p, i) => {
    points[2 * i] = p[0];
    points[2 * i + 1] = p[1];
  });
  stream.addPoints(batch.series, batch.unit, points);
}

try {
  const outcome = runDocument(
    input.text,
    {
      series: (batches: readonly SeriesBatch[]) => batches.forEach(addBatch),
      migrationDone: (result: MigrationResult) => stream.addFinished(toMigrationDocument(result)),
      topology: (snapshot) => stream.setTopology(toTopologyDocument(snapshot)),
      events: (events) => stream.addEvents(events.map(toEventDocument)),
      // Only the latest frame of a message is sent, so only the latest of each batch is converted.
      linkLoads: (frames) => stream.addLinkLoads(frames.length === 0 ? [] : [toLinkLoadDocument(frames[frames.length - 1]!)]),
    },
    {
      seed: input.seed,
      isCancelled: () => Atomics.load(cancelFlag, 0) === 1,
      check: { uri: input.uri, resolveImport: mapImportResolver(new Map(input.imports)) },
    },
  );
  stream.flush();
  if (outcome.ok) post({ type: "done", results: toResultsDocument(outcome.result), ...repetitionsNote(outcome.checked.scenario?.repetitions, outcome.result.seed) });
  else {
    const errors = outcome.checked.diagnostics.filter((d) => d.severity === "error");
    post({ type: "error", message: `the scenario has ${errors.length} error${errors.length === 1 ? "" : "s"}; the first: ${errors[0]?.message ?? "unknown"}` });
  }
} catch (e) {
  post({ type: "error", message: `the simulation failed: ${(e as Error).message}` });
}

/** The editor runs the first of a scenario's repetitions only, and says so; `vmig run` runs them all. */
function repetitionsNote(repetitions: number | undefined, seed: number): { note?: string } {
  if (repetitions === undefined || repetitions <= 1) return {};
  return { note: `this is the first of the scenario's ${repetitions} repetitions (seed ${seed}); 'vmig run' runs them all and summarises them` };
}
