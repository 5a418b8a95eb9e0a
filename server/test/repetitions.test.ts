import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { RunDoneNotification, RunScenarioRequest, type RunDoneParams } from "@vmig/protocol";
import { repositoryRoot, serverForThisFile } from "./lspClient.js";

const sampleText = readFileSync(join(repositoryRoot, "samples", "vm-traffic.vmig"), "utf8");
const client = serverForThisFile();

test("an editor run of a scenario with repetitions runs the first and says so in runDone", async () => {
  const doc = pathToFileURL(join(repositoryRoot, "test-documents", "repetitions.vmig")).href;
  await client.open(doc, sampleText);
  const done: RunDoneParams[] = [];
  const listener = client.connection.onNotification(RunDoneNotification.type, (p) => void done.push(p));
  const result = await client.connection.sendRequest(RunScenarioRequest.type, { uri: doc, runId: "rep" });
  listener.dispose();
  assert.equal(result.error, undefined);
  assert.equal(result.results!.seed, 1);
  assert.match(done[0]!.note ?? "", /first of the scenario's 10 repetitions \(seed 1\)/);
  const singleDoc = doc.replace("repetitions.vmig", "single.vmig");
  await client.open(singleDoc, sampleText.replace("  repetitions 10\n", ""));
  const singleDone: RunDoneParams[] = [];
  const again = client.connection.onNotification(RunDoneNotification.type, (p) => void singleDone.push(p));
  const single = await client.connection.sendRequest(RunScenarioRequest.type, { uri: singleDoc, runId: "one" });
  again.dispose();
  assert.equal(single.error, undefined);
  assert.equal(singleDone[0]!.note, undefined);
});
