/**
 * Paper 002 in the language (Khan & Zahoor, ESCDR, ../shared/papers/002_ab2462603c65d96a.txt): the
 * `policy content_reuse static_content { "OS" on "version" SIZE … }` table, destinations chosen by
 * `policy placement similarity` (`migrate web to any HOSTS`), and the checks of what cannot work: a table
 * row that no VM can ever match, a VM that the table cannot key, a VM whose hypervisor version contradicts
 * its host's, and a VM on local storage moved by a hypervisor without block migration.
 */
import { placeBySimilarity, reuseKey, tableEntry, type ContentReusePolicy, type PlacementRequest, type Scenario, type StaticContentEntry } from "@vmig/engine";
import type { Declaration, HypervisorDecl, PolicyDecl, ReuseEntry, Span } from "../syntax/ast.js";
import type { Lowered } from "./lower.js";
import { formatBytes } from "../format.js";
import { checkNumber, type AttributeContext } from "./attributes.js";
import type { DiagnosticBag } from "./diagnostics.js";
import type { VmSpans } from "./capacity.js";

/** A table row as lowered, with where it is written. */
export interface ReuseRow {
  readonly entry: StaticContentEntry;
  readonly span: Span;
}

/** Lowers the rows of `policy content_reuse static_content { … }`; a row written twice is an error. */
export function lowerReuseTable(decl: PolicyDecl, context: AttributeContext): { policy: ContentReusePolicy; rows: ReuseRow[] } {
  const rows: ReuseRow[] = [];
  for (const member of decl.body?.members ?? []) {
    if (member.kind !== "reuse-entry") {
      if (member.kind !== "attribute") context.diagnostics.error(member.keyword, "wrong-value", `a content reuse policy holds rows '"OS" on "hypervisor version" SIZE', not a ${member.kind}`);
      continue;
    }
    const row = lowerRow(member, context);
    if (!row) continue;
    const twin = rows.find((r) => r.entry.os === row.entry.os && r.entry.hypervisorVersion === row.entry.hypervisorVersion);
    if (twin) {
      context.diagnostics.error(member.keyword, "duplicate-name", `the table already has a row for "${row.entry.os}" on "${row.entry.hypervisorVersion}" (${formatBytes(twin.entry.staticBytes)})`);
      continue;
    }
    rows.push(row);
  }
  return { policy: { kind: "static-content", table: rows.map((r) => r.entry) }, rows };
}

function lowerRow(member: ReuseEntry, context: AttributeContext): ReuseRow | undefined {
  if (!member.os || !member.hypervisorVersion || !member.size) return undefined;
  const staticBytes = checkNumber(member.size, { kind: "quantity", dimension: "size", min: 0 }, "a row's static pages", context);
  if (staticBytes === undefined) return undefined;
  return { entry: { os: member.os.value, hypervisorVersion: member.hypervisorVersion.value, staticBytes }, span: { start: member.start, end: member.end } };
}

/** A migration written `to any HOSTS`: the candidates, by index in `Scenario.hosts`. */
export interface PendingPlacement {
  /** Index in `Scenario.migrations`. */
  readonly migration: number;
  readonly candidates: readonly number[];
  /** Where to report a placement that finds no host: the `migrate`'s destination. */
  readonly at: Span;
}

/**
 * Gives every `to any` migration the host `policy placement similarity` chooses (engine
 * migration/similarityPlacement.ts), in start order with the fixed migrations; reports those that find none.
 * Returns the migrations with their destinations, or undefined when one is missing.
 */
export function placeMigrations(scenario: Omit<Scenario, "migrations">, migrations: readonly Scenario["migrations"][number][], pending: readonly PendingPlacement[], diagnostics: DiagnosticBag): Scenario["migrations"][number][] | undefined {
  const candidatesOf = new Map(pending.map((p) => [p.migration, p]));
  const requests: PlacementRequest[] = migrations.map((m, i) => {
    const placement = candidatesOf.get(i);
    return placement ? { vm: m.vm, startSec: m.startSec, candidates: placement.candidates } : { vm: m.vm, startSec: m.startSec, target: m.target };
  });
  const choices = placeBySimilarity(scenario, requests);
  let complete = true;
  const placed = migrations.map((m, i) => {
    const placement = candidatesOf.get(i);
    if (!placement) return m;
    const target = choices[i]!.target;
    if (target === undefined) {
      const vm = scenario.vms[m.vm]!;
      diagnostics.error(placement.at, "out-of-range", `none of the ${placement.candidates.length} candidate hosts can take '${vm.name}' (${formatBytes(vm.memoryBytes)}) at ${m.startSec} s: each is its own host, full (memory or slots), unreachable or runs an incompatible hypervisor`);
      complete = false;
      return m;
    }
    return { ...m, target };
  });
  return complete ? placed : undefined;
}

/** Where the checks point: VM names, hypervisor declarations by profile name, table rows. */
export interface ReuseSpans {
  readonly vms: VmSpans;
  readonly rows: readonly ReuseRow[];
}

