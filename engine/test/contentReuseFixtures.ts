/**
 * Content reuse fixtures as data: hosts around one switch, each running a hypervisor version, and VMs with an
 * OS image, for paper 002's static-content table and similarity placement.
 */
import { defaultProfile } from "../src/migration/profiles.js";
import type { ContentReusePolicy, HypervisorProfile, Migration, Scenario, Vm } from "../src/scenario.js";

export const MiB = 2 ** 20;
export const GiB = 2 ** 30;

export interface HostSpec {
  readonly name: string;
  /** Hypervisor version of the host's profile (paper 002's second key). */
  readonly version: string;
  readonly memoryBytes?: number;
  readonly slots?: number;
}

export interface ReuseVmSpec {
  readonly name: string;
  /** Index of the VM's host in the host list. */
  readonly host: number;
  readonly os?: string;
  readonly memoryBytes?: number;
  readonly dirtyBytesPerSec?: number;
  readonly staticBytes?: number;
}

export interface ReuseWorldOptions {
  readonly hosts: readonly HostSpec[];
  readonly vms: readonly ReuseVmSpec[];
  readonly migrations?: readonly Migration[];
  readonly policy?: ContentReusePolicy;
  readonly bandwidthBytesPerSec?: number;
  readonly schedule?: Scenario["schedule"];
}

/** Hosts on one switch (every host link has the given bandwidth); one Xen profile per hypervisor version. */
export function reuseWorld(options: ReuseWorldOptions): Scenario {
  const bandwidthBytesPerSec = options.bandwidthBytesPerSec ?? 1.25e8;
  const versions = [...new Set(options.hosts.map((h) => h.version))];
  const profiles: HypervisorProfile[] = versions.map((version) => ({ ...defaultProfile("xen"), name: version, version }));
  return {
    name: "content-reuse",
    seed: 1,
    horizonSec: 1e6,
    nodes: [{ name: "sw", kind: "switch" }, ...options.hosts.map((h) => ({ name: h.name, kind: "host" as const }))],
    links: options.hosts.map((h, i) => ({ name: `${h.name}-sw`, a: i + 1, b: 0, bandwidthBytesPerSec, latencySec: 0 })),
    profiles,
    hosts: options.hosts.map((h, i) => ({
      name: h.name,
      node: i + 1,
      profile: versions.indexOf(h.version),
      cores: 16,
      memoryBytes: h.memoryBytes ?? 64 * GiB,
      slots: h.slots ?? 16,
    })),
    vms: options.vms.map(
      (spec): Vm => ({
        name: spec.name,
        host: spec.host,
        memoryBytes: spec.memoryBytes ?? GiB,
        vcpus: 1,
        pageBytes: 4096,
        dirty: { kind: "constant", bytesPerSec: spec.dirtyBytesPerSec ?? 0 },
        ...(spec.os === undefined ? {} : { os: spec.os }),
        ...(spec.staticBytes === undefined ? {} : { staticBytes: spec.staticBytes }),
      }),
    ),
    migrations: options.migrations ?? [],
    ...(options.policy === undefined ? {} : { contentReuse: options.policy }),
    ...(options.schedule === undefined ? {} : { schedule: options.schedule }),
  };
}

/** Paper 002's Fig. 1 as data: static pages of two OS images on two hypervisor versions. */
export const table: ContentReusePolicy = {
  kind: "static-content",
  table: [
    { os: "ubuntu-22.04", hypervisorVersion: "xen-4.1", staticBytes: 300 * MiB },
    { os: "ubuntu-22.04", hypervisorVersion: "xen-4.2", staticBytes: 310 * MiB },
    { os: "windows-2019", hypervisorVersion: "xen-4.1", staticBytes: 450 * MiB },
  ],
};
