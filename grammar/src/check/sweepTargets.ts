/**
 * The places of a .vmig file that a sweep parameter can set, each with its address (docs/sweep.md):
 *
 *   scenario                  the scenario block            scenario.seed, scenario.horizon
 *   hypervisor.NAME           a hypervisor profile          hypervisor.xen30.max_rounds
 *   topology.NAME             a generated topology          topology.dc.k
 *   topology.NAME.link        its link template             topology.dc.link.bandwidth
 *   host.NAME                 a host                        host.h1.memory
 *   hosts.REF                 a host set                    hosts.dc.host[*].slots
 *   link.A--B                 a link (either order)         link.h1--tor.bandwidth
 *   vm.NAME                   a VM or a numbered family     vm.web.dirty, vm.guest.memory
 *   background.A->B           a background flow             background.h1->h2.rate
 *   policy.CATEGORY           a policy                      policy.allocation.rounds
 *   migrate.VM                a migration's start           migrate.web.at
 *
 * Only declarations written in the swept file itself are addressable, not those of imported files. `vmig
 * sweep --param` (cli/src/sweep/) and the scenario block's `sweep` (./sweeps.ts) both resolve addresses here.
 */
import type { Block, Declaration, MigrateDecl, Member, Span, VmigFile } from "../syntax/ast.js";
import { blockSchemas, policyBlockKind, type BlockKind } from "./schema.js";

export type Target =
  /** A declaration's attributes; `block` is absent when it has no `{ … }` yet, which then goes at `end`. */
  | { readonly kind: "block"; readonly address: string; readonly blockKind: BlockKind; readonly block?: Block; readonly end: number }
  | { readonly kind: "migrate"; readonly address: string; readonly decl: MigrateDecl };

/** Every addressable place of `file`, in source order. */
export function collectTargets(file: VmigFile): Target[] {
  const targets: Target[] = [];
  const block = (address: string, blockKind: BlockKind, decl: Span & { readonly body?: Block }) => {
    targets.push({ kind: "block", address, blockKind, block: decl.body, end: decl.end });
  };
  const members = (body: Block | undefined, topology?: string) => {
    for (const member of body?.members ?? []) memberTargets(member, topology);
  };
  const memberTargets = (m: Member, topology?: string) => {
    if (m.kind === "host" && m.name) block(`host.${m.name.text}`, "host", m);
    else if (m.kind === "link" && m.from && m.to) block(`link.${m.from.text}--${m.to.text}`, "link", m);
    else if (m.kind === "link" && topology !== undefined) block(`topology.${topology}.link`, "link", m);
    else if (m.kind === "background" && m.from && m.to) block(`background.${m.from.text}->${m.to.text}`, "background", m);
  };
  for (const d of file.declarations) declarationTargets(d, block, members, targets);
  return targets;
}

function declarationTargets(
  d: Declaration,
  block: (address: string, kind: BlockKind, decl: Span & { readonly body?: Block }) => void,
  members: (body: Block | undefined, topology?: string) => void,
  targets: Target[],
): void {
  switch (d.kind) {
    case "scenario":
      return block("scenario", "scenario", d);
    case "hypervisor":
      if (d.name) block(`hypervisor.${d.name.text}`, "hypervisor", d);
      return;
    case "topology": {
      const generated = d.generator ? (`topology.${d.generator.text}` as BlockKind) : undefined;
      if (d.name && generated && generated in blockSchemas) block(`topology.${d.name.text}`, generated, d);
      return members(d.body, d.name && generated ? d.name.text : undefined);
    }
    case "host":
      if (d.name) block(`host.${d.name.text}`, "host", d);
      return;
    case "hosts":
      if (d.targets) block(`hosts.${d.targets.text}`, "host", d);
      return;
    case "vm":
      if (d.name) block(`vm.${d.name.text}`, "vm", d);
      return;
    case "traffic":
      return members(d.body);
    case "policy": {
      const kind = d.category ? policyBlockKind(d.category.text, d.choice?.text) : undefined;
      if (kind) block(`policy.${d.category!.text}`, kind, d);
      return;
    }
    case "migrate":
      if (d.vm) targets.push({ kind: "migrate", address: `migrate.${d.vm.text}`, decl: d });
      return;
    default:
      return;
  }
}

/** The attributes a target accepts. */
export function attributesOf(target: Target): string[] {
  return target.kind === "migrate" ? ["at"] : blockSchemas[target.blockKind].map((a) => a.name);
}

/**
 * Finds the target of `address` (spaces ignored; a link's ends in either order), or explains what exists.
 */
export function findTarget(targets: readonly Target[], address: string): Target | { readonly error: string } {
  const wanted = address.replace(/\s+/g, "");
  const reversed = wanted.replace(/^link\.(.+)--(.+)$/, "link.$2--$1");
  const found = targets.filter((t) => t.address === wanted || (wanted.startsWith("link.") && t.address === reversed));
  if (found.length === 1) return found[0]!;
  if (found.length > 1) return { error: `'${address}' names ${found.length} declarations of the file; a sweep can only set one` };
  const known = [...new Set(targets.map((t) => t.address))];
  return { error: `the file has no '${address}'; it has: ${known.join(", ") || "nothing a sweep can set"}` };
}

/** Splits `vm.web.dirty` into its target (`vm.web`) and attribute (`dirty`) at the last dot. */
export function splitAddress(address: string): { readonly target: string; readonly attribute: string } {
  const dot = address.lastIndexOf(".");
  return { target: address.slice(0, dot), attribute: address.slice(dot + 1).trim() };
}
