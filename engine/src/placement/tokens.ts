/**
 * S-CORE's token policies: the order in which VMs hold the migration token during one iteration.
 *
 * Source: paper 004 (Hamilton, S-CORE, ../shared/papers/004_7bdc0f42a00b8d78.txt) §4.1 and Algorithm 1.
 * - round-robin: strict slot order, by VM ID.
 * - global: a central pass computes every VM's best cost reduction and orders the VMs by it, largest first.
 * - distributed (Algorithm 1): each VM's token entry l_v starts at its highest communication level (the
 *   leader election the thesis assumes); the token goes first to the lowest ID at the highest level, then to
 *   the next ID at the holder's level (wrapping), then down one level from the lowest ID; the holder raises
 *   the entries of its correspondents to their current level with it (lines 3–7); when every level is
 *   exhausted, the unvisited VM with the lowest ID at the highest level takes it (line 21).
 * - load-aware: as distributed, but within a level the VMs go in decreasing aggregate load, not ID.
 * In every policy an iteration ends when each VM has held the token once.
 */
import type { TokenPolicy } from "../scenario.js";

/** What a token policy may ask of the placement state. */
export interface TokenView {
  readonly vmCount: number;
  /** VM u's highest communication level with any correspondent, now. */
  highestLevel(u: number): number;
  /** Calls `visit(v, level)` for every correspondent v of u with their communication level now. */
  forEachPeerLevel(u: number, visit: (v: number, level: number) => void): void;
  /** Total traffic of u with its correspondents, in bytes/s. */
  load(u: number): number;
  /** The largest cost reduction u could make by migrating now (0 when none). */
  bestBenefit(u: number): number;
}

/** Hands out the token for one iteration: `next()` gives the next holder, or undefined when all held it. */
export interface TokenRound {
  next(): number | undefined;
}

export function tokenRound(policy: TokenPolicy, view: TokenView): TokenRound {
  switch (policy) {
    case "round-robin":
      return fixedOrder(Array.from({ length: view.vmCount }, (_, u) => u));
    case "global": {
      const benefit = Array.from({ length: view.vmCount }, (_, u) => view.bestBenefit(u));
      return fixedOrder(Array.from({ length: view.vmCount }, (_, u) => u).sort((a, b) => benefit[b]! - benefit[a]! || a - b));
    }
    case "distributed":
      return new LevelToken(view, Array.from({ length: view.vmCount }, (_, u) => u));
    case "load-aware": {
      const load = Array.from({ length: view.vmCount }, (_, u) => view.load(u));
      return new LevelToken(view, Array.from({ length: view.vmCount }, (_, u) => u).sort((a, b) => load[b]! - load[a]! || a - b));
    }
  }
}

function fixedOrder(order: readonly number[]): TokenRound {
  let position = 0;
  return { next: () => order[position++] };
}

/** Algorithm 1 over VMs ranked by `order` (ID order for distributed, load order for load-aware). */
class LevelToken implements TokenRound {
  private readonly rankOf: number[];
  private readonly entry: number[];
  private readonly unvisited: RankSet[];
  private holder: number | undefined;

  constructor(private readonly view: TokenView, private readonly order: readonly number[]) {
    this.rankOf = new Array<number>(order.length);
    order.forEach((vm, rank) => (this.rankOf[vm] = rank));
    this.entry = Array.from({ length: view.vmCount }, (_, u) => view.highestLevel(u));
    const top = Math.max(0, ...this.entry);
    this.unvisited = Array.from({ length: top + 1 }, () => new RankSet(order.length));
    this.entry.forEach((level, vm) => this.unvisited[level]!.add(this.rankOf[vm]!));
  }

  next(): number | undefined {
    if (this.holder !== undefined) this.passOn(this.holder);
    const rank = this.holder === undefined ? this.restart() : this.after(this.holder);
    if (rank === undefined) return undefined;
    const vm = this.order[rank]!;
    this.unvisited[this.entry[vm]!]!.remove(rank);
    this.holder = vm;
    return vm;
  }

  /** Lines 3–7: the holder raises its correspondents' entries to their level with it. */
  private passOn(u: number): void {
    this.view.forEachPeerLevel(u, (v, level) => {
      const recorded = this.entry[v]!;
      if (recorded >= level) return;
      while (this.unvisited.length <= level) this.unvisited.push(new RankSet(this.order.length));
      if (this.unvisited[recorded]!.has(this.rankOf[v]!)) {
        this.unvisited[recorded]!.remove(this.rankOf[v]!);
        this.unvisited[level]!.add(this.rankOf[v]!);
      }
      this.entry[v] = level;
    });
  }

  /** Lines 8–19: the next rank after u's at u's level, wrapping; else from the start of each lower level. */
  private after(u: number): number | undefined {
    const level = this.entry[u]!;
    const same = this.unvisited[level]!;
    const found = same.firstAtOrAfter(this.rankOf[u]! + 1) ?? same.firstAtOrAfter(0);
    if (found !== undefined) return found;
    for (let lower = level - 1; lower >= 0; lower--) {
      const first = this.unvisited[lower]!.firstAtOrAfter(0);
      if (first !== undefined) return first;
    }
    return this.restart();
  }

  /** Line 21: the lowest rank at the highest level that still has unvisited VMs. */
  private restart(): number | undefined {
    for (let level = this.unvisited.length - 1; level >= 0; level--) {
      const first = this.unvisited[level]!.firstAtOrAfter(0);
      if (first !== undefined) return first;
    }
    return undefined;
  }
}

/** A set of ranks 0 .. size − 1 with "first member at or after r" in logarithmic time (a count tree). */
class RankSet {
  private readonly leaves: number;
  private readonly counts: Int32Array;

  constructor(size: number) {
    let leaves = 1;
    while (leaves < Math.max(size, 1)) leaves *= 2;
    this.leaves = leaves;
    this.counts = new Int32Array(2 * leaves);
  }

  has(rank: number): boolean {
    return this.counts[this.leaves + rank] === 1;
  }

  add(rank: number): void {
    if (!this.has(rank)) this.change(rank, 1);
  }

  remove(rank: number): void {
    if (this.has(rank)) this.change(rank, -1);
  }

  firstAtOrAfter(rank: number): number | undefined {
    return rank >= this.leaves ? undefined : this.search(1, 0, this.leaves, rank);
  }

  private change(rank: number, delta: number): void {
    for (let node = this.leaves + rank; node >= 1; node >>= 1) this.counts[node]! += delta;
  }

  private search(node: number, low: number, high: number, from: number): number | undefined {
    if (high <= from || this.counts[node] === 0) return undefined;
    if (high - low === 1) return low;
    const middle = (low + high) >> 1;
    return this.search(2 * node, low, middle, from) ?? this.search(2 * node + 1, middle, high, from);
  }
}
