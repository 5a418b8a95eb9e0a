/**
 * The colour ramp of the topology's link utilisation and of the ToR traffic heatmaps. Pure; no DOM.
 *
 * Values are cut into `rampSteps` equal buckets, each drawn in one colour of viridis (van der Walt and
 * Smith's perceptually uniform map, readable with every common colour-vision deficiency and in greyscale).
 * Dark themes use its bright end for the busiest buckets and light themes its dark end, so that the busiest
 * link or rack pair always stands out most against the page. A value of zero is "idle": it is drawn in the
 * theme's own border colour rather than in a ramp colour, so an idle network reads as a plain drawing.
 */

/** How many colours the ramp has; bucket `k` holds values in [k / rampSteps, (k + 1) / rampSteps). */
export const rampSteps = 8;

/** Viridis from mid-blue to yellow: low to high on a dark page. */
export const darkRamp: readonly string[] = ["#3b518b", "#2c718e", "#21908d", "#27ad81", "#5cc863", "#8fd744", "#c2df23", "#fde725"];

/** Viridis from green to deep purple: low to high on a light page. */
export const lightRamp: readonly string[] = ["#7ad151", "#44bf70", "#22a884", "#21918c", "#2a788e", "#355f8d", "#414487", "#440154"];

/** The bucket of `fraction` (a value over the scale's maximum), or -1 when it is idle (zero, negative or not a number). */
export function rampBucket(fraction: number): number {
  if (!(fraction > 0)) return -1;
  return Math.min(rampSteps - 1, Math.floor(fraction * rampSteps));
}

/** The class that colours a bucket in the style sheets: `ramp-0` .. `ramp-7`, or `ramp-idle`. */
export function rampClass(bucket: number): string {
  return bucket < 0 ? "ramp-idle" : `ramp-${bucket}`;
}

/**
 * The style rules that colour the ramp's classes (fill for shapes, stroke for lines, background for
 * legend swatches), for pages whose style sheet is written from code: the exported report.
 */
export function rampCss(ramp: readonly string[], selectorPrefix = ""): string {
  return ramp
    .map((colour, k) => `${selectorPrefix}.ramp-${k} { fill: ${colour}; stroke: ${colour}; background: ${colour}; }`)
    .join("\n");
}
