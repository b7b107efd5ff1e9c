// make-placeholder-photos.mjs
//
// Writes the two placeholder press photos used by the sample edition (content/11.md):
//   content/images/chenhao-survey.jpg  1800×1200 px
//   content/images/chenhao-team.jpg    1800×1290 px
//
// They are large enough to print at over 200 ppi where the page sets them, cropped to fill
// their frames (`banmian check` warns below 150 ppi).
//
// Why: the sample page needs real JPEG files to lay out its photos, but we must not ship or
// download anyone's photographs. So the project draws its own: a neutral, obviously-placeholder
// "landscape" (a light grey-green sky, a darker sloping hillside/cliff band below, a soft
// diagonal gradient, faint film grain and a faint picture-box cross).
//
// The output is deterministic and byte-identical on every run: no Math.random (the grain comes
// from a tiny seeded PRNG), no dates or metadata, fixed JPEG quality 85 via jpeg-js.
//
// Usage: node scripts/make-placeholder-photos.mjs

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'content', 'images');

/** mulberry32: tiny seeded PRNG, returns floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const lerp = (a, b, t) => a + (b - a) * t;
const mix = (c1, c2, t) => [lerp(c1[0], c2[0], t), lerp(c1[1], c2[1], t), lerp(c1[2], c2[2], t)];
const smoothstep = (e0, e1, x) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};
const clamp8 = (v) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/**
 * Draw one placeholder landscape.
 * @param {number} width
 * @param {number} height
 * @param {object} o  shape parameters: seed, slope line (y0, y1 as fractions of height), ridge waviness
 */
function drawPlaceholder(width, height, o) {
  const rand = mulberry32(o.seed);
  const data = Buffer.alloc(width * height * 4);

  // Muted palette.
  const skyTop = [168, 176, 170];
  const skyLow = [146, 156, 148];
  const slopeTop = [96, 110, 92];
  const slopeLow = [52, 62, 52];
  const rock = [118, 118, 110];

  const diag = Math.hypot(width, height);
  const lineW = 1.2; // half-width of the faint cross lines, px

  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const v = y / height;
      // Soft diagonal gradient (top-left light to bottom-right darker).
      const d = (x + y) / (width + height);

      // Ridge line of the slope: a straight diagonal plus two gentle waves.
      const ridge =
        height *
        (lerp(o.y0, o.y1, u) +
          o.wave * Math.sin(u * Math.PI * 2.3 + o.phase) +
          o.wave * 0.45 * Math.sin(u * Math.PI * 7.1 + o.phase * 2));

      const sky = mix(skyTop, skyLow, Math.min(1, v * 1.2 + d * 0.2));
      let slope = mix(slopeTop, slopeLow, smoothstep(ridge, height, y) * 0.85 + d * 0.15);
      // A lighter, rock-like cliff face just below the ridge.
      const face = 1 - smoothstep(0, height * 0.09, y - ridge);
      slope = mix(slope, rock, face * 0.55);

      const t = smoothstep(ridge - 3, ridge + 3, y); // soft edge between sky and slope
      let c = mix(sky, slope, t);

      // Faint picture-box cross (the layout convention for "photo goes here").
      const dist1 = Math.abs(x * height - y * width) / diag;
      const dist2 = Math.abs(x * height + y * width - width * height) / diag;
      const onCross = Math.max(0, 1 - Math.min(dist1, dist2) / lineW);
      c = mix(c, [235, 237, 235], onCross * 0.35);

      // Gentle film grain from the seeded PRNG.
      const g = (rand() - 0.5) * 6;

      const i = (y * width + x) * 4;
      data[i] = clamp8(c[0] + g);
      data[i + 1] = clamp8(c[1] + g);
      data[i + 2] = clamp8(c[2] + g);
      data[i + 3] = 255;
    }
  }

  // Thin inset frame.
  const inset = 12;
  for (let y = inset; y < height - inset; y++) {
    for (let x = inset; x < width - inset; x++) {
      if (x === inset || x === width - inset - 1 || y === inset || y === height - inset - 1) {
        const i = (y * width + x) * 4;
        data[i] = clamp8(lerp(data[i], 240, 0.5));
        data[i + 1] = clamp8(lerp(data[i + 1], 240, 0.5));
        data[i + 2] = clamp8(lerp(data[i + 2], 240, 0.5));
      }
    }
  }

  return jpeg.encode({ data, width, height }, 85).data;
}

const photos = [
  {
    file: 'chenhao-survey.jpg',
    width: 1800,
    height: 1200,
    shape: { seed: 0x5eed01, y0: 0.42, y1: 0.7, wave: 0.035, phase: 0.6 },
  },
  {
    file: 'chenhao-team.jpg',
    width: 1800,
    height: 1290,
    shape: { seed: 0x5eed02, y0: 0.66, y1: 0.4, wave: 0.03, phase: 2.1 },
  },
];

mkdirSync(outDir, { recursive: true });
for (const p of photos) {
  const bytes = drawPlaceholder(p.width, p.height, p.shape);
  const path = join(outDir, p.file);
  writeFileSync(path, bytes);
  console.log(`${path}: ${p.width}x${p.height}, ${bytes.length} bytes`);
}
