import { test } from "node:test";
import assert from "node:assert/strict";
import { NetworkRecorder } from "../src/networkRecorder.js";

test("the recorder keeps each link's highest load over all frames, 0 for links no frame loaded", () => {
  const recorder = new NetworkRecorder();
  recorder.linkLoads([{ timeSec: 0, ratios: [0.2, 0.9] }, { timeSec: 1, ratios: [0.7, 0.1] }]);
  recorder.linkLoads([{ timeSec: 2, ratios: [0.5] }]);
  assert.deepEqual(recorder.network(3).peakLinkLoads, [0.7, 0.9, 0]);
});

test("the recorder keeps the route of every migration-start event and ignores other events", () => {
  const recorder = new NetworkRecorder();
  recorder.events([
    { kind: "migration-start", timeSec: 0, vm: "a", source: "h1", target: "h2", links: [0, 3] },
    { kind: "round-start", timeSec: 0, vm: "a", round: 0, bytes: 10 },
    { kind: "migration-start", timeSec: 1, vm: "b", source: "h2", target: "h1", links: [3, 0] },
  ]);
  assert.deepEqual(recorder.network(0).routes, [
    { source: "h1", links: [0, 3] },
    { source: "h2", links: [3, 0] },
  ]);
});
