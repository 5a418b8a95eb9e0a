/**
 * Resolves `import "x.vmig"` for the CLI: relative to the importing file, read from disk. URIs here are
 * absolute file paths.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { ImportResolver } from "@vmig/grammar";

export function fileImportResolver(mainFile: string): ImportResolver {
  return (path, fromUri) => {
    const target = resolve(dirname(fromUri ?? resolve(mainFile)), path);
    try {
      return { uri: target, text: readFileSync(target, "utf8") };
    } catch {
      return undefined;
    }
  };
}
