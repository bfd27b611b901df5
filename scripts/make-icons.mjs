// Draws Tend's icon (two soft overlapping circles inside a plum disc) as PNGs, with no dependencies.
// Run: node scripts/make-icons.mjs  → public/icon/{16,32,48,128}.png
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const PLUM = [122, 74, 126];
const CREAM = [250, 240, 232];
const ROSE = [232, 190, 200];

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
/** Colour at a point of the unit square, or null for transparent. */
function shade(u, v) {
  const d = (cx, cy) => Math.hypot(u - cx, v - cy);
  if (d(0.5, 0.5) > 0.48) return null;
  const left = d(0.4, 0.52) < 0.2, right = d(0.6, 0.52) < 0.2;
  if (left && right) return ROSE;
  if (left || right) return CREAM;
  return PLUM;
}
mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const S = 4; // supersampling for soft edges
  const image = png(size, (x, y) => {
    let r = 0, g = 0, b = 0, a = 0;
    for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) {
      const c = shade((x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size);
      if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
    }
    return a ? [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (S * S))] : [0, 0, 0, 0];
  });
  writeFileSync(`public/icon/${size}.png`, image);
}
console.log('icons written');
