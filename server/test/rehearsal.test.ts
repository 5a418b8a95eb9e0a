import { test } from "node:test";
import assert from "node:assert/strict";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Rehearsal } from "../src/rehearsal.js";

// The server's scheduling of its warm-up or rehearsal of an edit: steps run one per turn of the event loop,
// never while a check waits, one work at a time and none after one ran to its end, a work its condition
// stops lets another start, the end is logged, and a failing step is logged, not thrown. The work is counted
// steps here; grammar/test/rehearsal.test.ts checks the grammar's rehearsal itself.

/** Steps that count how many ran, and throw at step `failAt` if given. */
function* countedSteps(count: number, ran: { steps: number }, failAt?: number): Generator<void, void, void> {
  for (let i = 0; i < count; i++) {
    if (i === failAt) throw new Error("step failed");
    ran.steps++;
    yield;
  }
}

/** A log that keeps what it was given, failures and information apart. */
function keptLog(): { errors: string[]; infos: string[]; error(m: string): void; log(m: string): void } {
  const kept = { errors: [] as string[], infos: [] as string[], error: (m: string) => void kept.errors.push(m), log: (m: string) => void kept.infos.push(m) };
  return kept;
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextTurn();
}

test("a rehearsal runs one step per turn of the event loop, to its end, which it logs, and starts only once", async () => {
  const ran = { steps: 0 };
  const second = { steps: 0 };
  const log = keptLog();
  const rehearsal = new Rehearsal(() => false, log);
  rehearsal.start(() => countedSteps(5, ran), "warming up");
  rehearsal.start(() => countedSteps(5, second), "rehearsing an edit");
  assert.equal(ran.steps, 0, "nothing runs before the next turn");
  await turns(2);
  assert.ok(ran.steps >= 1 && ran.steps < 5, `a step per turn (${ran.steps} after two turns)`);
  await turns(10);
  assert.equal(ran.steps, 5);
  assert.equal(second.steps, 0, "a second start does nothing");
  assert.deepEqual(log.errors, []);
  assert.equal(log.infos.length, 1);
  assert.match(log.infos[0]!, /^vmig: warming up done: 5 steps in \d+ ms$/);
});

test("no step runs while a check waits, and the rehearsal goes on afterwards", async () => {
  const ran = { steps: 0 };
  let busy = true;
  new Rehearsal(() => busy, keptLog()).start(() => countedSteps(3, ran), "rehearsing an edit");
  await turns(5);
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.equal(ran.steps, 0);
  busy = false;
  await new Promise((resolve) => setTimeout(resolve, 40));
  await turns(5);
  assert.equal(ran.steps, 3);
});

test("a step that fails is logged and ends the rehearsal, without throwing", async () => {
  const ran = { steps: 0 };
  const log = keptLog();
  new Rehearsal(() => false, log).start(() => countedSteps(5, ran, 2), "rehearsing an edit");
  await turns(10);
  assert.equal(ran.steps, 2);
  assert.equal(log.errors.length, 1);
  assert.match(log.errors[0]!, /rehearsing an edit failed.*step failed/s);
  assert.deepEqual(log.infos, [], "a rehearsal that failed is not reported done");
});

test("work that its condition stops ends unfinished, says so, and other work may start afterwards", async () => {
  const warmUp = { steps: 0 };
  const rehearsal = { steps: 0 };
  const log = keptLog();
  const rehearsals = new Rehearsal(() => false, log);
  let documentOpen = false;
  rehearsals.start(() => countedSteps(50, warmUp), "warming up", () => documentOpen);
  await turns(3);
  documentOpen = true;
  rehearsals.start(() => countedSteps(3, rehearsal), "rehearsing an edit");
  await turns(3);
  assert.ok(warmUp.steps > 0 && warmUp.steps < 50, `${warmUp.steps} steps of the warm-up ran`);
  assert.equal(rehearsal.steps, 0, "no other work starts while the first runs");
  assert.match(log.infos[0]!, /^vmig: warming up stopped after \d+ steps in \d+ ms$/);
  rehearsals.start(() => countedSteps(3, rehearsal), "rehearsing an edit");
  await turns(10);
  assert.equal(rehearsal.steps, 3);
  assert.match(log.infos[1]!, /^vmig: rehearsing an edit done: 3 steps/);
  rehearsals.start(() => countedSteps(3, rehearsal), "rehearsing an edit");
  await turns(5);
  assert.equal(rehearsal.steps, 3, "nothing starts after work ran to its end");
});
