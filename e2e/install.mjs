// Where e2e/setup.sh installed what the run needs (Node 24, code-server, playwright-core, the extension) and
// Chromium's path. Importing this module checks that all of it is there and exits with code 2, naming what is
// missing, when it is not; run.mjs imports it first, so nothing starts on an incomplete install.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM_PATH } from "./chromium.mjs";
import { CACHE } from "./common.mjs";

export const NODE24 = join(CACHE, "node24", "bin", "node");
export const CODE_SERVER = join(CACHE, "deps", "node_modules", "code-server", "out", "node", "entry.js");
export const PLAYWRIGHT = join(CACHE, "deps", "node_modules", "playwright-core", "index.mjs");
export const EXTENSIONS = join(CACHE, "extensions");
export const CHROMIUM = process.env.VMIG_E2E_CHROMIUM ?? CHROMIUM_PATH;

for (const [what, path] of [
  ["Node 24", NODE24],
  ["code-server", CODE_SERVER],
  ["playwright-core", PLAYWRIGHT],
  ["Chromium", CHROMIUM],
]) {
  if (!existsSync(path)) {
    console.error(`e2e: ${what} is missing (${path}); run \`bash e2e/setup.sh\` first.`);
    process.exit(2);
  }
}
if (!existsSync(EXTENSIONS) || !readdirSync(EXTENSIONS).some((name) => name.startsWith("vmig.vmig-"))) {
  console.error(`e2e: the vmig extension is not installed in ${EXTENSIONS}; run \`bash e2e/setup.sh\` first.`);
  process.exit(2);
}
