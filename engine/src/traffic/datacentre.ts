/**
 * The data-centre traffic generator: the VM-pair traffic matrix λ(u, v), in bytes per second.
 *
 * Source: paper 004 (Hamilton, S-CORE, ../shared/papers/004_7bdc0f42a00b8d78.txt) §5.1.1, with the
 * measurements it cites in §2.2 (VL2, Kandula et al., Benson et al.). Per VM, a Poisson number of active
 * flows with mean `flowsPerVm` (10); 90 % of flows are small (uniform below 10 KB), the rest large,
 * triangular between 100 MB and 1 GB with its mode at 128 MB (a MapReduce chunk), so most bytes ride in few
 * flows; 80 % of flows stay within the rack. Each VM talks to a fixed set of correspondents, uniform in
 * 1 .. 2m − 1 so that the median is m (2 in the rack, 4 outside). Only 20 % of ToRs are hotspots: their VMs
 * send all the large flows (with the probability that keeps the overall large share at 10 %), and they send
 * their out-of-rack traffic to a few peer ToRs only, so the ToR matrix is sparse with a handful of hotspots.
 * A pair's rate is its flows' bytes over the measurement window (10 s, as the thesis' Figure 5.1).
 * All draws come from one generator seeded from the run's seed, in VM order, so results are reproducible.
 */
import { Random } from "../kernel/random.js";
import type { DataCentreTrafficSpec } from "../scenario.js";

/** Paper 004 §5.1.1's values, used for every field a scenario leaves out. */
/** The generator's numeric fields: everything but `loadNetwork`, which only tells the run what to do with the traffic. */
type GeneratorParameters = Required<Omit<DataCentreTrafficSpec, "loadNetwork">>;

export const DATACENTRE_DEFAULTS: GeneratorParameters = {
  flowsPerVm: 10,
  smallShare: 0.9,
  smallMaxBytes: 10e3,
  largeMinBytes: 100e6,
  largeModeBytes: 128e6,
  largeMaxBytes: 1e9,
  intraRackShare: 0.8,
  hotspotShare: 0.2,
  hotspotPeers: 3,
  rackCorrespondents: 2,
  remoteCorrespondents: 4,
  windowSec: 10,
};

/** Traffic between VMs: `rates` maps the ordered pair key `from * vmCount + to` to bytes per second. */
export interface VmTraffic {
  readonly vmCount: number;
  readonly rates: ReadonlyMap<number, number>;
  /** Racks chosen as hotspots, in ascending order. */
  readonly hotspotRacks: readonly number[];
  /** Every flow drawn, for checking the generator's statistics: size in bytes and whether it stayed in the rack. */
  readonly flows: readonly { readonly bytes: number; readonly intraRack: boolean }[];
}

/** Stream constant mixed into the run's seed so the generator's draws move no other model's. */
const TRAFFIC_STREAM = 0x5c07e004;

/**
 * Generates the traffic of VMs placed in racks (`rackOfVm[u]` is VM u's rack, `rackCount` the racks).
 * Throws RangeError when a field is out of range.
 */
