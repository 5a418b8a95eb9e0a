export * from "./scenario.js";
export * from "./results.js";
export { simulate } from "./simulate.js";
export { SimulationError } from "./errors.js";
export { Random } from "./kernel/random.js";
export { predictMigration, predictRounds } from "./migration/analytic.js";
export type { MigrationPrediction, PredictedRound, PredictionInput } from "./migration/analytic.js";
export { defaultProfile, profiles } from "./migration/profiles.js";
export { optimalRates, roundTimes } from "./migration/optimal.js";
export type { RateProblem, RateProblemVm, RateSolution } from "./migration/optimal.js";
export { dirtiedBytes, dirtyRateOf } from "./migration/dirtying.js";
export { expectedRemoteFaults } from "./migration/postcopy.js";
export { solveMaxMin } from "./network/maxmin.js";
export type { MaxMinVariable } from "./network/maxmin.js";
export { forecastMigrations, ForecastCache, type MigrationForecast } from "./forecast.js";
export { predictReuse, reuseKey, tableEntry, type ReuseDecision, type ReuseKey } from "./migration/contentReuse.js";
export { placeBySimilarity, type PlacementChoice, type PlacementRequest, type PlacementWorld } from "./migration/similarityPlacement.js";
export { IncrementalMaxMin } from "./network/incremental.js";
export { fatTree, leafSpine, star, threeTier } from "./network/generators.js";
export type {
  CommonTopologyOptions,
  FatTreeOptions,
  GeneratedHost,
  GeneratedTopology,
  LeafSpineOptions,
  StarOptions,
  ThreeTierOptions,
} from "./network/generators.js";
export { DEFAULT_POLL_INTERVAL_SEC } from "./network/dynamicRouting.js";
export { modeConflict, modeOf, DEFAULT_EXEC_HANDOVER_SEC, DEFAULT_EXEC_RELAY_BYTES_PER_SEC } from "./architecture/modes.js";
export { crossesGroups, groupOf, losesReachability, DEFAULT_BEACON_INTERVAL_SEC, DEFAULT_PROBE_INTERVAL_SEC } from "./architecture/reachability.js";
export { DEFAULT_CHUNK_BYTES, DEFAULT_CHUNK_SEC, DEFAULT_WINDOW_CHUNKS } from "./architecture/streamCost.js";
