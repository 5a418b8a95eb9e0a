import { test } from "node:test";
import assert from "node:assert/strict";
import type { EventDocument, LinkLoadDocument } from "@vmig/protocol";
import { NetworkRecorder } from "../src/networkRecorder.js";

test("the recorder keeps each link's highest load over all frames, 0 for links no frame loaded", () => {
  const recorder = new NetworkRecorder();
  const first: LinkLoadDocument[] = [{ t_s: 0, ratios: [0.2, 0.9] }, { t_s: 1, ratios: [0.7, 0.1] }];
  const second: LinkLoadDocument[] = [{ t_s: 2, ratios: [0.5] }];
  recorder.linkLoads(first);
  recorder.linkLoads(second);
  assert.deepEqual(recorder.network(3).peakLinkLoads, [0.7, 0.9, 0]);
});

test("the recorder keeps the route of every migration-start event and ignores other events", () => {
  const recorder = new NetworkRecorder();
  const events: EventDocument[] = [
    { kind: "migration-start", t_s: 0, vm: "a", source: "h1", target: "h2", links: [0, 3] },
    { kind: "round-start", t_s: 0, vm: "a", round: 0, bytes: 10 },
    { kind: "migration-start", t_s: 1, vm: "b", source: "h2", target: "h1", links: [3, 0] },
  ];
  recorder.events(events);
  assert.deepEqual(recorder.network(0).routes, [
    { source: "h1", links: [0, 3] },
    { source: "h2", links: [3, 0] },
  ]);
});
