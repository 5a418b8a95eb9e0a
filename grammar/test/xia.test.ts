/**
 * The network architecture of paper 001 in the language: `network ip` / `network xia`, hypervisor `mode`,
 * `policy transport xia`, their lowering, and the diagnostics with their ranges and quick fixes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { simulate } from "@vmig/engine";
import { check, LineIndex } from "../src/index.js";

/** Two routers, hosts a and c behind r1, b behind r2; `mode`, `network` and the migration are the variables. */
function scenario(parts: { mode?: string; network: string; migrate?: string; transport?: string }): string {
  return `scenario "t" { horizon 2 h }
hypervisor q kind kvm {${parts.mode === undefined ? "" : ` mode ${parts.mode}`} }
topology lab {
  router r1
  router r2
  host a { hypervisor q }
  host b { hypervisor q }
  host c { hypervisor q }
  link a -- r1 { bandwidth 100 Mbps  latency 100 us }
  link c -- r1 { bandwidth 100 Mbps  latency 100 us }
  link r1 -- r2 { bandwidth 100 Mbps  latency 100 us }
  link b -- r2 { bandwidth 100 Mbps  latency 100 us }
}
${parts.network}
${parts.transport ?? ""}
vm v on a { memory 256 MB  dirty 1 MB/s }
${parts.migrate ?? "migrate v to b at 0 s"}
`;
}

const ipNetwork = (mobility = "") => `network ip {${mobility}
  subnet one { members a  members c }
  subnet two { members b }
}`;
const xiaNetwork = (cache = "64 MiB") => `network xia {
  name_service a
  domain ad1 { gateway r1  members a  members c  beacon 500 ms  cache ${cache}  cache_lookup 20 us  cache_scan 8 ns }
  domain ad2 { gateway r2  members b }
}`;

/** Diagnostics as `line:col code`, plus the message, for comparison. */
function diagnose(text: string): { at: string; code: string; message: string; fixes: number }[] {
  const lines = new LineIndex(text);
  return check(text).diagnostics.map((d) => {
    const p = lines.position(d.start);
    return { at: `${p.line + 1}:${p.character + 1}`, code: d.code, message: d.message, fixes: d.fixes?.length ?? 0 };
  });
}

const cases: readonly { name: string; text: string; expect: readonly { at: string; code: string; message: RegExp; fixes?: number }[] }[] = [
  { name: "xia with chunks checks clean", text: scenario({ mode: "xia-chunk", network: xiaNetwork(), transport: "policy transport xia { chunk 8 KiB  window 16 }" }), expect: [] },
  { name: "ip within a subnet checks clean", text: scenario({ mode: "exec", network: ipNetwork(), migrate: "migrate v to c at 0 s" }), expect: [] },
  {
    name: "ip across subnets without mobility: the VM becomes unreachable",
    text: scenario({ mode: "exec", network: ipNetwork() }),
    expect: [{ at: "20:14", code: "unreachable-after-migration", message: /'v' moves from subnet 'one' \(a\) to subnet 'two' \(b\).*unreachable once it resumes after [\d.]+ m?s of downtime, and stays so/, fixes: 1 }],
  },
  { name: "ip across subnets with a tunnel checks clean", text: scenario({ mode: "exec", network: ipNetwork("\n  mobility tunnel") }), expect: [] },
  {
    name: "mode tcp over xia is an error at the mode",
    text: scenario({ mode: "tcp", network: xiaNetwork() }),
    expect: [{ at: "2:30", code: "mode-mismatch", message: /hypervisor 'q' \(host a\): mode tcp cannot run over an xia network: XIA has no TCP/, fixes: 1 }],
  },
  {
    name: "the default mode (tcp) over xia is an error at the hypervisor's name",
    text: scenario({ network: xiaNetwork() }),
    expect: [{ at: "2:12", code: "mode-mismatch", message: /mode tcp cannot run over an xia network/, fixes: 1 }],
  },
  {
    name: "mode xia-chunk over ip is an error",
    text: scenario({ mode: "xia-chunk", network: ipNetwork("\n  mobility tunnel") }),
    expect: [{ at: "2:30", code: "mode-mismatch", message: /mode xia-chunk needs an xia network/, fixes: 1 }],
  },
  {
    name: "a cache smaller than a chunk is a warning at its size",
    text: scenario({ mode: "xia-chunk", network: xiaNetwork("4 KiB") }),
    expect: [{ at: "16:71", code: "out-of-range", message: /cache of domain 'ad1' \(4 KiB\) cannot hold one 8 KiB chunk/ }],
  },
  {
    name: "a host in two subnets leaves the second empty",
    text: scenario({ mode: "exec", network: "network ip {\n  subnet one { members a  members c }\n  subnet two { members a }\n}" }),
    expect: [
      { at: "16:10", code: "unused", message: /subnet 'two' has no hosts/ },
      { at: "16:24", code: "duplicate-name", message: /host a is already in subnet 'one'/ },
    ],
  },
  {
    name: "a domain needs its gateway, xia its name service, and subnets do not belong in xia",
    text: scenario({ mode: "xia-chunk", network: "network xia {\n  domain ad1 { members a }\n  subnet s { members b }\n}" }),
    expect: [
      { at: "14:9", code: "missing-attribute", message: /network xia needs the host of its name service/ },
      { at: "16:3", code: "wrong-value", message: /network xia is made of domains, not subnets/ },
    ],
  },
  {
    name: "an attribute of the other architecture, and an unknown architecture",
    text: scenario({ mode: "exec", network: `${ipNetwork("\n  mobility tunnel\n  name_service a")}\nnetwork atm { }` }),
    expect: [
      { at: "16:3", code: "wrong-value", message: /'name_service' applies to network xia, not network ip/ },
      { at: "20:9", code: "wrong-value", message: /a network is 'ip' \(subnets\) or 'xia' \(administrative domains\), not 'atm'/ },
    ],
  },
];

