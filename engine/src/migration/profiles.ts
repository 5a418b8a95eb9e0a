/**
 * Named hypervisor profiles: each hypervisor's pre-copy defaults, as data.
 *
 * Sources, per field:
 * - Xen: the legacy save loop, tools/libxc/xc_domain_save.c — `DEF_MAX_ITERS 29` ("limit us to 30 times
 *   round loop"), `DEF_MAX_FACTOR 3` ("never send more than 3x"), and the last iteration starting once fewer
 *   than 50 pages were sent in a round. Paper 000 (Qin et al., ../shared/papers/000_13945c54d71f84e6.txt,
 *   §5) uses the same defaults: 30 rounds, a 200 KB threshold, 3x memory. 50 pages of 4 KiB = 204,800 bytes.
 * - Resume time: paper 004 (Hamilton, ../shared/papers/004_7bdc0f42a00b8d78.txt, §5.2.4) measured a mean
 *   downtime of 16.38 ms for Xen 4.1 over 1 Gbps without background traffic. The final round's bytes (under
 *   the 200 KB threshold) take at most 1.6 ms at that rate, so about 15 ms is resuming; resumeSec is 0.015.
 * - Preparation: paper 000 §2.1 says preparation takes a fixed time but gives no value; prepareSec is 0 and
 *   a scenario sets its own.
 * - Xen's fourth rule (the dirty count rose while sending at the maximum rate) is off by default
 *   (`stopWhenDirtyExceedsRate`), as paper 000 lists only the other three.
 * - KVM: QEMU (migration/options.c, migration/migration.c) switches over when the pending bytes fit in the
 *   downtime limit (default 300 ms) at the measured bandwidth; the default max-bandwidth is 128 MiB/s
 *   (`MAX_THROTTLE`), applied to the live rounds as a rate cap. `stopBelowBytes` keeps the old fixed
 *   threshold 300 ms × 128 MiB/s = 40,265,318 bytes but is unused while `downtimeLimitSec` is set. QEMU has
 *   no iteration cap and no sent-bytes cap; vmig bounds the loop at 1,000 rounds so that every run ends,
 *   and sets maxSentFactor to the same 1,000, which then never binds first. Auto-converge is off by default
 *   in QEMU, as here; a scenario turns it on with `autoConverge: {}` (./autoConverge.ts).
 * - KVM and VMware resume times: no measurement was found; Xen's 15 ms is reused.
 * - VMware vMotion: no public source gives its stop rule in code. VMware's vMotion white papers describe an
 *   iterative pre-copy that switches over once the remaining memory can be sent within a short switch-over
 *   time, and "Stun During Page Send" (vSphere 5) slowing the vCPUs when the VM dirties faster than vMotion
 *   sends. vmig's approximation, with parameters of its own choosing: QEMU's rule with a 1 s downtime
 *   limit, no bandwidth cap, auto-converge's throttle with QEMU's defaults standing in for SDPS, and Xen's
 *   30-round and 3x bounds. Treat its results as indicative.
 * - Block migration (copying a local disk): Xen's `xl migrate` has none (libxl requires the disk on shared
 *   storage), so `blockMigration` is false; QEMU copies local disks (`migrate -b`, block mirroring) and
 *   VMware's shared-nothing vMotion (vSphere 5.1) does too, so they and custom profiles leave it on.
 * - Custom: Xen's values, as a starting point a scenario overrides.
 */
import type { HypervisorKind, HypervisorProfile } from "../scenario.js";

/** Size of the page the thresholds are counted in, in bytes. */
const PAGE_BYTES = 4096;

/** The default profile of every hypervisor kind, by kind. */
export const profiles: Readonly<Record<HypervisorKind, HypervisorProfile>> = {
  xen: {
    name: "xen",
    kind: "xen",
    maxRounds: 30,
    stopBelowBytes: 50 * PAGE_BYTES,
    maxSentFactor: 3,
    prepareSec: 0,
    resumeSec: 0.015,
    blockMigration: false,
  },
  kvm: {
    name: "kvm",
    kind: "kvm",
    maxRounds: 1000,
    stopBelowBytes: Math.floor(0.3 * 128 * 1024 * 1024),
    maxSentFactor: 1000,
    prepareSec: 0,
    resumeSec: 0.015,
    downtimeLimitSec: 0.3,
    maxBandwidthBytesPerSec: 128 * 1024 * 1024,
  },
  vmware: {
    name: "vmware",
    kind: "vmware",
    maxRounds: 30,
    stopBelowBytes: 50 * PAGE_BYTES,
    maxSentFactor: 3,
    prepareSec: 0,
    resumeSec: 0.015,
    downtimeLimitSec: 1,
    autoConverge: {},
  },
  custom: {
    name: "custom",
    kind: "custom",
    maxRounds: 30,
    stopBelowBytes: 50 * PAGE_BYTES,
    maxSentFactor: 3,
    prepareSec: 0,
    resumeSec: 0.015,
  },
};

/** The default profile of a hypervisor kind. */
export function defaultProfile(kind: HypervisorKind): HypervisorProfile {
  return profiles[kind];
}
