// What the run undoes at its end, whatever happened: cleanup actions run in reverse order, the process ids to
// SIGKILL should this process exit without them (a crash), and the guards that end a run that hangs, throws
// outside a step or is interrupted.
import { log, sleep } from "./common.mjs";
import { failOutsideStep, printSummary } from "./steps.mjs";

const cleanups = [];
/** Pids (negative: process groups) to SIGKILL if this process exits without its cleanups (a crash). */
const lastResort = new Set();

/** Registers an action for the end of the run (actions run last registered first). */
export function atEnd(cleanup) {
  cleanups.push(cleanup);
}

export function killOnCrash(pid) {
  lastResort.add(pid);
}

export function forgetOnCrash(pid) {
  lastResort.delete(pid);
}

export async function runCleanups() {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    try {
      await cleanup();
    } catch (e) {
      console.log(`# cleanup: ${e.message}`);
    }
  }
}

/**
 * Ends the run if it exceeds `totalMs` (the watchdog) or throws outside a step, with the cleanups and the
 * closing line; on SIGINT and SIGTERM it runs the cleanups and exits with 130. Returns the watchdog's timer.
 */
export function guardRun(totalMs) {
  const abort = async (notOkLine) => {
    failOutsideStep(notOkLine);
    await runCleanups();
    printSummary();
    process.exit(1);
  };
  const watchdog = setTimeout(() => abort(`e2e-watchdog (the run exceeded ${totalMs / 60_000} minutes)`), totalMs);
  process.on("exit", () => {
    for (const pid of lastResort) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  });
  process.on("uncaughtException", (e) => abort(`e2e-harness (uncaught: ${e?.message ?? e})`));
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, async () => {
      await runCleanups();
      process.exit(130);
    });
  }
  return watchdog;
}

/** Stops a process group we started (code-server and its extension host and language server), by pid. */
export async function killGroup(child, name) {
  await killGroupOnce(child, name);
  lastResort.delete(-child.pid);
}

async function killGroupOnce(child, name) {
  if (child.exitCode !== null || child.signalCode !== null) {
    // The leader is gone; its children (extension host, language server) may not be.
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* none left */
    }
    return;
  }
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const gone = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!gone) {
    log(`${name} (pid ${child.pid}) ignored SIGTERM; sending SIGKILL`);
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
}
