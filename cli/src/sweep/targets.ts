/**
 * The places of a .vmig file that a sweep parameter can set: the language resolves the addresses
 * (grammar/src/check/sweepTargets.ts), so that `--param` and the scenario block's `sweep` agree.
 */
export { attributesOf, collectTargets, findTarget, splitAddress, type Target } from "@vmig/grammar";
