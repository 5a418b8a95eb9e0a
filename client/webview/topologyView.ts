/**
 * The topology view: the run's network on a canvas (a k = 16 fat-tree has 3,072 links, too many for SVG
 * nodes while a run streams), its links coloured by utilisation on report/'s colour-blind-safe ramp, the
 * migrations under way drawn as arrows moving along their routes, and a tooltip naming the link under the
 * pointer. Two canvases: the network, drawn again only when a new load frame, a new size or a new theme
 * arrives, and the arrows above it, animated with requestAnimationFrame while a migration is under way.
 */
import {
  arrowHead,
  darkRamp,
  layoutTopology,
  lightRamp,
  nearestLink,
  pointAlong,
  rampBucket,
  rampSteps,
  remainingPrefix,
  routePoints,
  utilisationLegend,
  type Point,
  type TopologyLayout,
} from "@vmig/report";
import type { TopologyDocument } from "@vmig/protocol";
import type { PanelState } from "./panelState.js";
import { migrationProgress, type ActiveMigration } from "./networkState.js";
import { keyList } from "./svgViews.js";
import { themeValue } from "./theme.js";

/** How far from a link the pointer may be for the tooltip to name it, in CSS pixels. */
const hoverDistance = 6;
/** Speed of the dashes that run along a route, in CSS pixels per second. */
const dashSpeed = 40;
/**
 * Most arrows drawn at once, for the migrations that started first: a run can have thousands under way,
 * and beyond a few dozen arrows the network underneath is no longer readable (nor the frame rate kept).
 */
const maxArrows = 48;

interface Colours {
  readonly ramp: readonly string[];
  readonly idle: string;
  readonly node: string;
  readonly text: string;
  readonly arrow: string;
  readonly halo: string;
  readonly font: string;
  /** High-contrast themes get wider strokes. */
  readonly widen: number;
}

interface Arrow {
  readonly points: readonly Point[];
  readonly progress: number;
}

export class TopologyView {
  private readonly caption = document.createElement("p");
  private readonly stage = document.createElement("div");
  private readonly base = document.createElement("canvas");
  private readonly overlay = document.createElement("canvas");
  private readonly tip = document.createElement("div");
  private readonly placeholder = document.createElement("p");
  private topology: TopologyDocument | undefined;
  private layout: TopologyLayout | undefined;
  private ratios: readonly number[] = [];
  private arrows: Arrow[] = [];
  private colours: Colours | undefined;
  /** What the network canvas shows now, to skip drawing it again when nothing it depends on changed. */
  private baseKey = "";
  /** Names the loads on show: the run, whether it is live, and the frame's time. */
  private loadKey = "";
  /** Routes by migration, computed once per migration and layout. */
  private routes = new WeakMap<ActiveMigration, Point[]>();
  private animating = false;

  constructor(private readonly container: HTMLElement) {
    this.caption.className = "caption";
    this.stage.className = "topology-stage";
    this.base.className = "topology-canvas";
    this.overlay.className = "topology-canvas topology-overlay";
    this.tip.className = "topology-tip";
    this.tip.hidden = true;
    this.tip.setAttribute("role", "tooltip");
    this.placeholder.className = "placeholder";
    this.stage.append(this.base, this.overlay, this.tip);
    this.overlay.setAttribute("role", "img");
    this.overlay.addEventListener("mousemove", (event) => this.hover(event));
    this.overlay.addEventListener("mouseleave", () => (this.tip.hidden = true));
    // VS Code switches themes by changing the body's class; the colours are read again then.
    new MutationObserver(() => {
      this.colours = undefined;
      this.baseKey = "";
      if (this.layout !== undefined) this.draw();
    }).observe(document.body, { attributes: true, attributeFilter: ["class"] });
  }

