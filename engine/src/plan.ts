/**
 * Resolves every migration of a scenario before the run: its source host, route and profile.
 *
 * A VM may migrate more than once. Its migrations run one after another in the order they start (by start
 * time, then declaration order), each leaving from where the previous one arrived; one that is due while
 * the VM is still migrating waits for it. Every reference is checked here, so the run itself cannot meet a
 * broken scenario: problems surface as a SimulationError with a message for the user.
 */
import { SimulationError } from "./errors.js";
import { checkProfile } from "./migration/stopConditions.js";
import { checkVmForMigration } from "./migration/rounds.js";
import type { Route, Routing } from "./network/routing.js";
import type { Host, HypervisorProfile, Scenario, Vm } from "./scenario.js";

export interface PlannedMigration {
  /** Index in `Scenario.migrations`. */
  readonly index: number;
  readonly vmIndex: number;
  readonly vm: Vm;
  /** When the migration is due; it starts later if the VM is still migrating then. */
  readonly startSec: number;
  readonly source: Host;
  readonly target: Host;
  readonly route: Route;
  /** The source host's profile: the sending hypervisor runs the pre-copy loop. */
  readonly profile: HypervisorProfile;
}

/** Plans the scenario's migrations, returned in declaration order; throws SimulationError on a problem. */
export function planMigrations(scenario: Scenario, routing: Routing): PlannedMigration[] {
  const order = scenario.migrations
    .map((migration, index) => ({ migration, index }))
    .sort((x, y) => x.migration.startSec - y.migration.startSec || x.index - y.index);
  const hostOfVm = scenario.vms.map((vm) => vm.host);
  const planned: PlannedMigration[] = [];
  for (const { migration, index } of order) {
    const what = `migration ${index + 1}`;
    const vm = lookup(scenario.vms, migration.vm, `${what}: VM`);
    if (!(migration.startSec >= 0) || !Number.isFinite(migration.startSec)) {
      throw new SimulationError(`${what} (VM ${vm.name}) starts at ${migration.startSec} s; it must be >= 0`);
    }
    const source = lookup(scenario.hosts, hostOfVm[migration.vm]!, `VM ${vm.name}: host`);
    const target = lookup(scenario.hosts, migration.target, `${what} (VM ${vm.name}): target host`);
    if (source === target) {
      throw new SimulationError(`${what}: VM ${vm.name} is already on host ${target.name}`);
    }
    const profile = lookup(scenario.profiles, source.profile, `host ${source.name}: profile`);
    try {
      checkProfile(profile);
      checkVmForMigration(vm);
    } catch (error) {
      throw new SimulationError((error as Error).message);
    }
    if (vm.disk?.local === true && profile.blockMigration === false) {
      throw new SimulationError(`${what}: VM ${vm.name} has a local disk, but hypervisor ${profile.name} on host ${source.name} does not do block migration`);
    }
    const sourceNode = lookup(scenario.nodes, source.node, `host ${source.name}: node`);
    const targetNode = lookup(scenario.nodes, target.node, `host ${target.name}: node`);
    const route = routing.route(source.node, target.node, index);
    if (route === undefined) {
      throw new SimulationError(
        `${what}: no network route from ${sourceNode.name} (host ${source.name}) to ${targetNode.name} (host ${target.name})`,
      );
    }
    if (route.links.length === 0) {
      throw new SimulationError(`${what}: hosts ${source.name} and ${target.name} share node ${sourceNode.name}`);
    }
    hostOfVm[migration.vm] = migration.target;
    planned.push({ index, vmIndex: migration.vm, vm, startSec: migration.startSec, source, target, route, profile });
  }
  return planned.sort((x, y) => x.index - y.index);
}

function lookup<T>(items: readonly T[], index: number, what: string): T {
  const item = Number.isInteger(index) ? items[index] : undefined;
  if (item === undefined) throw new SimulationError(`${what} ${index} does not exist`);
  return item;
}
