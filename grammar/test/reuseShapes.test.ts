import { test } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { check, CheckCache, type CheckResult } from "../src/index.js";

// The reuse caches move what they kept (symbols, reference sites, expectations) when an edit above shifts it.
// Those objects must be made as a check makes them, with the same properties in the same order: the engine
// then gives both one shape, and the code optimised for the first checks is not deoptimised by the moved ones
// (declarationReuse.ts). The incremental tests compare the values; this one compares the engine's shapes.

setFlagsFromString("--allow-natives-syntax");
/** Whether V8 gives `a` and `b` the same hidden class (map). */
const sameShape = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

const text = [
  'scenario "shapes" { seed 1 horizon 600 s }',
  "hypervisor xen30 kind xen { max_rounds 30 }",
  "topology dc {",
  "  switch core",
  "  host h0 { hypervisor xen30 memory 64 GiB }",
  "  link h0 -- core { bandwidth 10 Gbps latency 20 us }",
  "  host h1 { hypervisor xen30 memory 64 GiB }",
  "  link h1 -- core { bandwidth 10 Gbps latency 20 us }",
  "}",
  "/// The first VM.",
  "vm v0 on h0 { memory 2 GiB dirty 2000 pages/s }",
  "vm pool[1..2] on h1 { sla 2 s memory 1 GiB dirty 1000 pages/s }",
  "migrate v0 to h1 at 1 s",
  "migrate pool[*] to h0 at 2 s",
].join("\n");

/** The symbols, reference sites and expectations of a check, and the arrays of each declaration's symbols. */
function built(result: CheckResult): object[] {
  return [...result.symbols.all(), ...result.symbols.references, ...result.expectations];
}

test("symbols, references and expectations moved by the reuse caches have the shapes of those a full check makes", () => {
  const cache = new CheckCache();
  const first = check(text, { cache });
  // One character longer above every VM and migration: all of them are reused, moved.
  const next = text.replace("memory 64 GiB", "memory 640 GiB");
  const incremental = check(next, { cache, previous: { text, parsed: first.parsed } });
  const full = check(next);
  assert.equal(full.diagnostics.filter((d) => d.severity === "error").length, 0);
  assert.ok(full.expectations.length > 0);
  const moved = built(incremental);
  const fresh = built(full);
  assert.equal(moved.length, fresh.length);
  const differing = moved.flatMap((value, i) => (sameShape(value, fresh[i]!) ? [] : [JSON.stringify(Object.keys(value))]));
  assert.deepEqual(differing, []);
});
