import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";

const clientDir = new URL("../../", import.meta.url);
const config = JSON.parse(readFileSync(new URL("language-configuration.json", clientDir), "utf8")) as {
  comments: { lineComment: string; blockComment: [string, string] };
  wordPattern: string;
  folding: { markers: { start: string; end: string } };
};
const manifest = JSON.parse(readFileSync(new URL("../package.json", clientDir), "utf8")) as {
  icon?: string;
  activationEvents: string[];
  contributes: {
    languages: { id: string; configuration: string }[];
    grammars: { language: string; path: string }[];
    commands: { command: string; category?: string }[];
  };
};

describe("language configuration", () => {
  it("declares the comment tokens", () => {
    assert.equal(config.comments.lineComment, "//");
    assert.deepEqual(config.comments.blockComment, ["/*", "*/"]);
  });

  it("takes a whole name, with its digits and hyphens, as one word", () => {
    const word = new RegExp(config.wordPattern, "g");
    assert.deepEqual("vm web-1 on h_2".match(word), ["vm", "web-1", "on", "h_2"]);
  });

  it("folds between region markers", () => {
    assert.match("  // #region hosts", new RegExp(config.folding.markers.start));
    assert.match("  // #endregion", new RegExp(config.folding.markers.end));
    assert.doesNotMatch("  // #endregion", new RegExp(config.folding.markers.start));
  });
});

describe("extension manifest", () => {
  it("points at files that exist", () => {
    const root = new URL("../", clientDir);
    const paths = [
      ...manifest.contributes.languages.map((l) => l.configuration),
      ...manifest.contributes.grammars.map((g) => g.path),
      manifest.icon ?? "(no icon)",
    ];
    for (const path of paths) assert.ok(existsSync(new URL(path, root)), `${path} is missing`);
  });

  it("activates on the language and on both commands, which sit in the vmig category", () => {
    for (const event of ["onLanguage:vmig", "onCommand:vmig.runScenario", "onCommand:vmig.stopScenario"]) {
      assert.ok(manifest.activationEvents.includes(event), `${event} is missing`);
    }
    const commands = manifest.contributes.commands.map((c) => [c.command, c.category]);
    assert.deepEqual(commands, [
      ["vmig.runScenario", "vmig"],
      ["vmig.stopScenario", "vmig"],
    ]);
  });
});
