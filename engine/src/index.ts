export * from "./scenario.js";
export * from "./results.js";
export { simulate } from "./simulate.js";
export { SimulationError } from "./errors.js";
export { predictMigration, predictRounds } from "./migration/analytic.js";
export type { MigrationPrediction, PredictedRound, PredictionInput } from "./migration/analytic.js";
export { defaultProfile, profiles } from "./migration/profiles.js";
export { solveMaxMin } from "./network/maxmin.js";
export type { MaxMinVariable } from "./network/maxmin.js";