  /** Shows the state's network: the latest loads while the run streams, the peak loads once it has ended. */
  render(state: PanelState): void {
    const width = Math.floor(this.container.clientWidth);
    if (width === 0) return;
    const { topology } = state.network;
    if (topology === undefined || topology.nodes.length === 0) {
      this.topology = undefined;
      this.layout = undefined;
      this.stopAnimating();
      this.placeholder.textContent =
        state.status === "running" ? "The network appears when the server sends it." : "Run a scenario to see its network here.";
      if (this.placeholder.parentElement !== this.container) this.container.replaceChildren(this.placeholder);
      return;
    }
    if (this.stage.parentElement !== this.container) {
      this.container.replaceChildren(this.caption, this.stage, keyList(utilisationLegend().map((e) => [e.className, e.words] as const)));
    }
    if (topology !== this.topology || this.layout?.width !== width) {
      this.topology = topology;
      this.layout = layoutTopology(topology, width);
      this.routes = new WeakMap();
    }
    const live = state.status === "running";
    const frame = state.network.linkLoad;
    this.ratios = live ? (frame?.ratios ?? []) : state.network.peakLoads;
    const active = Object.entries(state.network.active);
    const arrowWords = active.length > maxArrows ? ` (arrows for the first ${maxArrows})` : "";
    this.caption.textContent =
      `${topology.nodes.length.toLocaleString("en")} nodes, ${topology.links.length.toLocaleString("en")} links. ` +
      (live
        ? `Links coloured by their utilisation at ${frame === undefined ? "the start" : `${frame.t_s.toFixed(2)} s`}; ` +
          `${active.length.toLocaleString("en")} migration${active.length === 1 ? "" : "s"} under way${arrowWords}.`
        : "Links coloured by the highest utilisation they reached in the run.");
    this.overlay.setAttribute("aria-label", this.caption.textContent);
    this.arrows = active.slice(0, maxArrows).map(([vm, m]) => ({ points: this.route(topology, m), progress: migrationProgress(state.series[remainingPrefix + vm]) }));
    this.loadKey = `${state.runId}/${live}/${frame?.t_s}`;
    this.draw();
  }

  private route(topology: TopologyDocument, migration: ActiveMigration): Point[] {
    let points = this.routes.get(migration);
    if (points === undefined) {
      points = routePoints(topology, this.layout!, migration.source, migration.links);
      this.routes.set(migration, points);
    }
    return points;
  }

  private draw(): void {
    const layout = this.layout;
    const topology = this.topology;
    if (layout === undefined || topology === undefined) return;
    this.colours ??= readColours();
    const key = `${this.loadKey}|${layout.width}`;
    if (key !== this.baseKey) {
      this.baseKey = key;
      drawNetwork(fit(this.base, layout), topology, layout, this.ratios, this.colours);
    }
    // The arrows are drawn now as well as on every animation frame: a render that follows the frame's
    // animation step in the same frame must not leave the overlay as it was before this render's data.
    if (this.arrows.length > 0) {
      this.drawArrows(performance.now());
      this.startAnimating();
    } else {
      this.stopAnimating();
      fit(this.overlay, layout);
      this.overlay.dataset["arrows"] = "0";
    }
  }

