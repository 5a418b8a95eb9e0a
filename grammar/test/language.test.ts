import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "../src/index.js";

const net = "scenario \"s\" { }\ntopology t { switch s  host a  host b  host c  link a -- s { bandwidth 1 Gbps }  link b -- s { bandwidth 1 Gbps }  link c -- s { bandwidth 1 Gbps } }\n";

test("a VM family declares one VM per index, placed pairwise", () => {
  const { scenario, diagnostics } = check(net + "vm w[1..2] on a { memory 1 GiB }\nvm x[0..1] on b { memory 1 GiB }\nmigrate w[1..2] to c\nmigrate x[*] to c");
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(scenario!.vms.map((v) => v.name), ["w[1]", "w[2]", "x[0]", "x[1]"]);
  assert.equal(scenario!.migrations.length, 4);
});

test("a generated fat-tree has k³/4 hosts that hosts sets configure", () => {
  const { scenario, diagnostics } = check("scenario \"s\" { }\nhypervisor p kind kvm { }\ntopology dc fattree { k 4  link { bandwidth 10 Gbps latency 1 us } }\nhosts dc.host[*] { hypervisor p  memory 128 GiB }\nvm v on dc.host[0] { memory 1 GiB }\nmigrate v to dc.host[15]");
  assert.deepEqual(diagnostics, []);
  assert.equal(scenario!.hosts.length, 16);
  assert.ok(scenario!.hosts.every((h) => h.memoryBytes === 128 * 2 ** 30 && scenario!.profiles[h.profile]!.kind === "kvm"));
  assert.equal(scenario!.links.length, (3 * 4 ** 3) / 4);
  assert.ok(scenario!.links.every((l) => l.latencySec === 1e-6));
});

test("dirty-page models, disks, compression and post-copy reach the scenario in SI", () => {
  const { scenario, diagnostics } = check(
    net +
      "hypervisor q kind kvm { downtime_limit 300 ms  auto_converge on  compression 50 %  compression_speed 1 GB/s }\n" +
      // Xen's xl has no block migration: the local disk needs a Xen profile with it turned on.
      "hypervisor xb kind xen { block_migration on }\nhosts a { hypervisor xb }\n" +
      "vm v on a { memory 4 GiB  dirty 100 MB/s  wws 256 MiB  disk 20 GiB  storage local  disk_writes 5 MB/s  static 100 MiB }\n" +
      "vm h on a { memory 1 GiB  dirty 1000 pages/s  hot 64 MiB  cold_dirty 10 pages/s }\n" +
      "migrate v to b postcopy\nmigrate h to c",
  );
  assert.deepEqual(diagnostics, []);
  const [v, h] = scenario!.vms;
  assert.deepEqual(v!.dirty, { kind: "wws", bytesPerSec: 100e6, wwsBytes: 256 * 2 ** 20 });
  assert.deepEqual(v!.disk, { bytes: 20 * 2 ** 30, local: true, writeBytesPerSec: 5e6 });
  assert.equal(v!.staticBytes, 100 * 2 ** 20);
  assert.deepEqual(h!.dirty, { kind: "hot-cold", bytesPerSec: 4096e3, hotBytes: 64 * 2 ** 20, coldBytesPerSec: 40960 });
  assert.equal(scenario!.migrations[0]!.mode, "postcopy");
  const q = check(net + "hypervisor q kind kvm { downtime_limit 300 ms  auto_converge on  compression 50 %  compression_speed 1 GB/s }").symbols;
  assert.ok(q.lookup("q"));
});

test("traffic and policies lower to background flows, routing, allocation and schedule", () => {
  const { scenario, diagnostics } = check(
    net +
      "vm v on a { memory 1 GiB }\nmigrate v to b\n" +
      "traffic {\n  background a -> c udp 100 Mbps during 1 s .. 9 s\n  background b -> c onoff 50 Mbps { on 2 s  off 1 s }\n  background c -> a bulk 1 GB\n}\n" +
      "policy routing ecmp\npolicy allocation optimal { rounds 3 }\npolicy schedule batched { size 2 }\npolicy transport tcp { early_notification on  tail_loss 10 %  min_rto 200 ms  initial_window 10  scan 5 ms }",
  );
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(scenario!.background!.map((f) => f.kind), ["cbr", "onoff", "bulk"]);
  assert.deepEqual(scenario!.background![0], { from: 1, to: 3, startSec: 1, endSec: 9, share: "priority", kind: "cbr", rateBytesPerSec: 12.5e6 });
  assert.deepEqual(scenario!.routing, { kind: "ecmp" });
  assert.deepEqual(scenario!.allocation, { kind: "optimal", rounds: 3 });
  assert.deepEqual(scenario!.schedule, { kind: "batched", size: 2 });
  assert.deepEqual(scenario!.transport, { kind: "tcp", earlyNotification: true, minRtoSec: 0.2, initialWindowSegments: 10, tailLossProbability: 0.1, scanSec: 0.005 });
});

test("language errors of the new constructs name the numbers", () => {
  const codes = (text: string) => check(net + text).diagnostics.map((d) => d.message);
  assert.deepEqual(codes("vm w[1..2] on a { memory 1 GiB }\nmigrate w[3] to b"), ["'w[3]' does not exist: 'w' has 2 members, w[1] to w[2]"]);
  assert.deepEqual(codes("vm w[1..2] on a { memory 1 GiB }\nmigrate w to b"), ["'w' is a family of 2; write 'w[*]' for all of them or 'w[i]' for one"]);
  assert.deepEqual(codes("vm w[1..3] on a { memory 1 GiB }\nmigrate w[*] to b\nmigrate w[1..3] to a"), [
    "'w[1]' already runs on 'a'",
    "'w[2]' already runs on 'a'",
    "'w[3]' already runs on 'a'",
  ]);
  assert.deepEqual(codes("topology dc fattree { k 3 }"), ["a fat-tree needs an even k >= 2, got 3"]);
  assert.deepEqual(codes("policy routing fastest"), ["policy routing needs one of shortest, ecmp, dynamic"]);
});

test("a VM's SLA is checked against the prediction while typing", () => {
  const messages = check(net + "vm v on a { memory 4 GiB  dirty 200 MB/s  sla 50 ms }\nmigrate v to b").diagnostics.map((d) => d.code);
  assert.ok(messages.includes("expect-violated"), messages.join());
});
