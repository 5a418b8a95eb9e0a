/**
 * One-paragraph reference of each declaration, shown when hovering its keyword (docs/language.md has more).
 */
export const keywordDocs: Readonly<Record<string, string>> = {
  scenario: "**scenario** `\"name\" { seed N  horizon T }` — the run's name, random seed and the simulated time at which it stops.",
  topology: "**topology** `name { switch … host … link a -- b { … } }` — the network: switches, routers, hosts and full-duplex links.",
  hypervisor: "**hypervisor** `name kind xen|kvm|vmware|custom { … }` — a pre-copy policy: round limit, stop threshold, sent-bytes limit, preparation and resume time.",
  host: "**host** `name { hypervisor …  cores …  memory …  slots … }` — a physical machine that runs VMs.",
  switch: "**switch** `name` — a switch of the topology.",
  router: "**router** `name` — a router of the topology.",
  link: "**link** `a -- b { bandwidth …  latency … }` — a full-duplex link; each direction has the whole bandwidth.",
  vm: "**vm** `name on host { memory …  dirty … }` — a virtual machine and how fast it dirties its memory.",
  migrate: "**migrate** `vm to host at T` — a live migration (pre-copy) of the VM to another host.",
  hosts: "**hosts** `dc.host[*] { hypervisor …  memory … }` — attributes for a set of hosts, typically a generated topology's.",
  traffic: "**traffic** `{ background a -> b cbr 100 Mbps …  datacentre { … } }` — background flows, and paper 004's data-centre traffic generator.",
  policy: "**policy** `CATEGORY CHOICE { … }` — how the run routes, shares bandwidth, schedules, transports, reuses content (paper 002) and places VMs (papers 002 and 004).",
  expect: "**expect** `vm.metric < value` — an assertion on the results, checked after the run and predicted while you type.",
  network: "**network** `ip { subnet … }` or `xia { name_service …  domain … }` — the network architecture (paper 001): subnets or administrative domains, and whether a moved VM stays reachable.",
  import: "**import** `\"file.vmig\"` — shares declarations with another file (not supported yet).",
};
