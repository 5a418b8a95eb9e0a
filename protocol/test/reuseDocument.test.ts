import { test } from "node:test";
import assert from "node:assert/strict";
import type { MigrationResult } from "@vmig/engine";
import { toMigrationDocument } from "../src/document.js";

const result: MigrationResult = {
  vm: "web", source: "h1", target: "h2", startSec: 0, endSec: 6.63, totalTimeSec: 6.63, downtimeSec: 0.015,
  bytesSent: 826_906_395, rounds: [], stopReason: "below-threshold",
};

test("content reuse (paper 002) reaches the results document as reused_bytes and reused_from", () => {
  const document = toMigrationDocument({ ...result, reusedBytes: 314_572_800, reusedFrom: "db" });
  assert.equal(document.reused_bytes, 314_572_800);
  assert.equal(document.reused_from, "db");
});

test("a migration that reused nothing has neither field", () => {
  const document = toMigrationDocument(result);
  assert.equal("reused_bytes" in document, false);
  assert.equal("reused_from" in document, false);
});
