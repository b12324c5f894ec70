#!/usr/bin/env node
// Draws images/icon.png (128 x 128): a node's YARN budget with executor containers, the product's idea in one picture.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a = 255]) => {
  const i = (y * size + x) * 4;
  pixels[i] = r; pixels[i + 1] = g; pixels[i + 2] = b; pixels[i + 3] = a;
};
const fill = (x0, y0, x1, y1, color) => { for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) set(x, y, color); };

fill(0, 0, size, size, [0, 0, 0, 0]);
// rounded background
for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
  const dx = Math.max(0, 14 - x, x - (size - 15)), dy = Math.max(0, 14 - y, y - (size - 15));
  if (dx * dx + dy * dy <= 14 * 14) set(x, y, [35, 47, 62]);
}
// the YARN budget frame
fill(16, 40, 112, 42, [230, 230, 230]); fill(16, 86, 112, 88, [230, 230, 230]);
fill(16, 40, 18, 88, [230, 230, 230]); fill(110, 40, 112, 88, [230, 230, 230]);
// executor containers that fit, and one that does not
const blue = [59, 130, 196], orange = [240, 148, 40], red = [208, 69, 58];
fill(21, 45, 39, 83, orange);
for (let i = 0; i < 3; i++) fill(42 + i * 21, 45, 60 + i * 21, 83, blue);
fill(104, 45, 122, 83, red);

const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4); header[8] = 8; header[9] = 6;
mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
console.log('wrote images/icon.png');