/** Content reuse misconfigurations, reported as warnings: the run works, but reuses less than intended. */
export function checkReuseConfiguration(scenario: Scenario, spans: ReuseSpans, diagnostics: DiagnosticBag): void {
  const policy = scenario.contentReuse;
  scenario.vms.forEach((vm) => {
    if (vm.hypervisorVersion === undefined) return;
    const profile = scenario.profiles[scenario.hosts[vm.host]!.profile]!;
    const span = profile.version !== undefined && vm.hypervisorVersion !== profile.version ? spans.vms.get(vm.name) : undefined;
    if (span) {
      diagnostics.warning(span, "wrong-value", `'${vm.name}' says hypervisor_version "${vm.hypervisorVersion}", but its host '${scenario.hosts[vm.host]!.name}' runs '${profile.name}' version "${profile.version}"; the host's version is the one content reuse uses`);
    }
  });
  if (!policy) return;
  const migrated = new Set(scenario.migrations.map((m) => m.vm));
  const reported = new Set<string>();
  scenario.vms.forEach((vm, i) => {
    const span = spans.vms.get(vm.name);
    if (!migrated.has(i) || !span || reported.has(`${span.start}`)) return;
    const profile = scenario.profiles[scenario.hosts[vm.host]!.profile]!;
    const key = reuseKey(vm, profile);
    let problem: string | undefined;
    if (vm.os === undefined) problem = `'${vm.name}' has no 'os', so the content reuse table cannot key it: round 0 sends all of its ${formatBytes(vm.memoryBytes)}`;
    else if (key === undefined) problem = `neither '${vm.name}' nor its host's hypervisor '${profile.name}' names a version ('hypervisor_version' or 'version'), so the content reuse table cannot key it`;
    else if (vm.staticBytes === undefined && tableEntry(policy, key) === undefined) problem = `the content reuse table has no row for "${key.os}" on "${key.hypervisorVersion}", so '${vm.name}' reuses nothing`;
    if (problem === undefined) return;
    reported.add(`${span.start}`);
    diagnostics.warning(span, "missing-attribute", problem);
  });
  const keys = scenario.vms.flatMap((vm) => scenario.hosts.map((host) => reuseKey(vm, scenario.profiles[host.profile])).filter((k) => k !== undefined));
  for (const row of spans.rows) {
    const { os, hypervisorVersion, staticBytes } = row.entry;
    if (!keys.some((k) => k.os === os && k.hypervisorVersion === hypervisorVersion)) {
      const oses = new Set(scenario.vms.flatMap((vm) => (vm.os === undefined ? [] : [vm.os])));
      const why = oses.has(os) ? `no host runs hypervisor version "${hypervisorVersion}"` : `no VM runs "${os}"`;
      diagnostics.warning(row.span, "unused", `this row can never match: ${why}`);
    } else if (staticBytes === 0) {
      diagnostics.warning(row.span, "unused", `this row's static pages are 0 B: a match saves nothing`);
    }
  }
}

/**
 * A VM on local storage needs block migration from the hypervisor that sends it (its source at the time of
 * each migration, taken in `startOrder`, the scenario's `migrationsInStartOrder`); the quick fix turns
 * `block_migration on` in that hypervisor's declaration.
 */
export function checkBlockMigration(scenario: Scenario, startOrder: readonly number[], migrationSpans: readonly Span[], hypervisors: ReadonlyMap<string, HypervisorDecl>, diagnostics: DiagnosticBag): void {
  const location = scenario.vms.map((vm) => vm.host);
  for (const i of startOrder) {
    const m = scenario.migrations[i]!;
    const vm = scenario.vms[m.vm]!;
    const source = scenario.hosts[location[m.vm]!]!;
    const profile = scenario.profiles[source.profile]!;
    location[m.vm] = m.target;
    if (!vm.disk?.local || profile.blockMigration !== false) continue;
    const decl = hypervisors.get(profile.name);
    const fixes = decl?.body ? [{ title: `Turn on block migration in hypervisor '${profile.name}'`, edits: [{ start: decl.body.start + 1, end: decl.body.start + 1, newText: " block_migration on " }], preferred: true }] : [];
    const how = decl ? `turn on 'block_migration' in '${profile.name}'` : `give '${source.name}' a hypervisor with 'block_migration on' (KVM and VMware have it)`;
    diagnostics.error(
      migrationSpans[i]!,
      "no-block-migration",
      `'${vm.name}' has ${formatBytes(vm.disk.bytes)} on local storage, but '${source.name}' runs '${profile.name}' (${profile.kind}), which does not do block migration: ${how}, or use shared storage`,
      fixes,
    );
  }
}

/**
 * Runs this file's content reuse and block migration checks on a lowered scenario without errors, whose
 * migrations start in `startOrder` (`migrationsInStartOrder`).
 */
export function checkPaper002(lowered: Lowered, declarations: readonly Declaration[], vmSpans: VmSpans, startOrder: readonly number[], diagnostics: DiagnosticBag): void {
  const hypervisors = new Map<string, HypervisorDecl>();
  for (const d of declarations) if (d.kind === "hypervisor" && d.name) hypervisors.set(d.name.text, d);
  checkBlockMigration(lowered.scenario, startOrder, lowered.migrationDeclarations, hypervisors, diagnostics);
  checkReuseConfiguration(lowered.scenario, { vms: vmSpans, rows: lowered.reuseRows }, diagnostics);
}
