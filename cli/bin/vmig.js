#!/usr/bin/env node
// Launches the bundled CLI (cli/out/vmig.js, written by `npm run build`).
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const bundle = join(__dirname, "..", "out", "vmig.js");
if (!existsSync(bundle)) {
  console.error("vmig: the CLI is not built yet; run `npm run build` in the repository first.");
  process.exit(2);
}
require(bundle);
