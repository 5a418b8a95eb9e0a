/**
 * S-CORE: distributed, communication-cost-reducing VM placement.
 *
 * Source: paper 004 (Hamilton, S-CORE, ../shared/papers/004_7bdc0f42a00b8d78.txt) §3.1 (equations 3.1 and
 * 3.2), §4.1 (token policies, ./tokens.ts) and §4.2.5 (migration target and capacity checks).
 * - Overall cost, eq. 3.1: C^A = Σ_u Σ_{v ∈ V_u} λ(u, v) Σ_{i=1}^{ℓ(u,v)} c_i, with λ(u, v) the traffic
 *   exchanged by the pair (both directions), so each pair counts twice.
 * - Migration rule, eq. 3.2: the token holder u moves to server x̂ when
 *   2 Σ_{z ∈ V_u} λ(z, u) (Σ_{i=1}^{ℓ(z,u)} c_i − Σ_{i=1}^{ℓ_{u→x̂}(z,u)} c_i) > c_m.
 * - Candidates (§4.2.5): the servers of u's correspondents that have a free slot and enough free memory;
 *   u takes the one with the largest reduction (the lowest host index on a tie), if it satisfies eq. 3.2.
 * c_m is `migrationCost` plus `migrationCostShare` times C^A(u) = Σ_z λ(z, u) Σ c_i, u's own cost before
 * the move. Pure and deterministic: no draws, ties broken by index.
 */
import type { ScorePlacementSpec } from "../scenario.js";
import type { VmTraffic } from "../traffic/datacentre.js";
import type { RackMap } from "./levels.js";
import { tokenRound, type TokenView } from "./tokens.js";

/** Paper 004 §5.1's link weights: c_1 = e^0, c_2 = e^1, c_3 = e^3, c_4 = e^5. */
export const THESIS_LEVEL_COSTS: readonly number[] = [Math.exp(0), Math.exp(1), Math.exp(3), Math.exp(5)];

export interface ScoreProblem {
  readonly hosts: readonly { readonly memoryBytes: number; readonly slots: number }[];
  readonly vmMemoryBytes: readonly number[];
  /** Host of each VM before the first iteration. */
  readonly initialHost: readonly number[];
  readonly racks: RackMap;
  readonly traffic: VmTraffic;
  readonly spec: ScorePlacementSpec;
}

export interface ScoreMove {
  readonly vm: number;
  readonly from: number;
  readonly to: number;
}

export interface ScoreIteration {
  /** 0 is the initial placement. */
  readonly iteration: number;
  /** C^A after the iteration. */
  readonly cost: number;
  readonly moves: readonly ScoreMove[];
}

export interface ScoreOutcome {
  readonly iterations: readonly ScoreIteration[];
  readonly finalHost: readonly number[];
  /** ToR-to-ToR traffic, `[i][j]` from rack i to rack j, in bytes/s, before and after the iterations. */
  readonly torBefore: readonly (readonly number[])[];
  readonly torAfter: readonly (readonly number[])[];
}

/** Runs S-CORE's iterations on the problem; throws RangeError on an invalid specification. */
export function runScore(problem: ScoreProblem): ScoreOutcome {
  const state = new PlacementState(problem);
  const torBefore = state.torMatrix();
  const iterations: ScoreIteration[] = [{ iteration: 0, cost: state.totalCost(), moves: [] }];
  for (let iteration = 1; iteration <= problem.spec.iterations; iteration++) {
    const round = tokenRound(problem.spec.token, state);
    const moves: ScoreMove[] = [];
    for (let u = round.next(); u !== undefined; u = round.next()) {
      const move = state.decide(u);
      if (move !== undefined) moves.push(move);
    }
    iterations.push({ iteration, cost: state.totalCost(), moves });
  }
  return { iterations, finalHost: [...state.hostOf], torBefore, torAfter: state.torMatrix() };
}

/** The allocation A and everything eq. 3.1 and 3.2 need, with the views the token policies read. */
class PlacementState implements TokenView {
  readonly vmCount: number;
  readonly hostOf: number[];
  private readonly slotsUsed: number[];
  private readonly memoryUsed: number[];
  /** Cumulative link weights: `reach[ℓ]` = Σ_{i=1}^{ℓ} c_i. */
  private readonly reach: number[];
  /** Symmetric adjacency in compressed rows: peers of u are `peer[start[u] .. start[u + 1])`. */
  private readonly start: Int32Array;
  private readonly peer: Int32Array;
  private readonly rate: Float64Array;

  constructor(private readonly problem: ScoreProblem) {
    const { spec, racks, traffic } = problem;
    if (!Number.isInteger(spec.iterations) || spec.iterations < 0) throw new RangeError(`S-CORE needs a whole number of iterations >= 0, got ${spec.iterations}`);
    const costs = spec.levelCosts ?? THESIS_LEVEL_COSTS;
    if (costs.some((c, i) => !(c > 0) || (i > 0 && !(c > costs[i - 1]!)))) {
      throw new RangeError(`S-CORE link weights must be positive and increase with the level (c_1 < c_2 < ...), got ${costs.join(", ")}`);
    }
    if (racks.maxLevel > costs.length) {
      throw new RangeError(`the topology has links of level ${racks.maxLevel} but S-CORE has link weights for ${costs.length} levels`);
    }
    this.reach = [0];
    costs.forEach((c, i) => this.reach.push(this.reach[i]! + c));
    this.vmCount = traffic.vmCount;
    this.hostOf = [...problem.initialHost];
    this.slotsUsed = problem.hosts.map(() => 0);
    this.memoryUsed = problem.hosts.map(() => 0);
    this.hostOf.forEach((host, vm) => {
      this.slotsUsed[host]!++;
      this.memoryUsed[host]! += problem.vmMemoryBytes[vm]!;
    });
    ({ start: this.start, peer: this.peer, rate: this.rate } = symmetricRows(traffic));
  }