export function generateDatacentreTraffic(spec: DataCentreTrafficSpec, rackOfVm: readonly number[], rackCount: number, seed: number): VmTraffic {
  const p = { ...DATACENTRE_DEFAULTS, ...spec };
  checkSpec(p);
  const random = new Random((seed ^ TRAFFIC_STREAM) >>> 0);
  const vmsOfRack: number[][] = Array.from({ length: rackCount }, () => []);
  rackOfVm.forEach((rack, vm) => vmsOfRack[rack]!.push(vm));
  const populated = vmsOfRack.flatMap((vms, rack) => (vms.length > 0 ? [rack] : []));

  const hotspotCount = p.hotspotShare > 0 ? Math.max(1, Math.round(p.hotspotShare * populated.length)) : 0;
  const hotspotRacks = sample(random, populated, hotspotCount).sort((a, b) => a - b);
  const peersOf = new Map<number, number[]>();
  for (const rack of hotspotRacks) {
    peersOf.set(rack, sample(random, populated.filter((other) => other !== rack), p.hotspotPeers));
  }
  const hotspotVms = hotspotRacks.reduce((sum, rack) => sum + vmsOfRack[rack]!.length, 0);
  const largeShare = 1 - p.smallShare;
  const largeShareOfHotspotVm = hotspotVms > 0 ? Math.min(1, (largeShare * rackOfVm.length) / hotspotVms) : 0;

  const vmCount = rackOfVm.length;
  const rates = new Map<number, number>();
  const flows: { bytes: number; intraRack: boolean }[] = [];
  for (let vm = 0; vm < vmCount; vm++) {
    const rack = rackOfVm[vm]!;
    const rackMates = vmsOfRack[rack]!.filter((other) => other !== vm);
    const inRack = sample(random, rackMates, medianDraw(random, p.rackCorrespondents));
    const remoteRacks = peersOf.get(rack) ?? populated.filter((other) => other !== rack);
    const remote: number[] = [];
    const remoteCount = remoteRacks.length === 0 ? 0 : medianDraw(random, p.remoteCorrespondents);
    for (let i = 0; i < remoteCount; i++) {
      const vms = vmsOfRack[remoteRacks[random.int(remoteRacks.length)]!]!;
      remote.push(vms[random.int(vms.length)]!);
    }
    const largeProbability = peersOf.has(rack) ? largeShareOfHotspotVm : hotspotVms > 0 ? 0 : largeShare;
    const flowCount = poisson(random, p.flowsPerVm);
    for (let f = 0; f < flowCount; f++) {
      const stay = inRack.length > 0 && (remote.length === 0 || random.next() < p.intraRackShare);
      const peers = stay ? inRack : remote;
      if (peers.length === 0) continue;
      const peer = peers[random.int(peers.length)]!;
      const bytes = random.next() < largeProbability
        ? triangular(random, p.largeMinBytes, p.largeModeBytes, p.largeMaxBytes)
        : (1 - random.next()) * p.smallMaxBytes;
      flows.push({ bytes, intraRack: stay });
      const key = vm * vmCount + peer;
      rates.set(key, (rates.get(key) ?? 0) + bytes / p.windowSec);
    }
  }
  return { vmCount, rates, hotspotRacks, flows };
}

function checkSpec(p: GeneratorParameters): void {
  const shares: (keyof GeneratorParameters)[] = ["smallShare", "intraRackShare", "hotspotShare"];
  for (const name of shares) {
    if (!(p[name] >= 0 && p[name] <= 1)) throw new RangeError(`datacentre traffic: ${name} must be in [0, 1], got ${p[name]}`);
  }
  const positives: (keyof GeneratorParameters)[] = ["smallMaxBytes", "largeMinBytes", "largeModeBytes", "largeMaxBytes", "windowSec"];
  for (const name of positives) {
    if (!(p[name] > 0) || !Number.isFinite(p[name])) throw new RangeError(`datacentre traffic: ${name} must be positive, got ${p[name]}`);
  }
  if (!(p.largeMinBytes <= p.largeModeBytes && p.largeModeBytes <= p.largeMaxBytes)) {
    throw new RangeError(`datacentre traffic: large flows need min <= mode <= max, got ${p.largeMinBytes}, ${p.largeModeBytes}, ${p.largeMaxBytes}`);
  }
  const counts: (keyof GeneratorParameters)[] = ["hotspotPeers", "rackCorrespondents", "remoteCorrespondents"];
  for (const name of counts) {
    if (!Number.isInteger(p[name]) || p[name] < 1) throw new RangeError(`datacentre traffic: ${name} must be a whole number >= 1, got ${p[name]}`);
  }
  if (!(p.flowsPerVm >= 0) || p.flowsPerVm > 1000) throw new RangeError(`datacentre traffic: flowsPerVm must be in [0, 1000], got ${p.flowsPerVm}`);
}

/** Up to `count` distinct items drawn uniformly (a partial Fisher-Yates shuffle of a copy). */
function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const take = Math.min(count, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + random.int(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}

/** A whole number uniform in 1 .. 2·median − 1, whose median is `median`. */
function medianDraw(random: Random, median: number): number {
  return 1 + random.int(2 * median - 1);
}

/** A Poisson draw with the given mean (Knuth's product of uniforms; means here are small). */
function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random.next();
  while (product > limit) {
    count++;
    product *= random.next();
  }
  return count;
}

/** A triangular draw on [min, max] with its mode at `mode`, by inverting its distribution function. */
function triangular(random: Random, min: number, mode: number, max: number): number {
  const u = random.next();
  const split = max === min ? 0 : (mode - min) / (max - min);
  return u < split
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}
