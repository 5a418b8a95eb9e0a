import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { RunScenarioRequest, SeriesNotification, type SeriesParams } from "@vmig/protocol";
import { repositoryRoot, serverForThisFile } from "./lspClient.js";

const quickstartText = readFileSync(join(repositoryRoot, "samples", "quickstart.vmig"), "utf8");
const client = serverForThisFile();

test("a run streams the topology once, the migration's events in order and link-load frames", async () => {
  const doc = pathToFileURL(join(repositoryRoot, "test-documents", "stream.vmig")).href;
  await client.open(doc, quickstartText);
  const series: SeriesParams[] = [];
  const listening = client.connection.onNotification(SeriesNotification.type, (p) => void (p.runId === "s1" && series.push(p)));
  const result = await client.connection.sendRequest(RunScenarioRequest.type, { uri: doc, runId: "s1" });
  listening.dispose();
  assert.equal(result.error, undefined);
  const results = result.results!;

  const topologies = series.filter((s) => s.topology !== undefined);
  assert.equal(topologies.length, 1);
  assert.equal(series.indexOf(topologies[0]!), 0, "the topology travels with the first notification");
  const topology = topologies[0]!.topology!;
  assert.deepEqual(results.topology, topology);
  assert.deepEqual(topology.nodes.map((n) => n.name).sort(), ["h1", "h2", "tor"]);
  assert.deepEqual(topology.links.map((l) => l.bandwidth_bytes_per_s), [1.25e8, 1.25e8]);

  const events = series.flatMap((s) => s.events ?? []);
  for (let i = 1; i < events.length; i++) assert.ok(events[i]!.t_s >= events[i - 1]!.t_s, "time order");
  const migration = results.migrations[0]!;
  assert.equal(events[0]!.kind, "migration-start");
  const start = events[0] as Extract<(typeof events)[number], { kind: "migration-start" }>;
  assert.deepEqual([start.vm, start.source, start.target, start.t_s], ["web", "h1", "h2", migration.start_s]);
  // The route from h1 to h2 crosses both links, h1's first.
  const names = start.links.map((i) => topology.links[i]!.name);
  assert.equal(names.length, 2);
  assert.deepEqual(events.filter((e) => e.kind === "round-start").length, migration.rounds.length - 1);
  assert.equal(events.filter((e) => e.kind === "stop-and-copy").length, 1);
  assert.deepEqual(events.at(-1), { kind: "migration-end", t_s: migration.end_s, vm: "web", downtime_s: migration.downtime_s });

  const frames = series.flatMap((s) => s.link_loads ?? []);
  assert.ok(frames.length >= 1);
  assert.ok(series.every((s) => (s.link_loads ?? []).length <= 1), "at most the latest frame per notification");
  for (const frame of frames) {
    assert.equal(frame.ratios.length, topology.links.length);
    for (const ratio of frame.ratios) assert.ok(ratio >= 0 && ratio <= 1);
  }
  assert.equal(frames.at(-1)!.t_s, results.end_s, "the run's final frame is streamed");

  const rates = series.flatMap((s) => s.chunks).filter((c) => c.series === "rate/web");
  assert.ok(rates.length > 0 && rates.every((c) => c.unit === "bytes/s"));
});
