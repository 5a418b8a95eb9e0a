// Bundles every runnable entry point with esbuild. `tsc -b` type-checks and must run first: the bundles
// import the workspace packages through their compiled `build/` output.
import * as esbuild from "esbuild";
import { mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const production = process.argv.includes("--production");

/** Node bundles are CommonJS; a package.json beside them overrides the workspace's "type": "module". */
function markCommonJs(dir) {
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, "package.json"), '{ "type": "commonjs" }\n');
}

const nodeBundle = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: !production,
  minify: production,
  logLevel: "warning",
  absWorkingDir: root,
};

await Promise.all([
  esbuild.build({
    ...nodeBundle,
    entryPoints: { extension: "client/src/extension.ts" },
    outdir: "client/out",
    external: ["vscode"],
  }),
  esbuild.build({
    ...nodeBundle,
    entryPoints: { main: "server/src/main.ts", simulationWorker: "server/src/simulationWorker.ts" },
    outdir: "server/out",
  }),
  esbuild.build({
    ...nodeBundle,
    entryPoints: { vmig: "cli/src/vmig.ts", sweepWorker: "cli/src/sweepWorker.ts" },
    outdir: "cli/out",
  }),
  esbuild.build({
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    sourcemap: !production,
    minify: true,
    logLevel: "warning",
    absWorkingDir: root,
    entryPoints: { webview: "client/webview/main.ts" },
    outdir: "client/out",
    loader: { ".css": "css" },
  }),
]);
for (const dir of ["client/out", "server/out", "cli/out"]) markCommonJs(dir);
copyFileSync(join(root, "node_modules/uplot/dist/uPlot.min.css"), join(root, "client/out/uPlot.min.css"));
