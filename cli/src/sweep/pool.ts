/**
 * A fixed pool of worker threads fed from one queue of runs. Replies arrive in completion order; the
 * caller puts them back in run order.
 */
import { Worker } from "node:worker_threads";
import type { RunReply, RunRequest, SweepWorkerData } from "./messages.js";

/**
 * Runs every request on `jobs` workers and calls `onReply` once per request. Requests are drawn lazily,
 * so a large sweep never holds every edited text at once. A worker that dies fails its run and is replaced.
 */
export function runPool(workerPath: string, data: SweepWorkerData, jobs: number, requests: Iterator<RunRequest>, onReply: (reply: RunReply) => void): Promise<void> {
  return new Promise((done) => {
    let busy = 0;
    let exhausted = false;
    const current = new Map<Worker, number>();
    const feed = (worker: Worker): boolean => {
      const next = exhausted ? undefined : requests.next();
      if (!next || next.done) {
        exhausted = true;
        void worker.terminate();
        return false;
      }
      busy++;
      current.set(worker, next.value.index);
      worker.postMessage(next.value);
      return true;
    };
    const finish = () => {
      if (busy === 0 && exhausted) done();
    };
    const start = () => {
      const worker = new Worker(workerPath, { workerData: data });
      worker.on("message", (reply: RunReply) => {
        busy--;
        current.delete(worker);
        onReply(reply);
        feed(worker);
        finish();
      });
      worker.on("error", (error: Error) => {
        const index = current.get(worker);
        current.delete(worker);
        if (index !== undefined) {
          busy--;
          onReply({ index, kind: "failed", message: `its worker thread died: ${error.message}` });
        }
        if (!exhausted) feed(start());
        finish();
      });
      return worker;
    };
    for (let i = 0; i < jobs && !exhausted; i++) feed(start());
    finish();
  });
}