  /** ℓ(u, v) if u were on `hostOfU`. */
  private levelBetween(hostOfU: number, v: number): number {
    const hostOfV = this.hostOf[v]!;
    if (hostOfU === hostOfV) return 0;
    const { rackOfHost, levels } = this.problem.racks;
    return levels[rackOfHost[hostOfU]!]![rackOfHost[hostOfV]!]!;
  }

  /** C^A(u) if u were on `host`: Σ_z λ(z, u) Σ_{i=1}^{ℓ} c_i. */
  private costOn(u: number, host: number): number {
    let cost = 0;
    for (let k = this.start[u]!; k < this.start[u + 1]!; k++) cost += this.rate[k]! * this.reach[this.levelBetween(host, this.peer[k]!)]!;
    return cost;
  }

  /** Eq. 3.1. */
  totalCost(): number {
    let total = 0;
    for (let u = 0; u < this.vmCount; u++) total += this.costOn(u, this.hostOf[u]!);
    return total;
  }

  highestLevel(u: number): number {
    let highest = 0;
    this.forEachPeerLevel(u, (_, level) => (highest = Math.max(highest, level)));
    return highest;
  }

  forEachPeerLevel(u: number, visit: (v: number, level: number) => void): void {
    const host = this.hostOf[u]!;
    for (let k = this.start[u]!; k < this.start[u + 1]!; k++) visit(this.peer[k]!, this.levelBetween(host, this.peer[k]!));
  }

  load(u: number): number {
    let sum = 0;
    for (let k = this.start[u]!; k < this.start[u + 1]!; k++) sum += this.rate[k]!;
    return sum;
  }

  bestBenefit(u: number): number {
    return this.bestTarget(u)?.benefit ?? 0;
  }

  /** The token holder's decision: eq. 3.2 over the candidate servers; applies and returns the move, if any. */
  decide(u: number): ScoreMove | undefined {
    const best = this.bestTarget(u);
    if (best === undefined) return undefined;
    const from = this.hostOf[u]!;
    const spec = this.problem.spec;
    const migrationCost = (spec.migrationCost ?? 0) + (spec.migrationCostShare ?? 0) * this.costOn(u, from);
    if (!(best.benefit > migrationCost)) return undefined;
    const memory = this.problem.vmMemoryBytes[u]!;
    this.slotsUsed[from]!--;
    this.memoryUsed[from]! -= memory;
    this.slotsUsed[best.host]!++;
    this.memoryUsed[best.host]! += memory;
    this.hostOf[u] = best.host;
    return { vm: u, from, to: best.host };
  }

  /** The correspondent's server with room that reduces u's cost most: benefit = 2 (C_now − C_there). */
  private bestTarget(u: number): { host: number; benefit: number } | undefined {
    const from = this.hostOf[u]!;
    const now = this.costOn(u, from);
    const memory = this.problem.vmMemoryBytes[u]!;
    let best: { host: number; benefit: number } | undefined;
    for (let k = this.start[u]!; k < this.start[u + 1]!; k++) {
      const host = this.hostOf[this.peer[k]!]!;
      if (host === from) continue;
      const capacity = this.problem.hosts[host]!;
      if (this.slotsUsed[host]! >= capacity.slots || this.memoryUsed[host]! + memory > capacity.memoryBytes) continue;
      const benefit = 2 * (now - this.costOn(u, host));
      if (benefit > 0 && (best === undefined || benefit > best.benefit || (benefit === best.benefit && host < best.host))) best = { host, benefit };
    }
    return best;
  }

  /** Directed traffic summed per (rack of sender, rack of receiver). */
  torMatrix(): number[][] {
    const { rackOfHost, rackNames } = this.problem.racks;
    const matrix = rackNames.map(() => rackNames.map(() => 0));
    const vmCount = this.vmCount;
    for (const [key, rate] of this.problem.traffic.rates) {
      const from = Math.floor(key / vmCount);
      const to = key - from * vmCount;
      matrix[rackOfHost[this.hostOf[from]!]!]![rackOfHost[this.hostOf[to]!]!]! += rate;
    }
    return matrix;
  }
}

/** λ(u, v) = traffic u → v plus v → u, as compressed rows, each pair in both rows, peers in ascending order. */
function symmetricRows(traffic: VmTraffic): { start: Int32Array; peer: Int32Array; rate: Float64Array } {
  const pairs = new Map<number, number>();
  const n = traffic.vmCount;
  for (const [key, rate] of traffic.rates) {
    const from = Math.floor(key / n);
    const to = key - from * n;
    if (from === to) continue;
    const low = Math.min(from, to);
    const pairKey = low * n + Math.max(from, to);
    pairs.set(pairKey, (pairs.get(pairKey) ?? 0) + rate);
  }
  const degree = new Int32Array(n + 1);
  for (const key of pairs.keys()) {
    degree[Math.floor(key / n) + 1]!++;
    degree[(key % n) + 1]!++;
  }
  for (let u = 0; u < n; u++) degree[u + 1]! += degree[u]!;
  const start = degree.slice();
  const fill = degree.slice(0, n);
  const peer = new Int32Array(2 * pairs.size);
  const rate = new Float64Array(2 * pairs.size);
  const sorted = [...pairs.entries()].sort((a, b) => a[0] - b[0]);
  for (const [key, value] of sorted) {
    const u = Math.floor(key / n);
    const v = key % n;
    peer[fill[u]!] = v;
    rate[fill[u]!++] = value;
    peer[fill[v]!] = u;
    rate[fill[v]!++] = value;
  }
  return { start, peer, rate };
}
