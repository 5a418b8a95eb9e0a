/**
 * A rehearsal of the incremental check: a small scenario of its own, checked once and then edited one
 * character at a time, as a user edits a document, each check reusing the previous one's parse and cache.
 *
 * A language server runs it while it is idle after opening a document, one step per turn of its event loop,
 * unless it warmed up (`warmUp`, which includes a rehearsal) before its first document.
 * V8 compiles a function to fast code only after running it many times, and learns from those runs which
 * shapes of object each property access meets; the first edits of a large document otherwise take the
 * incremental paths (moving the tree, declaring names again, replaying references, lowering and forecasting
 * from the caches) in slow code, over thousands of declarations, and took two to five times as long as later
 * ones (BENCHMARKS.md). The rehearsal types digits into the declarations a scenario's author edits most:
 * VMs, migrations, hosts and links.
 */
import { check, CheckCache, type CheckResult } from "../check/check.js";

/** One character replaced, inserted or removed. */
interface Edit {
  readonly offset: number;
  readonly remove: number;
  readonly insert: string;
}

/** One step of a rehearsal: the text it checked and the check's result. */
export interface RehearsedCheck {
  readonly text: string;
  readonly result: CheckResult;
}

/**
 * The rehearsal, one check per step: the first step checks the whole scenario, of `hosts` hosts (with the
 * default, about 400 lines), each later one an edit of it. The edits come in pairs, an edit and then its
 * undoing, so that every edit moves the text after it, as typing does. `edits` is how many edits follow the
 * first check.
 */
export function* rehearsal(hosts = 80, edits = 40): Generator<RehearsedCheck, void, void> {
  let text = rehearsedScenario(hosts);
  const cache = new CheckCache();
  let result: CheckResult = check(text, { cache });
  yield { text, result };
  let undo: Edit | undefined;
  let typed = 0;
  for (let step = 0; step < edits; step++) {
    const edit = undo ?? editAt(text, typed++);
    undo = undo ? undefined : inverse(text, edit);
    const next = text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.remove);
    result = check(next, { cache, previous: { text, parsed: result.parsed } });
    text = next;
    yield { text, result };
  }
}

/** Hosts of the warm-up's scenario: about 2,000 lines, enough for V8 to compile the parser and the check. */
const WARM_UP_HOSTS = 400;

/**
 * A server's warm-up, for while it is idle before its first document: the rehearsal of a 2,000-line scenario
 * (a check and 40 edits), then two more checks of it from scratch. Parsing and checking a large document are
 * slower before V8 has compiled them: opening a 10,000-line scenario took 193–248 ms in a server just
 * started and 137–154 ms after the warm-up (session 8, BENCHMARKS.md).
 */
export function* warmUp(): Generator<RehearsedCheck, void, void> {
  yield* rehearsal(WARM_UP_HOSTS, 40);
  for (let i = 0; i < 2; i++) yield* rehearsal(WARM_UP_HOSTS, 0);
}

/**
 * A scenario in the shape of a data-centre one: a topology of `hosts` hosts (at least 2), a VM and a
 * migration on each, background traffic and a routing policy.
 */
function rehearsedScenario(hosts: number): string {
  const lines = ['scenario "rehearsal" { seed 1 horizon 600 s }', "hypervisor xen kind xen { max_rounds 30 }", "topology dc {", "  switch core"];
  for (let i = 0; i < hosts; i++) lines.push(`  host h${i} { hypervisor xen memory 64 GiB }`, `  link h${i} -- core { bandwidth 10 Gbps latency 20 us }`);
  lines.push("}", "traffic {", "  background h0 -> h1 udp 100 Mbps during 0 s .. 60 s", "}", "policy routing dynamic { interval 5 s }");
  for (let i = 0; i < hosts; i++) lines.push(`/// VM ${i}.`, `vm v${i} on h${i} { memory 2 GiB dirty 2000 pages/s }`, `migrate v${i} to h${(i + 1) % hosts} at ${i % 60} s`);
  lines.push("expect v0.downtime < 1 s");
  return lines.join("\n");
}

/**
 * Where the rehearsal types a digit, in turn: into a VM's memory, a migration's start, a host's memory, a
 * link's bandwidth and a VM's dirty rate. `at` is where the digit goes, from the start of `anchor`.
 */
const TYPED_DIGITS: readonly { readonly anchor: string; readonly at: number }[] = [
  { anchor: "{ memory 2", at: "{ memory 2".length },
  { anchor: " s\n/// VM", at: 0 },
  { anchor: "memory 64", at: "memory 64".length },
  { anchor: "bandwidth 10", at: "bandwidth 10".length },
  { anchor: "dirty 2", at: "dirty 2".length },
];

/**
 * The `typed`-th digit typed into `text` (TYPED_DIGITS), at a place spread over the text by `typed`: inserted
 * after the place's digit, or every other time typed over it, which moves nothing (a check then replays the
 * declarations after it in place, another path for V8 to learn).
 */
function editAt(text: string, typed: number): Edit {
  const place = TYPED_DIGITS[typed % TYPED_DIGITS.length]!;
  const offset = occurrence(text, place.anchor, typed) + place.at;
  return Math.floor(typed / TYPED_DIGITS.length) % 2 === 0 ? { offset, remove: 0, insert: "1" } : { offset: offset - 1, remove: 1, insert: "3" };
}

/** The edit that undoes `edit` of `text`. */
function inverse(text: string, edit: Edit): Edit {
  return { offset: edit.offset, remove: edit.insert.length, insert: text.slice(edit.offset, edit.offset + edit.remove) };
}

/** The offset of one occurrence of `anchor` in `text`, the `n`-th of them spread over the text. */
function occurrence(text: string, anchor: string, n: number): number {
  const offsets: number[] = [];
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) offsets.push(at);
  return offsets[(n * 37) % offsets.length]!;
}
