export * from "./scenario.js";
export * from "./results.js";
