import { test } from "node:test";
import assert from "node:assert/strict";
import { check, type ImportResolver } from "../src/index.js";

/** A resolver over an in-memory folder: paths are resolved against the importing file's URI. */
function folder(files: Record<string, string>): ImportResolver {
  return (path, from) => {
    const uri = new URL(path, from ?? "file:///w/main.vmig").href;
    const text = files[uri];
    return text === undefined ? undefined : { uri, text };
  };
}

const lab = "hypervisor p kind xen { }\ntopology t { switch s  host a { hypervisor p }  host b { hypervisor p }  link a -- s { bandwidth 1 Gbps }  link b -- s { bandwidth 1 Gbps } }";
const main = 'import "lib/lab.vmig"\nscenario "s" { }\nvm v on a { memory 1 GiB }\nmigrate v to b';

test("an imported topology and profile are usable, and their symbols know their file", () => {
  const result = check(main, { uri: "file:///w/main.vmig", resolveImport: folder({ "file:///w/lib/lab.vmig": lab }) });
  assert.deepEqual(result.diagnostics, []);
  assert.equal(result.scenario!.hosts.length, 2);
  assert.equal(result.symbols.lookup("a")!.uri, "file:///w/lib/lab.vmig");
  assert.equal(result.importedFiles.get("file:///w/lib/lab.vmig"), lab);
});

test("a missing file is reported at its import", () => {
  const result = check(main, { uri: "file:///w/main.vmig", resolveImport: folder({}) });
  assert.equal(result.diagnostics[0]!.message, "cannot import 'lib/lab.vmig': no such file next to this one, or outside the workspace");
  assert.equal(result.diagnostics[0]!.start, main.indexOf('"lib'));
});

test("an import cycle is reported with its path", () => {
  const files = { "file:///w/a.vmig": 'import "b.vmig"', "file:///w/b.vmig": 'import "a.vmig"' };
  const result = check('import "a.vmig"\nscenario "s" { }', { uri: "file:///w/main.vmig", resolveImport: folder({ ...files, "file:///w/main.vmig": "" }) });
  assert.deepEqual(result.diagnostics.map((d) => d.message), ["import cycle: main.vmig → a.vmig → b.vmig → a.vmig"]);
});

test("errors inside an imported file are summarised at the import", () => {
  const result = check(main, { uri: "file:///w/main.vmig", resolveImport: folder({ "file:///w/lib/lab.vmig": lab.replace("hypervisor p }  host b", "hypervisor q }  host b") }) });
  assert.deepEqual(result.diagnostics.map((d) => d.message), ["'lab.vmig' has 1 error; the first, at 2:44: unknown hypervisor 'q'"]);
});

test("imported scenarios, migrations and expectations stay in their file", () => {
  const shared = lab + '\nscenario "other" { seed 9 }\nvm w on a { memory 1 GiB }\nmigrate w to b';
  const result = check(main, { uri: "file:///w/main.vmig", resolveImport: folder({ "file:///w/lib/lab.vmig": shared }) });
  assert.equal(result.scenario!.name, "s");
  assert.deepEqual(result.scenario!.migrations.map((m) => result.scenario!.vms[m.vm]!.name), ["v"]);
});

test("without a resolver an import is an error, not a crash", () => {
  assert.match(check(main).diagnostics[0]!.message, /imports cannot be resolved here/);
});
