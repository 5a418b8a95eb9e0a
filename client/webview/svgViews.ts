/**
 * The panel's two SVG views, drawn from the finished migrations: the timeline (rounds per VM, downtime
 * highlighted) and the bytes sent per round. Each is drawn again only when its migrations or its width
 * change, and not at all while its tab is hidden (its width is then 0).
 */
import type { MigrationDocument } from "@vmig/protocol";
import { layoutRoundBars, roundBarsSvg, layoutTimeline, timelineSvg } from "@vmig/report";
import { toSvgElement } from "./svgDom.js";
import { palette } from "./theme.js";

const roundBarsHeight = 300;

abstract class SvgView {
  private key = "";

  constructor(protected readonly container: HTMLElement) {}

  /** Draws `migrations` (identified by `runKey`) unless the same drawing is on show. */
  render(migrations: readonly MigrationDocument[], runKey: string, placeholder: string): void {
    const width = Math.floor(this.container.clientWidth);
    if (width === 0) return;
    const key = `${runKey}/${migrations.length}/${width}`;
    if (key === this.key) return;
    this.key = key;
    if (migrations.length === 0) {
      const empty = document.createElement("p");
      empty.className = "placeholder";
      empty.textContent = placeholder;
      this.container.replaceChildren(empty);
      return;
    }
    this.container.replaceChildren(...this.draw(migrations, width));
  }

  protected abstract draw(migrations: readonly MigrationDocument[], width: number): Element[];
}

export class TimelineView extends SvgView {
  protected draw(migrations: readonly MigrationDocument[], width: number): Element[] {
    return [toSvgElement(timelineSvg(layoutTimeline(migrations, width))), keyList([
      ["tl-precopy", "pre-copy round"],
      ["tl-precopy tl-alt", "next pre-copy round"],
      ["tl-stop-and-copy", "stop-and-copy"],
      ["tl-downtime", "downtime (paused until resumed)"],
      ...(migrations.some((m) => m.rounds.some((r) => r.stage === "disk")) ? ([["tl-disk", "disk round"]] as const) : []),
      ...(migrations.some((m) => m.rounds.some((r) => r.stage === "push")) ? ([["tl-push", "post-copy push"]] as const) : []),
    ])];
  }
}

export class RoundBarsView extends SvgView {
  protected draw(migrations: readonly MigrationDocument[], width: number): Element[] {
    const layout = layoutRoundBars(migrations, width, roundBarsHeight);
    return [
      keyList([
        ...layout.legend.map((vm, i) => [`series-${i % palette.length}`, vm] as const),
        ["rb-final", "stop-and-copy round"],
      ]),
      toSvgElement(roundBarsSvg(layout, palette.length)),
    ];
  }
}

/** A legend: a swatch with the given classes, then its words. */
export function keyList(entries: readonly (readonly [classes: string, words: string])[]): HTMLElement {
  const list = document.createElement("ul");
  list.className = "key";
  for (const [classes, words] of entries) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = `swatch ${classes}`;
    item.append(swatch, words);
    list.append(item);
  }
  return list;
}
