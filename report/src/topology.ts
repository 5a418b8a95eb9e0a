/**
 * The network drawing: a layered layout of a run's topology, the route a migration takes through it, and a
 * static SVG of the links coloured by their utilisation. Pure; the webview draws the same layout on a
 * canvas (a k = 16 fat-tree has 1,344 nodes and 3,072 links), the exported report as SVG.
 *
 * Layers: hosts at the bottom, then each switch or router one layer above its nearest host (hop count), so
 * a fat-tree reads edge, aggregation, core and a three-tier tree ToR, access, aggregation, core without
 * the layout knowing either. Hosts are ordered by pod, then rack; every switch sits in its layer in the
 * order of the mean position of its neighbours one layer down, which keeps a pod's switches above its hosts.
 */
import type { TopologyDocument } from "@vmig/protocol";
import { rampBucket, rampClass, rampSteps } from "./ramp.js";
import { svg, type SvgNode } from "./svg.js";

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface TopologyLayer {
  /** Baseline of the layer's nodes. */
  readonly y: number;
  /** What the layer holds, for its label: `hosts (1,024)`, `edge (128)`. */
  readonly label: string;
  /** Node indices in drawing order, left to right. */
  readonly nodes: readonly number[];
}

export interface TopologyLayout {
  readonly width: number;
  readonly height: number;
  /** Left edge of the drawing: the layer labels sit to its left. */
  readonly left: number;
  /** Position of node i. */
  readonly positions: readonly Point[];
  /** Bottom (hosts) first. */
  readonly layers: readonly TopologyLayer[];
}

export const topologyGeometry = {
  labelWidth: 120,
  right: 12,
  top: 16,
  bottom: 16,
  layerGap: 90,
} as const;

/** Lays out `topology` on a drawing `width` pixels wide; its height follows from the number of layers. */
export function layoutTopology(topology: TopologyDocument, width: number): TopologyLayout {
  const { labelWidth, right, top, bottom, layerGap } = topologyGeometry;
  const count = topology.nodes.length;
  const neighbours: number[][] = Array.from({ length: count }, () => []);
  for (const link of topology.links) {
    if (!validNode(link.a, count) || !validNode(link.b, count)) continue;
    neighbours[link.a]!.push(link.b);
    neighbours[link.b]!.push(link.a);
  }
  const depth = layerDepths(topology, neighbours);
  const layerCount = count === 0 ? 0 : Math.max(...depth) + 1;
  const members: number[][] = Array.from({ length: layerCount }, () => []);
  depth.forEach((d, node) => members[d]!.push(node));
  // Hosts by pod, then rack, then declaration order; nodes without a pod or rack come first.
  const hostKey = (n: number): [number, number, number] => [topology.nodes[n]!.pod ?? -1, topology.nodes[n]!.rack ?? -1, n];
  members[0]?.sort((p, q) => compareKeys(hostKey(p), hostKey(q)));
  const order = new Array<number>(count).fill(0);
  const plotWidth = Math.max(1, width - labelWidth - right);
  const height = top + bottom + Math.max(0, layerCount - 1) * layerGap;
  const positions: Point[] = new Array<Point>(count);
  const layers: TopologyLayer[] = [];
  members.forEach((nodes, d) => {
    if (d > 0) {
      // Barycentre ordering: the mean rank, in the layer below, of each node's neighbours there.
      const centre = new Map<number, number>();
      for (const n of nodes) {
        const below = neighbours[n]!.filter((m) => depth[m] === d - 1);
        centre.set(n, below.length === 0 ? Infinity : below.reduce((sum, m) => sum + order[m]!, 0) / below.length);
      }
      nodes.sort((p, q) => compareKeys([centre.get(p)!, p], [centre.get(q)!, q]));
    }
    const y = top + (layerCount - 1 - d) * layerGap;
    nodes.forEach((n, i) => {
      order[n] = i / Math.max(1, nodes.length);
      positions[n] = { x: labelWidth + ((i + 0.5) / nodes.length) * plotWidth, y };
    });
    layers.push({ y, label: layerLabel(topology, nodes, d), nodes });
  });
  return { width, height, left: labelWidth, positions, layers };
}

