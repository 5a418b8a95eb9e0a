/**
 * Static SVG charts for the standalone HTML report: no script, no network, readable when printed.
 */
export interface LineSeries {
  readonly name: string;
  /** Points as [x, y] pairs, x increasing. */
  readonly points: readonly (readonly [number, number])[];
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number) => string;
  readonly width?: number;
  readonly height?: number;
}

/** Colours that stay distinguishable for the first series and on both light and dark paper. */
export const palette = ["#3b82f6", "#f97316", "#10b981", "#e11d48", "#8b5cf6", "#eab308", "#06b6d4", "#84cc16"];

const margin = { left: 78, right: 16, top: 34, bottom: 46 };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** "Nice" tick values covering [min, max]: steps of 1, 2 or 5 times a power of ten. */
export function ticks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** A line chart of one or more series sharing both axes. */
export function lineChart(series: readonly LineSeries[], options: ChartOptions): string {
  const width = options.width ?? 760;
  const height = options.height ?? 320;
  const all = series.flatMap((s) => s.points);
  const xMin = Math.min(...all.map((p) => p[0]), 0);
  const xMax = Math.max(...all.map((p) => p[0]), xMin + 1e-9);
  const yMax = Math.max(...all.map((p) => p[1]), 1);
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const sx = (x: number) => margin.left + ((x - xMin) / (xMax - xMin)) * plotW;
  const sy = (y: number) => margin.top + plotH - (y / yMax) * plotH;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(options.title)}">`);
  parts.push(`<text x="${margin.left}" y="20" class="title">${escapeXml(options.title)}</text>`);
  for (const t of ticks(0, yMax)) {
    const y = sy(t).toFixed(1);
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${y}" y2="${y}" class="grid"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${y}" class="tick" text-anchor="end" dominant-baseline="middle">${escapeXml(options.formatY(t))}</text>`);
  }
  for (const t of ticks(xMin, xMax)) {
    const x = sx(t).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${margin.top}" y2="${margin.top + plotH}" class="grid"/>`);
    parts.push(`<text x="${x}" y="${margin.top + plotH + 16}" class="tick" text-anchor="middle">${escapeXml(options.formatX(t))}</text>`);
  }
  parts.push(`<text x="${margin.left + plotW / 2}" y="${height - 8}" class="axis" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  parts.push(`<text transform="translate(14 ${margin.top + plotH / 2}) rotate(-90)" class="axis" text-anchor="middle">${escapeXml(options.yLabel)}</text>`);
  series.forEach((s, i) => {
    const d = s.points.map((p, j) => `${j === 0 ? "M" : "L"}${sx(p[0]).toFixed(2)},${sy(p[1]).toFixed(2)}`).join("");
    const colour = palette[i % palette.length];
    parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"><title>${escapeXml(s.name)}</title></path>`);
    parts.push(`<rect x="${margin.left + 8 + i * 130}" y="${margin.top + 6}" width="10" height="10" fill="${colour}"/>`);
    parts.push(`<text x="${margin.left + 22 + i * 130}" y="${margin.top + 15}" class="legend">${escapeXml(s.name)}</text>`);
  });
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" class="frame"/>`);
  parts.push("</svg>");
  return parts.join("\n");
}

/**
 * Reduces a series to at most `buckets` x 2 points by keeping each bucket's minimum and maximum, so peaks
 * and the sawtooth of pre-copy rounds survive while the report stays small.
 */
export function decimate(points: readonly (readonly [number, number])[], buckets: number): (readonly [number, number])[] {
  if (points.length <= buckets * 2) return [...points];
  const out: (readonly [number, number])[] = [];
  const size = points.length / buckets;
  for (let b = 0; b < buckets; b++) {
    const slice = points.slice(Math.floor(b * size), Math.floor((b + 1) * size));
    if (slice.length === 0) continue;
    let lo = slice[0]!;
    let hi = slice[0]!;
    for (const p of slice) {
      if (p[1] < lo[1]) lo = p;
      if (p[1] > hi[1]) hi = p;
    }
    out.push(...(lo[0] <= hi[0] ? [lo, hi] : [hi, lo]));
  }
  const last = points[points.length - 1]!;
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}
