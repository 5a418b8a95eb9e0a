import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { TopologyDocument } from "@vmig/protocol";
import { darkRamp, lightRamp, rampBucket, rampClass, rampCss, rampSteps } from "../src/ramp.js";
import { arrowHead, layoutTopology, peakRatios, pointAlong, routePoints, topologySvg, utilisationLegend } from "../src/topology.js";
import { svgToString } from "../src/svg.js";
import { fatTree } from "./fixtures/fatTree.js";

/** Two hosts on one switch, as in samples/quickstart.vmig, with the switch declared first. */
const lab: TopologyDocument = {
  nodes: [
    { name: "tor", kind: "switch" },
    { name: "h1", kind: "host" },
    { name: "h2", kind: "host" },
  ],
  links: [
    { name: "h1-tor", a: 1, b: 0, bandwidth_bytes_per_s: 1.25e8 },
    { name: "h2-tor", a: 2, b: 0, bandwidth_bytes_per_s: 1.25e8 },
  ],
};

describe("rampBucket", () => {
  const cases: [number, number][] = [
    [0, -1],
    [-0.2, -1],
    [Number.NaN, -1],
    [1e-9, 0],
    [0.124, 0],
    [0.125, 1],
    [0.5, 4],
    [0.999, 7],
    [1, 7],
    [3, 7],
  ];
  for (const [fraction, bucket] of cases) {
    it(`puts ${fraction} in bucket ${bucket}`, () => assert.equal(rampBucket(fraction), bucket));
  }
  it("names idle and bucket classes", () => {
    assert.equal(rampClass(-1), "ramp-idle");
    assert.equal(rampClass(7), "ramp-7");
  });
});

