// Runs every compiled test file with node's test runner. Test files are `*.test.js` under each package's
// `build/test/` (tsc output); the runner's closing summary is what CI reads.
import { readdirSync, statSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packages = ["protocol", "grammar", "engine", "report", "cli", "server", "client"];
const only = process.argv.slice(2);

function collect(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith(".test.js")) out.push(path);
  }
  return out;
}

const files = packages
  .filter((p) => only.length === 0 || only.includes(p))
  .flatMap((p) => collect(join(root, p, "build", "test"), []));
if (files.length === 0) {
  console.error("no test files found: run `npm run build` first");
  process.exit(1);
}
const run = spawnSync(process.execPath, ["--test", "--test-reporter=spec", ...files], { stdio: "inherit", cwd: root });
process.exit(run.status ?? 1);