/**
 * Hops from the nearest host (hosts are 0). Nodes no host reaches are placed one layer above the highest
 * reached one, so a disconnected part still shows; without hosts, distances count from the first node.
 */
function layerDepths(topology: TopologyDocument, neighbours: readonly (readonly number[])[]): number[] {
  const count = topology.nodes.length;
  const depth = new Array<number>(count).fill(-1);
  let queue = topology.nodes.flatMap((node, i) => (node.kind === "host" ? [i] : []));
  if (queue.length === 0 && count > 0) queue = [0];
  for (const n of queue) depth[n] = 0;
  while (queue.length > 0) {
    const next: number[] = [];
    for (const n of queue) {
      for (const m of neighbours[n]!) {
        if (depth[m] !== -1) continue;
        depth[m] = depth[n]! + 1;
        next.push(m);
      }
    }
    queue = next;
  }
  const unreached = Math.max(0, ...depth) + 1;
  return depth.map((d) => (d === -1 ? unreached : d));
}

/** `hosts (1,024)`; `edge (128)` when every switch of the layer is one family of a generated topology, else `switches (2)`. */
function layerLabel(topology: TopologyDocument, nodes: readonly number[], depth: number): string {
  if (depth === 0 && nodes.every((n) => topology.nodes[n]!.kind === "host")) return `hosts (${nodes.length.toLocaleString("en")})`;
  const families = new Set(nodes.map((n) => /^(.*)\[\d+\]$/.exec(topology.nodes[n]!.name)?.[1]));
  const word = (families.size === 1 ? [...families][0] : undefined) ?? "switches";
  return `${word} (${nodes.length.toLocaleString("en")})`;
}

function compareKeys(p: readonly number[], q: readonly number[]): number {
  for (let i = 0; i < p.length; i++) {
    if (p[i] !== q[i]) return p[i]! < q[i]! ? -1 : 1;
  }
  return 0;
}

function validNode(index: number, count: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < count;
}

/**
 * The points a migration's route passes through, from `source` along `links` (indices into the topology's
 * links, source to target). A link that does not touch the node reached so far is walked from its `a` end,
 * so a malformed route still draws; unknown nodes or links are skipped.
 */
export function routePoints(topology: TopologyDocument, layout: TopologyLayout, source: string, links: readonly number[]): Point[] {
  let at = topology.nodes.findIndex((n) => n.name === source);
  const points: Point[] = [];
  if (at >= 0) points.push(layout.positions[at]!);
  for (const index of links) {
    const link = topology.links[index];
    if (link === undefined || !validNode(link.a, topology.nodes.length) || !validNode(link.b, topology.nodes.length)) continue;
    if (at !== link.a && at !== link.b) {
      at = link.a;
      points.push(layout.positions[at]!);
    }
    at = at === link.a ? link.b : link.a;
    points.push(layout.positions[at]!);
  }
  return points;
}

/** Where along `points` a fraction `progress` (0 to 1) of the route's length lies, and the heading there (radians). */
export function pointAlong(points: readonly Point[], progress: number): Point & { readonly angle: number } {
  if (points.length === 0) return { x: 0, y: 0, angle: 0 };
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y));
  const total = lengths.reduce((sum, l) => sum + l, 0);
  if (total === 0) return { ...points[0]!, angle: 0 };
  let left = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0)) * total;
  for (let i = 0; i < lengths.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (lengths[i] === 0) continue;
    if (left <= lengths[i]! || i === lengths.length - 1) {
      const f = Math.min(1, left / lengths[i]!);
      return { x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f, angle: Math.atan2(to.y - from.y, to.x - from.x) };
    }
    left -= lengths[i]!;
  }
  return { ...points[points.length - 1]!, angle: 0 };
}

/** The link nearest to `p` and its distance, by projecting `p` on every link's segment. */
export function nearestLink(topology: TopologyDocument, layout: TopologyLayout, p: Point): { readonly index: number; readonly distance: number } | undefined {
  let best: { index: number; distance: number } | undefined;
  topology.links.forEach((link, index) => {
    const a = layout.positions[link.a];
    const b = layout.positions[link.b];
    if (a === undefined || b === undefined) return;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = dx * dx + dy * dy;
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length));
    const distance = Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
    if (best === undefined || distance < best.distance) best = { index, distance };
  });
  return best;
}

