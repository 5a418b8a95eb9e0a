import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import type { PlacementDocument, ResultsDocument, SeriesParams, TopologyDocument } from "@vmig/protocol";
import { darkRamp, lightRamp } from "@vmig/report";
import { applyNetwork, costIterations, emptyNetwork, migrationProgress } from "../webview/networkState.js";
import { applyMessage, emptyState, restoreState, worthSaving } from "../webview/panelState.js";

const topology: TopologyDocument = {
  nodes: [
    { name: "tor", kind: "switch" },
    { name: "h1", kind: "host", rack: 0 },
    { name: "h2", kind: "host", rack: 0 },
  ],
  links: [
    { name: "h1-tor", a: 1, b: 0, bandwidth_bytes_per_s: 1.25e8, level: 1 },
    { name: "h2-tor", a: 2, b: 0, bandwidth_bytes_per_s: 1.25e8, level: 1 },
  ],
};

const placement: PlacementDocument = {
  policy: "s-core",
  token: "global",
  iterations: [
    { iteration: 0, cost: 10, migrations: 0 },
    { iteration: 1, cost: 6, migrations: 1 },
  ],
  racks: ["tor"],
  tor_traffic_before: [[5]],
  tor_traffic_after: [[5]],
};

function batch(extra: Partial<SeriesParams>): SeriesParams {
  return { runId: "r1", chunks: [], finished: [], ...extra };
}

describe("applyNetwork", () => {
  it("takes the topology, keeps the latest frame and each link's peak, and tracks migrations under way", () => {
    const network = emptyNetwork();
    assert.equal(applyNetwork(network, batch({})), false);
    assert.equal(applyNetwork(network, batch({ topology })), true);
    assert.deepEqual(network.peakLoads, [0, 0]);
    applyNetwork(network, batch({
      events: [{ kind: "migration-start", t_s: 1, vm: "web", source: "h1", target: "h2", links: [0, 1] }],
      link_loads: [{ t_s: 1, ratios: [0.9, 0.2] }, { t_s: 2, ratios: [0.4, 0.6] }],
    }));
    assert.deepEqual(network.linkLoad, { t_s: 2, ratios: [0.4, 0.6] });
    assert.deepEqual(network.peakLoads, [0.9, 0.6]);
    assert.deepEqual(network.active, { web: { source: "h1", target: "h2", links: [0, 1], start_s: 1 } });
    assert.equal(applyNetwork(network, batch({ events: [{ kind: "round-start", t_s: 2, vm: "web", round: 1, bytes: 5 }] })), false);
    applyNetwork(network, batch({ events: [{ kind: "migration-end", t_s: 3, vm: "web", downtime_s: 0.1 }] }));
    assert.deepEqual(network.active, {});
  });

  it("streams S-CORE's costs until the placement document replaces them", () => {
    const network = emptyNetwork();
    applyNetwork(network, batch({ events: [{ kind: "placement-iteration", t_s: 5, iteration: 1, cost: 7, migrations: 2 }] }));
    assert.deepEqual(costIterations(network), [{ iteration: 1, cost: 7, migrations: 2 }]);
    network.placement = placement;
    assert.equal(costIterations(network), placement.iterations);
  });
});

describe("migrationProgress", () => {
  const cases: [string, number[] | undefined, number][] = [
    ["no series yet", undefined, 0],
    ["the first point", [0, 1000], 0],
    ["a quarter copied", [0, 1000, 1, 750], 0.25],
    ["a later round resends dirtied pages", [0, 1000, 1, 100, 1.1, 300], 0.7],
    ["done", [0, 1000, 2, 0], 1],
    ["an empty VM", [0, 0], 1],
  ];
  for (const [what, points, expected] of cases) {
    it(`reads ${expected} for ${what}`, () => assert.equal(migrationProgress(points), expected));
  }
});

describe("the panel state's network", () => {
  const started = () => {
    const state = emptyState();
    applyMessage(state, { type: "runStarted", runId: "r1", scenario: "dc.vmig" });
    return state;
  };

  it("is filled by series batches, saved when the topology arrives, and emptied of arrows at the end", () => {
    const state = started();
    const first = { type: "series", params: batch({ topology, events: [{ kind: "migration-start", t_s: 0, vm: "web", source: "h1", target: "h2", links: [0, 1] }] }) } as const;
    assert.equal(applyMessage(state, first), true);
    assert.equal(worthSaving(first), true);
    assert.equal(worthSaving({ type: "series", params: batch({ link_loads: [{ t_s: 1, ratios: [1, 1] }] }) }), false);
    const done: ResultsDocument = { schema: "vmig-results/1", scenario: "dc", seed: 1, end_s: 9, truncated: false, cancelled: false, migrations: [], placement };
    applyMessage(state, { type: "runDone", params: { runId: "r1", results: done } });
    assert.equal(state.network.topology, topology);
    assert.equal(state.network.placement, placement);
    assert.deepEqual(state.network.active, {});
  });

  it("takes the topology from the results when no batch carried it, and survives a reload", () => {
    const state = started();
    const done: ResultsDocument = { schema: "vmig-results/1", scenario: "dc", seed: 1, end_s: 9, truncated: false, cancelled: false, migrations: [], topology, placement };
    applyMessage(state, { type: "runDone", params: { runId: "r1", results: done } });
    const restored = restoreState(JSON.parse(JSON.stringify(state)));
    assert.deepEqual(restored?.network.topology, topology);
    assert.deepEqual(restored?.network.placement, placement);
    assert.deepEqual(restored?.network.peakLoads, [0, 0]);
  });

  it("is cleared by the next run", () => {
    const state = started();
    applyMessage(state, { type: "series", params: batch({ topology }) });
    applyMessage(state, { type: "runStarted", runId: "r2", scenario: "dc.vmig" });
    assert.equal(state.network.topology, undefined);
  });
});

describe("the webview's style sheet", () => {
  const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../webview/styles.css"), "utf8");
  it("colours the ramp's classes with report/'s ramps, dark by default and light in light themes", () => {
    darkRamp.forEach((colour, k) => assert.match(css, new RegExp(`\\n\\.ramp-${k} \\{ fill: ${colour}; background: ${colour}; \\}`)));
    lightRamp.forEach((colour, k) =>
      assert.match(css, new RegExp(`body\\.vscode-light \\.ramp-${k}, body\\.vscode-high-contrast-light \\.ramp-${k} \\{ fill: ${colour}; background: ${colour}; \\}`)),
    );
  });
});
