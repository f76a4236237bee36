/**
 * Draws Kaohe's ribbon and add-in icons (assets/icon-<size>.png): a coloured rounded square
 * with three white bars of falling height (a ranking) and a check mark on the first.
 * Pure Node (zlib for PNG compression); no image library needed.
 *
 * Run: `npx tsx scripts/make-icons.ts` (rewrites the files; the output is deterministic).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

/** Sizes the manifest uses: 16/32/80 for ribbon buttons, 32/64 for the add-in icon, 128 for stores. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = [number, number, number, number];

const BACKGROUND: Rgba = [0x1f, 0x6f, 0xb5, 255]; // a calm blue
const FOREGROUND: Rgba = [255, 255, 255, 255];
const ACCENT: Rgba = [0xff, 0xc8, 0x3d, 255]; // gold for the first place

/** Shape test in unit coordinates (0..1 across the icon): which colour covers point (x, y), or null. */
function colourAt(x: number, y: number): Rgba | null {
  // Rounded square: corner radius 0.18.
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // Three bars, bottom-aligned at 0.8, heights falling: a ranking.
  const bars: { left: number; top: number; colour: Rgba }[] = [
    { left: 0.18, top: 0.3, colour: ACCENT },
    { left: 0.43, top: 0.45, colour: FOREGROUND },
    { left: 0.68, top: 0.58, colour: FOREGROUND },
  ];
  for (const bar of bars) {
    if (x >= bar.left && x <= bar.left + 0.16 && y >= bar.top && y <= 0.8) return bar.colour;
  }
  // Base line under the bars.
  if (x >= 0.14 && x <= 0.88 && y >= 0.83 && y <= 0.87) return FOREGROUND;
  return BACKGROUND;
}

/**
 * Renders one icon as RGBA pixels, 4×4 supersampled so small sizes stay clean.
 * Cost: O(size² · 16).
 */
export function renderIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let red = 0, green = 0, blue = 0, alpha = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          red += colour[0] * colour[3];
          green += colour[1] * colour[3];
          blue += colour[2] * colour[3];
          alpha += colour[3];
        }
      }
      const at = (py * size + px) * 4;
      pixels[at] = alpha ? Math.round(red / alpha) : 0;
      pixels[at + 1] = alpha ? Math.round(green / alpha) : 0;
      pixels[at + 2] = alpha ? Math.round(blue / alpha) : 0;
      pixels[at + 3] = Math.round(alpha / (samples * samples));
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Encodes RGBA pixels as a PNG (8-bit RGBA, no interlace).
 * @example encodePng(2, new Uint8Array(16)).subarray(1, 4).toString() // => 'PNG'
 */
export function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(pixels.buffer, pixels.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes every icon into `folder`; returns the paths written. */
export function writeIcons(folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  return ICON_SIZES.map((size) => {
    const path = join(folder, `icon-${size}.png`);
    writeFileSync(path, encodePng(size, renderIcon(size)));
    return path;
  });
}

if (require.main === module) {
  for (const path of writeIcons(resolve(__dirname, '..', 'assets'))) process.stdout.write(`${path}\n`);
}