for (const c of cases) {
  test(`network: ${c.name}`, () => {
    const actual = diagnose(c.text);
    assert.equal(actual.length, c.expect.length, JSON.stringify(actual));
    c.expect.forEach((expected, i) => {
      const got = actual[i]!;
      assert.equal(`${got.at} ${got.code}`, `${expected.at} ${expected.code}`, got.message);
      assert.match(got.message, expected.message);
      if (expected.fixes !== undefined) assert.equal(got.fixes, expected.fixes);
    });
  });
}

test("network xia lowers domains, gateways, caches, the name service, modes and the chunk policy in SI", () => {
  const { scenario: lowered } = check(scenario({ mode: "xia-chunk", network: xiaNetwork(), transport: "policy transport xia { chunk 4 KiB  window 16  chunk_cost 500 us }" }));
  assert.ok(lowered);
  const node = (name: string) => lowered.nodes.findIndex((n) => n.name === name);
  const host = (name: string) => lowered.hosts.findIndex((h) => h.name === name);
  assert.deepEqual(lowered.network, {
    kind: "xia",
    nameServiceHost: host("a"),
    domains: [
      { name: "ad1", hosts: [host("a"), host("c")], gateway: node("r1"), beaconIntervalSec: 0.5, cache: { capacityBytes: 64 * 2 ** 20, lookupSec: 20e-6, scanSecPerChunk: 8e-9 } },
      { name: "ad2", hosts: [host("b")], gateway: node("r2") },
    ],
  });
  assert.deepEqual(lowered.transport, { kind: "xia", chunkBytes: 4096, windowChunks: 16, chunkSec: 500e-6 });
  assert.equal(lowered.profiles[0]!.migrationMode, "xia-chunk");
});

test("a migrating host in no subnet is an error at the migration's target", () => {
  const text = scenario({ mode: "exec", network: "network ip {\n  subnet one { members a  members c }\n}" });
  const found = diagnose(text);
  assert.deepEqual(found.map((d) => `${d.at} ${d.code}`), ["19:14 missing-attribute"]);
  assert.match(found[0]!.message, /host 'b' is in no subnet of network ip/);
});

test("the quick fix for an unreachable VM adds a tunnel, after which the file checks clean", () => {
  const text = scenario({ mode: "exec", network: ipNetwork() });
  const fix = check(text).diagnostics[0]!.fixes![0]!;
  let fixed = text;
  for (const edit of [...fix.edits].sort((x, y) => y.start - x.start)) fixed = fixed.slice(0, edit.start) + edit.newText + fixed.slice(edit.end);
  assert.deepEqual(diagnose(fixed), []);
  assert.match(fixed, /network ip \{\n {2}mobility tunnel/);
});

test("the forecast of an XIA migration counts the chunk overhead and matches the simulation", () => {
  const { scenario: lowered, forecasts } = check(scenario({ mode: "xia-chunk", network: xiaNetwork() }));
  assert.ok(lowered);
  const simulated = simulate(lowered, { series() {}, migrationDone() {} }).migrations[0]!;
  const predicted = forecasts[0]!.prediction!;
  assert.ok(Math.abs(predicted.totalTimeSec - simulated.totalTimeSec) <= 1e-6 * simulated.totalTimeSec, `${predicted.totalTimeSec} vs ${simulated.totalTimeSec}`);
  // Plain bytes at 100 Mbps would take about 20 s; the chunks' endpoint cost alone adds about 19 s.
  assert.ok(predicted.totalTimeSec > 35, `forecast ${predicted.totalTimeSec} s`);
});

test("completion offers the network block's, a domain's and the mode's words", async () => {
  const { complete, SymbolTable, DiagnosticBag } = await import("../src/index.js").then(async (m) => ({ ...m, ...(await import("../src/check/diagnostics.js")), ...(await import("../src/check/symbols.js")) }));
  const labels = (text: string) => complete(text, text.length, new SymbolTable(new DiagnosticBag())).map((c) => c.label);
  assert.ok(labels("network xia {\n  ").includes("name_service"));
  assert.ok(labels("network xia {\n  domain ad1 {\n    ").includes("gateway"));
  assert.ok(labels("hypervisor q kind kvm {\n  mode ").includes("xia-chunk"));
});

test("a block left open before `network` costs one syntax error and the network is still parsed", async () => {
  const { parse } = await import("../src/index.js");
  const parsed = parse(`vm v on a { memory 1 GiB\nnetwork xia {\n  name_service a\n  domain ad1 { gateway r1  members a }\n}\n`);
  assert.equal(parsed.errors.length, 1);
  const network = parsed.file.declarations.find((d) => d.kind === "network");
  assert.ok(network?.kind === "network" && network.architecture?.text === "xia");
  assert.deepEqual(network.body?.members.map((m) => m.kind), ["attribute", "domain"]);
});
