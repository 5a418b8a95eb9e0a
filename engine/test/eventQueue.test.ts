import { test } from "node:test";
import assert from "node:assert/strict";
import { EventQueue } from "../src/kernel/eventQueue.js";

/** Runs every event left in the queue, in the order it hands them out. */
function drain(queue: EventQueue): void {
  for (let event = queue.pop(); event !== undefined; event = queue.pop()) event.action();
}

test("events come out by time, and by insertion order at equal times", () => {
  const queue = new EventQueue();
  const order: string[] = [];
  const times = [5, 1, 3, 1, 5, 0, 3, 1];
  times.forEach((time, i) => queue.push(time, () => order.push(`${time}:${i}`)));
  drain(queue);
  assert.deepEqual(order, ["0:5", "1:1", "1:3", "1:7", "3:2", "3:6", "5:0", "5:4"]);
});

test("many events at one instant keep their insertion order", () => {
  const queue = new EventQueue();
  const order: number[] = [];
  for (let i = 0; i < 1000; i++) queue.push(i % 7 === 0 ? 1 : 2, () => order.push(i));
  drain(queue);
  const expected = [...Array(1000).keys()].sort((a, b) => (a % 7 === 0 ? 0 : 1) - (b % 7 === 0 ? 0 : 1) || a - b);
  assert.deepEqual(order, expected);
});

test("a cancelled event never runs and does not count", () => {
  const queue = new EventQueue();
  const order: string[] = [];
  const a = queue.push(1, () => order.push("a"));
  queue.push(2, () => order.push("b"));
  const c = queue.push(0, () => order.push("c"));
  queue.cancel(c);
  queue.cancel(c);
  assert.equal(queue.size, 2);
  assert.equal(queue.peekTime(), 1);
  queue.cancel(a);
  assert.equal(queue.size, 1);
  drain(queue);
  assert.deepEqual(order, ["b"]);
  assert.equal(queue.size, 0);
  assert.equal(queue.peekTime(), undefined);
});

test("cancelling an event that already ran leaves the count alone", () => {
  const queue = new EventQueue();
  const first = queue.push(1, () => {});
  queue.push(2, () => {});
  queue.pop();
  queue.cancel(first);
  assert.equal(queue.size, 1);
});
