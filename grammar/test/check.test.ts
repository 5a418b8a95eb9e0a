import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { check, LineIndex } from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
// Fixtures live beside the test sources; tests run from build/test, two levels below the package.
const fixturesDir = join(here, "..", "..", "test", "fixtures");

interface Fixture {
  readonly name: string;
  readonly source?: string;
  readonly file?: string;
  readonly expect: readonly string[];
}

/** Renders diagnostics as `line:col severity code message`, 1-based, for comparison with fixtures. */
function render(text: string): string[] {
  const lines = new LineIndex(text);
  return check(text).diagnostics.map((d) => {
    const p = lines.position(d.start);
    return `${p.line + 1}:${p.character + 1} ${d.severity} ${d.code} ${d.message}`;
  });
}

const fixtures = JSON.parse(readFileSync(join(fixturesDir, "diagnostics.json"), "utf8")) as Fixture[];
for (const fixture of fixtures) {
  test(`diagnostics: ${fixture.name}`, () => {
    const text = fixture.source ?? readFileSync(join(fixturesDir, fixture.file!), "utf8");
    assert.deepEqual(render(text), fixture.expect);
  });
}

test("the quickstart sample lowers to an SI scenario", () => {
  const text = readFileSync(join(fixturesDir, "../../../samples/quickstart.vmig"), "utf8");
  const { scenario, expectations } = check(text);
  assert.ok(scenario);
  assert.equal(scenario.name, "quickstart");
  assert.equal(scenario.seed, 1);
  assert.equal(scenario.horizonSec, 120);
  assert.deepEqual(scenario.nodes.map((n) => `${n.kind}:${n.name}`), ["switch:tor", "host:h1", "host:h2"]);
  assert.deepEqual(scenario.links.map((l) => [l.name, l.bandwidthBytesPerSec, l.latencySec]), [
    ["h1--tor", 125e6, 50e-6],
    ["h2--tor", 125e6, 50e-6],
  ]);
  const vm = scenario.vms[0]!;
  assert.equal(vm.memoryBytes, 2 ** 30);
  assert.deepEqual(vm.dirty, { kind: "constant", bytesPerSec: 2500 * 4096 });
  const profile = scenario.profiles[scenario.hosts[0]!.profile]!;
  assert.equal(profile.maxRounds, 30);
  assert.equal(profile.stopBelowBytes, 200e3);
  assert.equal(profile.maxSentFactor, 3);
  assert.equal(profile.resumeSec, 0.02);
  assert.deepEqual(scenario.migrations, [{ vm: 0, target: 1, startSec: 1 }]);
  assert.equal(expectations.length, 1);
  assert.equal(expectations[0]!.bound, 0.3);
});

test("a document with an error yields no scenario", () => {
  assert.equal(check("vm a on nowhere { memory 1 GiB }").scenario, undefined);
});

test("pages use the VM's own page size", () => {
  const { scenario } = check("topology t { host a }\nvm v on a { page_size 2 MiB  memory 10 pages  dirty 3 pages/s }");
  assert.equal(scenario!.vms[0]!.memoryBytes, 10 * 2 * 2 ** 20);
  assert.deepEqual(scenario!.vms[0]!.dirty, { kind: "constant", bytesPerSec: 3 * 2 * 2 ** 20 });
});