  private startAnimating(): void {
    if (this.animating) return;
    this.animating = true;
    const tick = (now: number): void => {
      if (!this.animating) return;
      // A hidden tab has no width: the loop pauses until the view is drawn again.
      if (this.container.clientWidth === 0) {
        this.animating = false;
        return;
      }
      this.drawArrows(now);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  private stopAnimating(): void {
    this.animating = false;
  }

  private drawArrows(now: number): void {
    if (this.layout === undefined || this.colours === undefined) return;
    const context = fit(this.overlay, this.layout);
    if (context === null) return;
    const { arrow, halo, widen } = this.colours;
    context.lineJoin = "round";
    let drawn = 0;
    for (const { points, progress } of this.arrows) {
      if (points.length < 2) continue;
      drawn++;
      const path = new Path2D();
      points.forEach((p, i) => (i === 0 ? path.moveTo(p.x, p.y) : path.lineTo(p.x, p.y)));
      // Dashes run from source to target over the route's links, which stay visible between them.
      context.setLineDash([7, 5]);
      context.lineDashOffset = -((now / 1000) * dashSpeed) % 12;
      context.strokeStyle = arrow;
      context.lineWidth = 2 * widen;
      context.stroke(path);
      const head = new Path2D(arrowHead(pointAlong(points, progress), 11 * widen));
      context.setLineDash([]);
      context.lineWidth = 3;
      context.strokeStyle = halo;
      context.stroke(head);
      context.fillStyle = arrow;
      context.fill(head);
    }
    // How many arrows the last frame drew, for the end-to-end test.
    this.overlay.dataset["arrows"] = String(drawn);
  }

  private hover(event: MouseEvent): void {
    const layout = this.layout;
    const topology = this.topology;
    if (layout === undefined || topology === undefined) return;
    const box = this.overlay.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const nearest = nearestLink(topology, layout, { x, y });
    if (nearest === undefined || nearest.distance > hoverDistance) {
      this.tip.hidden = true;
      return;
    }
    const link = topology.links[nearest.index]!;
    const ratio = this.ratios[nearest.index] ?? 0;
    this.tip.textContent = `${link.name}: ${(ratio * 100).toFixed(1)} % of ${formatRate(link.bandwidth_bytes_per_s)}`;
    this.tip.hidden = false;
    // Positioned through the CSS object model, which the page's Content-Security-Policy allows.
    this.tip.style.left = `${Math.min(x + 12, layout.width - 220)}px`;
    this.tip.style.top = `${y + 14}px`;
  }
}

/** Sizes a canvas for the layout at the screen's pixel density; returns its context, scaled to CSS pixels. */
function fit(canvas: HTMLCanvasElement, layout: TopologyLayout): CanvasRenderingContext2D | null {
  const density = window.devicePixelRatio || 1;
  const width = Math.round(layout.width * density);
  const height = Math.round(layout.height * density);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
    canvas.style.width = `${layout.width}px`;
    canvas.style.height = `${layout.height}px`;
  }
  const context = canvas.getContext("2d");
  context?.setTransform(density, 0, 0, density, 0, 0);
  context?.clearRect(0, 0, layout.width, layout.height);
  return context;
}

/** Draws the links one stroke per colour (nine strokes however many links), then the nodes and layer labels. */
function drawNetwork(context: CanvasRenderingContext2D | null, topology: TopologyDocument, layout: TopologyLayout, ratios: readonly number[], colours: Colours): void {
  if (context === null) return;
  const buckets: Path2D[] = Array.from({ length: rampSteps + 1 }, () => new Path2D());
  topology.links.forEach((link, i) => {
    const a = layout.positions[link.a];
    const b = layout.positions[link.b];
    if (a === undefined || b === undefined) return;
    const path = buckets[rampBucket(ratios[i] ?? 0) + 1]!;
    path.moveTo(a.x, a.y);
    path.lineTo(b.x, b.y);
  });
  const hosts = layout.layers[0]?.nodes.length ?? 1;
  const dense = (layout.width - layout.left) / hosts < 4;
  buckets.forEach((path, k) => {
    context.strokeStyle = k === 0 ? colours.idle : colours.ramp[k - 1]!;
    // Busier links are drawn wider as well as brighter, so the ramp also reads without colour.
    context.lineWidth = (dense ? 0.75 : 1.25) * colours.widen + (k === 0 ? 0 : (k / rampSteps) * 2);
    context.stroke(path);
  });
  const hostSize = Math.max(1, Math.min(8, (layout.width - layout.left) / hosts - 1));
  context.fillStyle = colours.node;
  topology.nodes.forEach((node, i) => {
    const p = layout.positions[i];
    if (p === undefined) return;
    const size = node.kind === "host" ? hostSize : Math.max(hostSize, 6);
    context.fillRect(p.x - size / 2, p.y - size / 2, size, size);
  });
  context.fillStyle = colours.text;
  context.font = colours.font;
  context.textBaseline = "middle";
  for (const layer of layout.layers) context.fillText(layer.label, 0, layer.y, layout.left - 8);
}

function readColours(): Colours {
  const classes = document.body.classList;
  const light = classes.contains("vscode-light") || classes.contains("vscode-high-contrast-light");
  const highContrast = classes.contains("vscode-high-contrast") || classes.contains("vscode-high-contrast-light");
  const foreground = themeValue("--vscode-foreground", light ? "#333333" : "#cccccc");
  return {
    ramp: light ? lightRamp : darkRamp,
    idle: highContrast ? themeValue("--vscode-contrastBorder", foreground) : themeValue("--vscode-editorWidget-border", "#80808080"),
    node: themeValue("--vscode-descriptionForeground", foreground),
    text: foreground,
    arrow: foreground,
    halo: themeValue("--vscode-editor-background", light ? "#ffffff" : "#1e1e1e"),
    font: `${themeValue("--vscode-font-size", "13px")} ${themeValue("--vscode-font-family", "sans-serif")}`,
    widen: highContrast ? 1.5 : 1,
  };
}

function formatRate(bytesPerSecond: number): string {
  const bits = bytesPerSecond * 8;
  return bits >= 1e9 ? `${(bits / 1e9).toFixed(bits >= 1e10 ? 0 : 1)} Gbit/s` : `${(bits / 1e6).toFixed(0)} Mbit/s`;
}