/** The highest utilisation each link reached over `frames`; links with no frame read 0. */
export function peakRatios(linkCount: number, frames: readonly { readonly ratios: readonly number[] }[]): number[] {
  const peak = new Array<number>(linkCount).fill(0);
  for (const { ratios } of frames) {
    for (let i = 0; i < linkCount; i++) {
      const r = ratios[i];
      if (r !== undefined && r > peak[i]!) peak[i] = r;
    }
  }
  return peak;
}

/**
 * A static SVG of the network: links coloured by `ratios` (utilisation in [0, 1] per link, classes
 * `ramp-<k>` or `ramp-idle`), nodes as small marks, layer labels on the left, each link's name and
 * utilisation as its tooltip, and the migrations' routes drawn over them as arrows (`topo-route`).
 */
export function topologySvg(
  topology: TopologyDocument,
  layout: TopologyLayout,
  ratios: readonly number[],
  routes: readonly (readonly Point[])[] = [],
): SvgNode {
  const hostMark = Math.max(1, Math.min(8, (layout.width - layout.left) / Math.max(1, layout.layers[0]?.nodes.length ?? 1) - 1));
  const links = topology.links.flatMap((link, i) => {
    const a = layout.positions[link.a];
    const b = layout.positions[link.b];
    if (a === undefined || b === undefined) return [];
    const ratio = ratios[i] ?? 0;
    return [
      svg("line", { class: `topo-link ${rampClass(rampBucket(ratio))}`, x1: a.x, y1: a.y, x2: b.x, y2: b.y }, [
        svg("title", {}, [], `${link.name}: ${percent(ratio)}`),
      ]),
    ];
  });
  const nodes = topology.nodes.flatMap((node, i) => {
    const p = layout.positions[i];
    if (p === undefined) return [];
    const size = node.kind === "host" ? hostMark : Math.max(hostMark, 6);
    return [svg("rect", { class: `topo-node topo-${node.kind}`, x: p.x - size / 2, y: p.y - size / 2, width: size, height: size }, [svg("title", {}, [], node.name)])];
  });
  const labels = layout.layers.map((layer) => svg("text", { class: "topo-layer", x: 0, y: layer.y + 4 }, [], layer.label));
  const arrows = routes.filter((r) => r.length >= 2).map((r) => {
    const head = pointAlong(r, 1);
    const d = r.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(" ");
    return svg("g", { class: "topo-route" }, [svg("path", { class: "topo-route-line", d }), svg("path", { class: "topo-route-head", d: arrowHead(head, 9) })]);
  });
  return svg("svg", { class: "topology", width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`, role: "img" }, [
    svg("title", {}, [], `Network: ${topology.nodes.length} nodes, ${topology.links.length} links`),
    svg("g", { class: "topo-links" }, links),
    svg("g", { class: "topo-nodes" }, nodes),
    svg("g", { class: "topo-routes" }, arrows),
    svg("g", { class: "topo-layers" }, labels),
  ]);
}

/** A triangle pointing along `at.angle` with its tip at `at`, as path data. */
export function arrowHead(at: Point & { readonly angle: number }, size: number): string {
  const back = (turn: number): string => {
    const a = at.angle + Math.PI + turn;
    return `${(at.x + size * Math.cos(a)).toFixed(1)} ${(at.y + size * Math.sin(a)).toFixed(1)}`;
  };
  return `M${at.x.toFixed(1)} ${at.y.toFixed(1)} L${back(0.45)} L${back(-0.45)} Z`;
}

/** The legend's entries: idle, then each bucket's range in percent. */
export function utilisationLegend(): { readonly className: string; readonly words: string }[] {
  return [
    { className: rampClass(-1), words: "idle" },
    ...Array.from({ length: rampSteps }, (_, k) => ({
      className: rampClass(k),
      words: `${Math.round((k * 100) / rampSteps)}–${Math.round(((k + 1) * 100) / rampSteps)} %`,
    })),
  ];
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} % utilised`;
}
