/**
 * Traffic between VMs, which follows a VM when it migrates.
 *
 * Paper 000 (../shared/papers/000_13945c54d71f84e6.txt) and paper 004 (../shared/papers/004_7bdc0f42a00b8d78.txt)
 * migrate VMs that keep communicating, so a migration competes with its own VM's flows on the source host's
 * links, and paper 004's placement moves VMs to shorten the paths of exactly that traffic. A VM flow is a
 * stream (capped at its rate) or a transfer of a given size between two ends, each a VM or a fixed node:
 *
 * - while an end VM runs, the flow is routed from the host the VM is on, and joins max-min sharing like a
 *   background flow (`fair`) or ahead of it (`priority`);
 * - when an end VM is paused for its stop-and-copy, the flow stops (a transfer keeps its remaining bytes);
 * - when the VM resumes on its destination, the flow restarts, routed afresh from the new host;
 * - two ends on the same host exchange the traffic through the host's bridge (paper 004's dom0 bridge),
 *   without the network: a stream loads no link while they share the host, a transfer is delivered at once.
 *
 * `datacentreFlows` turns paper 004's generated VM-pair rates (./datacentre.ts) into such flows, one stream
 * per ordered VM pair at the pair's average rate, so migrations compete with the generated traffic.
 */
import { SimulationError } from "../errors.js";
import type { Simulator } from "../kernel/simulator.js";
import type { Flow, FlowNetwork, FlowOptions } from "../network/flows.js";
import type { Route } from "../network/routing.js";
import { mapRacks } from "../placement/levels.js";
import type { RoundStage } from "../migration/rounds.js";
import type { NetworkModel } from "../network/model.js";
import type { FlowEnd, Scenario, VmFlow } from "../scenario.js";
import { generateDatacentreTraffic } from "./datacentre.js";

/** Picks the route of a new connection; undefined when none exists. */
export type RouteChooser = (from: number, to: number, flow: number) => Route | undefined;

/**
 * Starts the scenario's VM flows and those of its data-centre generator (when it loads the network), or
 * returns undefined when there are none. Throws SimulationError on a bad flow.
 */
export function startVmFlows(sim: Simulator, net: NetworkModel, scenario: Scenario, seed: number): VmFlows | undefined {
  const flows = [...(scenario.vmFlows ?? []), ...datacentreFlows(scenario, seed)];
  if (flows.length === 0) return undefined;
  checkVmFlows(flows, scenario);
  const running = new VmFlows(sim, net.flows, (from, to, flow) => net.routeNow(from, to, flow), scenario, flows, -((scenario.background?.length ?? 0) + 1));
  running.start();
  return running;
}

/** Checks the flows against the scenario; throws SimulationError on the first problem. */
export function checkVmFlows(flows: readonly VmFlow[], scenario: Scenario): void {
  flows.forEach((flow, index) => {
    const what = `VM flow ${flow.name ?? index + 1}`;
    for (const end of [flow.from, flow.to]) {
      const [count, kind] = "vm" in end ? [scenario.vms.length, "VM"] : [scenario.nodes.length, "node"];
      const at = "vm" in end ? end.vm : end.node;
      if (!Number.isInteger(at) || at < 0 || at >= count) throw new SimulationError(`${what} names ${kind} ${at}, which does not exist`);
    }
    if (sameEnd(flow.from, flow.to)) throw new SimulationError(`${what} starts and ends at the same ${"vm" in flow.from ? "VM" : "node"}`);
    if (!("vm" in flow.from) && !("vm" in flow.to)) throw new SimulationError(`${what} joins two nodes; it needs a VM at one end at least`);
    if (!(flow.startSec >= 0) || !Number.isFinite(flow.startSec)) throw new SimulationError(`${what} starts at ${flow.startSec} s; it must be >= 0`);
    if (flow.endSec !== undefined && !(flow.endSec >= flow.startSec)) throw new SimulationError(`${what} ends before it starts`);
    const rate = flow.rateBytesPerSec;
    if (rate !== undefined && !(rate > 0 && Number.isFinite(rate))) throw new SimulationError(`${what} has rate ${rate} bytes/s`);
    if (flow.bytes !== undefined && !(flow.bytes >= 0 && Number.isFinite(flow.bytes))) throw new SimulationError(`${what} carries ${flow.bytes} bytes`);
    if (flow.bytes === undefined && rate === undefined) throw new SimulationError(`${what} is a stream without a rate`);
  });
}

function sameEnd(a: FlowEnd, b: FlowEnd): boolean {
  return "vm" in a ? "vm" in b && a.vm === b.vm : "node" in b && a.node === b.node;
}

/** One flow's state during the run. */
interface Running {
  readonly spec: VmFlow;
  readonly id: number;
  /** Between its start and its end (or the end of its transfer). */
  active: boolean;
  /** Bytes a transfer still has to move; +Infinity for a stream. */
  remaining: number;
  /** The network flow carrying it now, if any. */
  flow?: Flow;
}

/** The VM flows of a run: started by `start`, told of pauses and moves by the migration process. */
export class VmFlows {
  private readonly running: Running[];
  /** Flows touching each VM, by VM index. */
  private readonly ofVm: Running[][];
  /** The node each VM runs on now. */
  private readonly nodeOfVm: number[];
  private readonly paused: boolean[];

