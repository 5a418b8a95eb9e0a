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
 * - KVM: QEMU (migration/options.c, migration/migration.c) switches over when the pending bytes fit in the
 *   downtime limit at the measured bandwidth: 300 ms × 128 MiB/s (the default max-bandwidth) = 40,265,318
 *   bytes. QEMU has no iteration cap and no sent-bytes cap; vmig bounds the loop at 1,000 rounds so that
 *   every run ends, and sets maxSentFactor to the same 1,000, which then never binds first. The threshold
 *   is fixed here; QEMU re-measures the bandwidth every 100 ms.
 * - KVM and VMware resume times: no measurement was found; Xen's 15 ms is reused.
 * - VMware vMotion: no public source gives its stop rule; the profile repeats Xen's values until one does.
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
  },
  kvm: {
    name: "kvm",
    kind: "kvm",
    maxRounds: 1000,
    stopBelowBytes: Math.floor(0.3 * 128 * 1024 * 1024),
    maxSentFactor: 1000,
    prepareSec: 0,
    resumeSec: 0.015,
  },
  vmware: {
    name: "vmware",
    kind: "vmware",
    maxRounds: 30,
    stopBelowBytes: 50 * PAGE_BYTES,
    maxSentFactor: 3,
    prepareSec: 0,
    resumeSec: 0.015,
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
