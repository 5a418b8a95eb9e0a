export * from "./document.js";
export * from "./messages.js";
export * from "./launch.js";
