/**
 * How far the server's heap may grow beyond what survived the last full garbage collection before V8
 * collects again. Left alone, V8 lets it grow up to four times when allocation is fast, as it is while
 * every keystroke re-checks a large file: a 10,000-line scenario has about 50 MB of live data, and the
 * server sat at 400–570 MiB resident. A growth of HEAP_GROWING_PERCENT keeps the heap near one and a half
 * times the live data, at the price of more frequent (mostly concurrent) collections; BENCHMARKS.md has the
 * figures. The flag is read at each collection, so setting it when the server starts takes effect.
 */
import { setFlagsFromString } from "node:v8";

const HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
