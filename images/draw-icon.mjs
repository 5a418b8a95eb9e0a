// Draws images/icon.png (128 × 128): two hosts, and a VM travelling along an arrow from one to the other.
// Run with `node images/draw-icon.mjs`; it needs nothing but Node. Shapes are sampled 4 × 4 per pixel.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const size = 128;
const samples = 4;

const navyTop = [0x1d, 0x3b, 0x66];
const navyBottom = [0x10, 0x1f, 0x38];
const hostBody = [0x2c, 0x4f, 0x82];
const hostLit = [0x9c, 0xc3, 0xf2];
const hostDim = [0x5a, 0x7a, 0xa6];
const accent = [0xff, 0xa8, 0x2e];
const white = [0xf4, 0xf7, 0xfb];

/** Layers, painted in order: each is a colour (or a function of y) and an inside test. */
const layers = [
  { colour: (y) => mix(navyTop, navyBottom, y / size), inside: (x, y) => roundedRect(x, y, 0, 0, 128, 128, 24) },
  // The source host (left, dimmer) and the target host (right).
  { colour: hostBody, inside: (x, y) => roundedRect(x, y, 12, 62, 50, 112, 6) },
  { colour: hostBody, inside: (x, y) => roundedRect(x, y, 78, 62, 116, 112, 6) },
  ...[72, 84, 96].flatMap((top) => [
    { colour: hostDim, inside: (x, y) => roundedRect(x, y, 18, top, 44, top + 6, 2) },
    { colour: hostLit, inside: (x, y) => roundedRect(x, y, 84, top, 110, top + 6, 2) },
  ]),
  // The migration: an arc from above the source to above the target, ending in an arrowhead.
  { colour: accent, inside: (x, y) => arc(x, y, 64, 66, 34, 5, 198, 322) },
  { colour: accent, inside: (x, y) => triangle(x, y, [86, 40], [104, 54], [84, 60]) },
  // The VM on its way, riding the arc's crest.
  { colour: white, inside: (x, y) => roundedRect(x, y, 53, 21, 75, 43, 5) },
  { colour: accent, inside: (x, y) => roundedRect(x, y, 58, 26, 70, 38, 2) },
];

const rgba = Buffer.alloc(size * size * 4);
for (let py = 0; py < size; py++) {
  for (let px = 0; px < size; px++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const x = px + (sx + 0.5) / samples;
        const y = py + (sy + 0.5) / samples;
        let colour;
        for (const layer of layers) {
          if (layer.inside(x, y)) colour = typeof layer.colour === "function" ? layer.colour(y) : layer.colour;
        }
        if (colour !== undefined) {
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 255;
        }
      }
    }
    const n = samples * samples;
    const covered = a / 255;
    const offset = (py * size + px) * 4;
    rgba[offset] = covered ? Math.round(r / covered) : 0;
    rgba[offset + 1] = covered ? Math.round(g / covered) : 0;
    rgba[offset + 2] = covered ? Math.round(b / covered) : 0;
    rgba[offset + 3] = Math.round(a / n);
  }
}
writeFileSync(new URL("icon.png", import.meta.url), png(rgba));

function mix(from, to, t) {
  return from.map((c, i) => c + (to[i] - c) * t);
}

function roundedRect(x, y, x0, y0, x1, y1, r) {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
}

/** A stroke of half-width `half` along the circle (cx, cy, radius), between two angles in degrees (y down). */
function arc(x, y, cx, cy, radius, half, fromDeg, toDeg) {
  const d = Math.hypot(x - cx, y - cy);
  let angle = (Math.atan2(y - cy, x - cx) * 180) / Math.PI;
  if (angle < 0) angle += 360;
  return Math.abs(d - radius) <= half && angle >= fromDeg && angle <= toDeg;
}

function triangle(x, y, a, b, c) {
  const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

/** Encodes 8-bit RGBA pixels as a PNG: signature, IHDR, one IDAT (filter 0 on every row), IEND. */
function png(pixels) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
