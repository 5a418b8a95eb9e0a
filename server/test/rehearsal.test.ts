import { test } from "node:test";
import assert from "node:assert/strict";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Rehearsal } from "../src/rehearsal.js";

// The server's scheduling of its rehearsal of an edit: steps run one per turn of the event loop, never while
// a check waits, only once per server, and a failing step is logged, not thrown. The work is counted steps
// here; grammar/test/rehearsal.test.ts checks the grammar's rehearsal itself.

/** Steps that count how many ran, and throw at step `failAt` if given. */
function* countedSteps(count: number, ran: { steps: number }, failAt?: number): Generator<void, void, void> {
  for (let i = 0; i < count; i++) {
    if (i === failAt) throw new Error("step failed");
    ran.steps++;
    yield;
  }
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextTurn();
}

test("a rehearsal runs one step per turn of the event loop, to its end, and starts only once", async () => {
  const ran = { steps: 0 };
  let made = 0;
  const rehearsal = new Rehearsal(() => false, assert.fail, () => (made++, countedSteps(5, ran)));
  rehearsal.start();
  rehearsal.start();
  assert.equal(ran.steps, 0, "nothing runs before the next turn");
  await turns(2);
  assert.ok(ran.steps >= 1 && ran.steps < 5, `a step per turn (${ran.steps} after two turns)`);
  await turns(10);
  assert.equal(ran.steps, 5);
  assert.equal(made, 1, "a second start does nothing");
});

test("no step runs while a check waits, and the rehearsal goes on afterwards", async () => {
  const ran = { steps: 0 };
  let busy = true;
  new Rehearsal(() => busy, assert.fail, () => countedSteps(3, ran)).start();
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
  const logged: string[] = [];
  new Rehearsal(() => false, (message) => logged.push(message), () => countedSteps(5, ran, 2)).start();
  await turns(10);
  assert.equal(ran.steps, 2);
  assert.equal(logged.length, 1);
  assert.match(logged[0]!, /rehearsing an edit failed.*step failed/s);
});
