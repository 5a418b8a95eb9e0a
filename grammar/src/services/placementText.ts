/**
 * Sentences about where a migration goes and what it reuses (paper 002), shared by hover and inlay hints:
 * the host `policy placement similarity` chose for `migrate … to any HOSTS`, and the static pages the
 * content reuse policy is predicted to skip.
 */
import type { CheckResult } from "../check/check.js";
import { formatBytes } from "../format.js";

/** "→ dc.host[3]" for a migration whose destination a placement policy chose; undefined otherwise. */
export function chosenDestination(checked: CheckResult, index: number): string | undefined {
  const scenario = checked.scenario;
  const decl = checked.migrationDeclarations[index];
  if (!scenario || !decl?.any) return undefined;
  return `→ ${scenario.hosts[scenario.migrations[index]!.target]!.name}`;
}

/** Hover lines: the chosen destination and the static pages reused, per migration of one `migrate`. */
export function describePlacementAndReuse(checked: CheckResult, indices: readonly number[]): string[] {
  const scenario = checked.scenario;
  if (!scenario) return [];
  return indices.flatMap((index) => {
    const migration = scenario.migrations[index]!;
    const vm = scenario.vms[migration.vm]!;
    const target = scenario.hosts[migration.target]!.name;
    const lines: string[] = [];
    if (checked.migrationDeclarations[index]?.any) lines.push(`**Destination of ${vm.name}:** ${target}, chosen by \`policy placement similarity\`.`);
    // The forecast's reuse: by the run's rule, a similar VM counts on the destination once it has arrived.
    const decision = checked.forecasts[index]?.reuse;
    if (scenario.contentReuse && decision) {
      lines.push(
        decision.donor === undefined
          ? `**Content reuse:** nothing predicted for ${vm.name}: no VM with its OS and hypervisor version has arrived on ${target} when it starts.`
          : `**Content reuse:** ${formatBytes(decision.staticBytes)} of ${vm.name}'s static pages copied from ${scenario.vms[decision.donor]!.name} on ${target}, not sent in round 0.`,
      );
    }
    return lines;
  });
}
