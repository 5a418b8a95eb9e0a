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
    commands: { command: string; title: string; category?: string }[];
    keybindings: { command: string; key: string; mac?: string; when?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { type: string | string[]; default: unknown }> };
  };
};
/** The source that registers the commands, read as text: the extension itself cannot load outside VS Code. */
const commandsSource = readFileSync(new URL("src/commands.ts", clientDir), "utf8");
const settingsSource = readFileSync(new URL("src/settings.ts", clientDir), "utf8");

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

  it("activates on the language, with a workspace that holds scenarios, and on every command, all of which sit in the vmig category", () => {
    assert.ok(manifest.activationEvents.includes("onLanguage:vmig"));
    // The language server then starts with the workspace and warms up before the first scenario is opened.
    assert.ok(manifest.activationEvents.includes("workspaceContains:**/*.vmig"));
    for (const { command, category } of manifest.contributes.commands) {
      assert.ok(manifest.activationEvents.includes(`onCommand:${command}`), `onCommand:${command} is missing`);
      assert.equal(category, "vmig", command);
    }
  });

  it("keeps the titles of Run and Stop, which the end-to-end test types", () => {
    const titles = Object.fromEntries(manifest.contributes.commands.map((c) => [c.command, `${c.category}: ${c.title}`]));
    assert.equal(titles["vmig.runScenario"], "vmig: Run Scenario");
    assert.equal(titles["vmig.stopScenario"], "vmig: Stop Scenario");
  });

  it("registers every contributed command, and contributes every registered one", () => {
    const registered = [...commandsSource.matchAll(/registerCommand\("([^"]+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, manifest.contributes.commands.map((c) => c.command).sort());
  });

  it("binds and shows only contributed commands", () => {
    const known = new Set(manifest.contributes.commands.map((c) => c.command));
    const used = [...manifest.contributes.keybindings, ...Object.values(manifest.contributes.menus).flat()];
    for (const { command } of used) assert.ok(known.has(command), `${command} is not contributed`);
    const run = manifest.contributes.keybindings.find((k) => k.command === "vmig.runScenario");
    assert.equal(run?.key, "ctrl+alt+r");
    assert.match(run?.when ?? "", /editorLangId == vmig/);
  });

  it("declares every setting the extension reads", () => {
    const read = [...settingsSource.matchAll(/get\("([^"]+)"\)/g)].map((m) => `vmig.${m[1]}`).sort();
    const declared = Object.keys(manifest.contributes.configuration.properties).filter((k) => k !== "vmig.trace.server").sort();
    assert.deepEqual(read, declared);
    // The language client reads `<client id>.trace.server` itself; the id is "vmig".
    assert.deepEqual(manifest.contributes.configuration.properties["vmig.trace.server"]?.default, "off");
  });
});
