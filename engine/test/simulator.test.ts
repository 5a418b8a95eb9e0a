import { test } from "node:test";
import assert from "node:assert/strict";
import { CANCEL_POLL_EVENTS, Simulator } from "../src/kernel/simulator.js";

test("events run in time order and the clock follows them", () => {
  const sim = new Simulator(1);
  const seen: [string, number][] = [];
  sim.schedule(2, () => seen.push(["b", sim.now]));
  sim.schedule(1, () => {
    seen.push(["a", sim.now]);
    sim.after(0.5, () => seen.push(["a+0.5", sim.now]));
  });
  assert.equal(sim.run(10), "idle");
  assert.deepEqual(seen, [["a", 1], ["a+0.5", 1.5], ["b", 2]]);
});

test("the horizon stops the run with the clock at the horizon", () => {
  const sim = new Simulator(1);
  let ran = 0;
  sim.schedule(1, () => ran++);
  sim.schedule(5, () => ran++);
  assert.equal(sim.run(3), "horizon");
  assert.equal(ran, 1);
  assert.equal(sim.now, 3);
});

test("a cancelled event does not run", () => {
  const sim = new Simulator(1);
  let ran = false;
  const handle = sim.schedule(1, () => (ran = true));
  sim.cancel(handle);
  sim.run(10);
  assert.equal(ran, false);
});

test("scheduling in the past is refused", () => {
  const sim = new Simulator(1);
  sim.schedule(2, () => assert.throws(() => sim.schedule(1, () => {}), RangeError));
  sim.run(10);
});

test("isCancelled is polled before the first event and at least every CANCEL_POLL_EVENTS events", () => {
  const sim = new Simulator(1);
  let executed = 0;
  const tick = (): void => {
    executed++;
    sim.after(1, tick);
  };
  sim.schedule(0, tick);
  let polls = 0;
  const outcome = sim.run(1e9, () => ++polls === 3);
  assert.equal(outcome, "cancelled");
  assert.equal(executed, 2 * CANCEL_POLL_EVENTS);
});

test("stop() ends the run after the current event", () => {
  const sim = new Simulator(1);
  let ran = 0;
  sim.schedule(1, () => {
    ran++;
    sim.stop();
  });
  sim.schedule(2, () => ran++);
  assert.equal(sim.run(10), "stopped");
  assert.equal(ran, 1);
});
