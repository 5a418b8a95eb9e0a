import { test } from "node:test";
import assert from "node:assert/strict";
import { check, complete } from "../src/index.js";

const base = "topology t { switch s  host h1  host h2  link h1 -- s { bandwidth 1 Gbps } }\nhypervisor x kind xen { }\nvm web on h1 { memory 1 GiB }\n";

/** Completes at the `|` in `source` and returns the labels. */
function labels(source: string): string[] {
  const offset = source.indexOf("|");
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return complete(text, offset, check(text).symbols).map((c) => c.label);
}

const cases: [string, string, string[]][] = [
  ["declaration keywords at the top level", base + "|", ["scenario", "topology", "hypervisor", "host", "vm", "migrate", "expect", "hosts", "traffic", "policy"]],
  ["VM names after migrate", base + "migrate |", ["web"]],
  ["host names after to, and any (a placement policy chooses)", base + "migrate web to |", ["any", "h1", "h2"]],
  ["host names after on, while typing a prefix", base + "vm db on h|", ["h1", "h2"]],
  ["attributes inside a VM block", base + "vm db on h2 { | }", ["memory", "vcpus", "page_size", "dirty", "wws", "hot", "cold_dirty", "disk", "storage", "disk_writes", "static", "os", "hypervisor_version", "workload", "sla"]],
  ["generator attributes inside a fat-tree", "topology dc fattree { | }", ["switch", "router", "host", "link", "k", "level2_bandwidth", "level3_bandwidth", "level4_bandwidth"]],
  ["policy attributes", "policy routing dynamic { | }", ["interval"]],
  ["policy choices", "policy allocation |", ["fair", "equal", "optimal"]],
  ["policy categories", "policy |", ["routing", "allocation", "schedule", "transport", "content_reuse", "placement"]],
  ["enum values", base + "vm db on h2 { storage | }", ["shared", "local"]],
  ["generated host names after on", "topology dc star { hosts 2 }\nvm x on |", ["dc.host[0]", "dc.host[1]"]],
  ["size units after a VM's memory", base + "vm db on h2 { memory 4 | }", ["B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "pages"]],
  ["time units after at", base + "migrate web to h2 at 3 |", ["ns", "us", "ms", "s", "min", "h"]],
  ["hypervisor kinds after kind", "hypervisor p kind |", ["xen", "kvm", "vmware", "custom"]],
  ["hypervisor names for a host's hypervisor", base + "host h3 { hypervisor | }", ["x"]],
  ["node names on either side of a link", base + "topology u { link | }", ["s", "h1", "h2"]],
  ["metrics after expect VM.", base + "expect web.|", ["downtime", "total_time", "bytes_sent", "rounds"]],
  ["topology members and no VM attributes inside a topology", base + "topology u { | }", ["switch", "router", "host", "link"]],
  ["completion inside a broken file", base + "vm broken on { memory 1\nmigrate |", ["web", "broken"]],
];

for (const [name, source, expected] of cases) {
  test(`completion: ${name}`, () => assert.deepEqual(labels(source), expected));
}
