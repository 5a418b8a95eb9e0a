export * from "./document.js";
export * from "./messages.js";