describe("the colour ramps", () => {
  /** Relative luminance (WCAG 2), to check that each ramp runs one way only. */
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  it("has one colour per bucket in each theme", () => {
    assert.equal(darkRamp.length, rampSteps);
    assert.equal(lightRamp.length, rampSteps);
  });
  it("gets brighter with load on dark pages and darker on light pages", () => {
    for (let k = 1; k < rampSteps; k++) {
      assert.ok(luminance(darkRamp[k]!) > luminance(darkRamp[k - 1]!), `dark ${k}`);
      assert.ok(luminance(lightRamp[k]!) < luminance(lightRamp[k - 1]!), `light ${k}`);
    }
  });
  it("writes a rule per bucket", () => {
    const css = rampCss(darkRamp, "body ");
    assert.equal(css.split("\n").length, rampSteps);
    assert.match(css, /body \.ramp-7 \{ fill: #fde725; stroke: #fde725; background: #fde725; \}/);
  });
});

describe("layoutTopology", () => {
  it("puts hosts at the bottom and the switch above them, whatever the declaration order", () => {
    const layout = layoutTopology(lab, 600);
    assert.equal(layout.layers.length, 2);
    assert.deepEqual(layout.layers[0]!.nodes, [1, 2]);
    assert.equal(layout.layers[0]!.label, "hosts (2)");
    assert.equal(layout.layers[1]!.label, "switches (1)");
    assert.ok(layout.positions[0]!.y < layout.positions[1]!.y);
    assert.equal(layout.positions[1]!.y, layout.positions[2]!.y);
    // The switch is centred over its two hosts.
    assert.equal(layout.positions[0]!.x, (layout.positions[1]!.x + layout.positions[2]!.x) / 2);
  });

  it("lays a k = 4 fat-tree out in four layers named after the generator's families", () => {
    const tree = fatTree(4);
    const layout = layoutTopology(tree, 800);
    assert.deepEqual(layout.layers.map((l) => l.label), ["hosts (16)", "edge (8)", "agg (8)", "core (4)"]);
    for (const p of layout.positions) {
      assert.ok(p.x >= layout.left && p.x <= layout.width, `x ${p.x}`);
      assert.ok(p.y >= 0 && p.y <= layout.height, `y ${p.y}`);
    }
    // Each edge switch sits above its own two hosts: between them, not past them.
    for (let e = 0; e < 8; e++) {
      const edge = layout.positions[16 + e]!;
      const [h0, h1] = [layout.positions[2 * e]!, layout.positions[2 * e + 1]!];
      assert.ok(edge.x > h0.x && edge.x < h1.x + (h1.x - h0.x), `edge[${e}] at ${edge.x}, hosts at ${h0.x} and ${h1.x}`);
    }
    // Pod 0's aggregation switches lie left of pod 3's.
    assert.ok(layout.positions[24]!.x < layout.positions[30]!.x);
  });

  it("places every node of a k = 16 fat-tree (1,344 nodes, 3,072 links) inside the drawing", () => {
    const tree = fatTree(16);
    assert.equal(tree.nodes.length, 1344);
    assert.equal(tree.links.length, 3072);
    const layout = layoutTopology(tree, 1200);
    assert.equal(layout.positions.filter((p) => p !== undefined).length, 1344);
    assert.deepEqual(layout.layers.map((l) => l.nodes.length), [1024, 128, 128, 64]);
    const xs = new Set(layout.layers[0]!.nodes.map((n) => layout.positions[n]!.x));
    assert.equal(xs.size, 1024, "hosts get distinct positions");
  });

  it("never throws on broken input: unknown link ends, no hosts, no nodes", () => {
    const broken: TopologyDocument = {
      nodes: [{ name: "s1", kind: "switch" }, { name: "s2", kind: "switch" }, { name: "lonely", kind: "router" }],
      links: [{ name: "s1-s2", a: 0, b: 1, bandwidth_bytes_per_s: 1 }, { name: "bad", a: 0, b: 9, bandwidth_bytes_per_s: 1 }],
    };
    const layout = layoutTopology(broken, 300);
    assert.equal(layout.layers.length, 3);
    assert.ok(svgToString(topologySvg(broken, layout, [0.5, 1])).includes("s1-s2: 50.0 % utilised"));
    assert.deepEqual(layoutTopology({ nodes: [], links: [] }, 300).layers, []);
  });
});

describe("routes and arrows", () => {
  const tree = fatTree(4);
  const layout = layoutTopology(tree, 800);
  // host[0] → edge[0] → agg[0] → core[0] → agg[2] → edge[2] → host[4]: links 0, 16, 32, 36, 20, 4.
  const route = [0, 16, 32, 36, 20, 4];

  it("walks a route from its source, whichever end each link names first", () => {
    const points = routePoints(tree, layout, "host[0]", route);
    const expected = ["host[0]", "edge[0]", "agg[0]", "core[0]", "agg[2]", "edge[2]", "host[4]"].map((name) => layout.positions[tree.nodes.findIndex((n) => n.name === name)]);
    assert.deepEqual(points, expected);
  });

  it("puts the arrow at the start, the middle by length, and the end", () => {
    const points = [{ x: 0, y: 0 }, { x: 30, y: 0 }, { x: 30, y: 10 }];
    assert.deepEqual(pointAlong(points, 0), { x: 0, y: 0, angle: 0 });
    assert.deepEqual(pointAlong(points, 0.5), { x: 20, y: 0, angle: 0 });
    const end = pointAlong(points, 1);
    assert.deepEqual([end.x, end.y], [30, 10]);
    assert.equal(end.angle, Math.PI / 2);
    assert.deepEqual(pointAlong(points, 7), end, "progress is clamped");
    assert.deepEqual(pointAlong(points, Number.NaN), { x: 0, y: 0, angle: 0 });
    assert.deepEqual(pointAlong([], 0.5), { x: 0, y: 0, angle: 0 });
  });

  it("draws an arrow head whose tip is the point it is given", () => {
    assert.match(arrowHead({ x: 10, y: 20, angle: 0 }, 8), /^M10\.0 20\.0 L2\.\d+ \d+\.\d+ L2\.\d+ \d+\.\d+ Z$/);
  });

  it("draws the route over the links in the static SVG", () => {
    const text = svgToString(topologySvg(tree, layout, [], [routePoints(tree, layout, "host[0]", route)]));
    assert.equal((text.match(/class="topo-route-line"/g) ?? []).length, 1);
    assert.equal((text.match(/ramp-idle/g) ?? []).length, tree.links.length);
  });
});

describe("peakRatios and the legend", () => {
  it("keeps each link's highest utilisation over the frames", () => {
    assert.deepEqual(peakRatios(3, [{ ratios: [0.1, 0.9, 0] }, { ratios: [0.4, 0.2] }, { ratios: [0, 0, 0.3] }]), [0.4, 0.9, 0.3]);
  });
  it("lists idle, then the eight buckets in percent", () => {
    const legend = utilisationLegend();
    assert.equal(legend.length, rampSteps + 1);
    assert.deepEqual(legend[0], { className: "ramp-idle", words: "idle" });
    assert.deepEqual(legend[8], { className: "ramp-7", words: "88–100 %" });
  });
});
