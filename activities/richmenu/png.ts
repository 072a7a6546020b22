// Draws a rich-menu image: a PNG of the menu's exact size with one coloured panel per area and a
// light divider, encoded with Node's zlib (no image library needed for flat colours). LINE WORKS
// shows the image on mobile; on PC it lists the area labels.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

export type Rgb = readonly [number, number, number];

/** A width×height PNG split into vertical panels of the given colours. */
export function panelsPng(width: number, height: number, colours: readonly Rgb[]): Buffer {
  const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB
  const panel = Math.ceil(width / colours.length);
  for (let x = 0; x < width; x++) {
    const divider = x % panel < 6 && x >= panel;
    const [r, g, b] = divider ? ([255, 255, 255] as const) : (colours[Math.floor(x / panel)] ?? [0, 0, 0]);
    row[1 + x * 3] = r;
    row[2 + x * 3] = g;
    row[3 + x * 3] = b;
  }
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