  constructor(
    private readonly sim: Simulator,
    private readonly network: FlowNetwork,
    private readonly choose: RouteChooser,
    scenario: Scenario,
    flows: readonly VmFlow[],
    /** ECMP flow id of the first flow; the others follow downwards, clear of the background sources'. */
    firstId: number,
  ) {
    this.nodeOfVm = scenario.vms.map((vm) => scenario.hosts[vm.host]!.node);
    this.paused = scenario.vms.map(() => false);
    this.ofVm = scenario.vms.map(() => []);
    this.running = flows.map((spec, index) => ({ spec, id: firstId - index, active: false, remaining: spec.bytes ?? Number.POSITIVE_INFINITY }));
    for (const running of this.running) {
      for (const end of [running.spec.from, running.spec.to]) if ("vm" in end) this.ofVm[end.vm]!.push(running);
    }
  }

  /** Schedules every flow's start and end. */
  start(): void {
    for (const running of this.running) {
      this.sim.schedule(running.spec.startSec, () => {
        if (running.spec.endSec !== undefined && this.sim.now >= running.spec.endSec) return;
        running.active = true;
        this.connect(running);
      });
      if (running.spec.endSec !== undefined) {
        this.sim.schedule(running.spec.endSec, () => {
          this.disconnect(running);
          running.active = false;
        });
      }
    }
  }

  /** VM `vm` is paused (its stop-and-copy starts): its flows stop where they are. */
  pause(vm: number): void {
    this.paused[vm] = true;
    for (const running of this.ofVm[vm]!) this.disconnect(running);
  }

  /** VM `vm` runs again on `node`: its flows restart from there. Does nothing for a VM that is not paused. */
  resume(vm: number, node: number): void {
    if (!this.paused[vm]) return;
    this.paused[vm] = false;
    this.nodeOfVm[vm] = node;
    for (const running of this.ofVm[vm]!) this.connect(running);
  }

  /**
   * What the migration of `vm` to `node` tells the flows at each round start: the stop-and-copy pauses the
   * VM; a post-copy push starts once it has resumed on `node`. (Pre-copy resumes at the migration's end,
   * where the caller calls `resume`.)
   */
  follower(vm: number, node: number): (stage: RoundStage) => void {
    return (stage) => {
      if (stage === "final") this.pause(vm);
      else if (stage === "push") this.resume(vm, node);
    };
  }

  private nodeOf(end: FlowEnd): number {
    return "vm" in end ? this.nodeOfVm[end.vm]! : end.node;
  }

  private isPaused(end: FlowEnd): boolean {
    return "vm" in end && this.paused[end.vm]!;
  }

  /** Starts the network flow of an active flow whose ends both run on different nodes. */
  private connect(running: Running): void {
    const { spec } = running;
    if (!running.active || running.flow !== undefined || this.isPaused(spec.from) || this.isPaused(spec.to)) return;
    const from = this.nodeOf(spec.from);
    const to = this.nodeOf(spec.to);
    if (from === to) {
      // Through the host's bridge, whose bandwidth is not modelled: a stream loads no link (and crosses the
      // network again once a migration separates its ends), a transfer is delivered at once.
      if (Number.isFinite(running.remaining)) {
        running.remaining = 0;
        running.active = false;
      }
      return;
    }
    const route = this.choose(from, to, running.id);
    if (route === undefined) throw new SimulationError(`VM flow ${spec.name ?? -running.id}: no network route from node ${from} to node ${to}`);
    const options: FlowOptions = { priority: spec.share === "priority", ...(spec.rateBytesPerSec === undefined ? {} : { capBytesPerSec: spec.rateBytesPerSec }) };
    running.flow = this.network.startFlow(route, running.remaining, () => {
      running.flow = undefined;
      running.remaining = 0;
      running.active = false;
    }, options);
  }

  /** Stops the network flow, keeping a transfer's remaining bytes. */
  private disconnect(running: Running): void {
    const flow = running.flow;
    if (flow === undefined) return;
    if (Number.isFinite(running.remaining)) running.remaining = this.network.remainingBytes(flow);
    this.network.stopFlow(flow);
    running.flow = undefined;
  }
}

/**
 * Paper 004's generated traffic as VM flows (when its `loadNetwork` is set): one fair stream per ordered VM
 * pair at the pair's rate, from the run's seed, so they are the pairs S-CORE decides on.
 */
export function datacentreFlows(scenario: Scenario, seed: number): VmFlow[] {
  const spec = scenario.datacentreTraffic;
  if (spec?.loadNetwork !== true) return [];
  const racks = mapRacks(scenario);
  const rackOfVm = scenario.vms.map((vm) => racks.rackOfHost[vm.host]!);
  let traffic;
  try {
    traffic = generateDatacentreTraffic(spec, rackOfVm, racks.rackNames.length, seed);
  } catch (error) {
    if (error instanceof RangeError) throw new SimulationError(error.message);
    throw error;
  }
  const flows: VmFlow[] = [];
  // Keys in ascending order, so the flows (and their ECMP ids) do not depend on the generator's map order.
  for (const key of [...traffic.rates.keys()].sort((a, b) => a - b)) {
    const rate = traffic.rates.get(key)!;
    if (!(rate > 0)) continue;
    const from = Math.floor(key / traffic.vmCount);
    flows.push({ from: { vm: from }, to: { vm: key - from * traffic.vmCount }, rateBytesPerSec: rate, startSec: 0 });
  }
  return flows;
}
