// Decode a JPEG or PNG file into an RgbaImage in Node (pure JS, no native deps),
// for the MRZ benchmark and CLI. The browser uses canvas ImageData instead.
import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbaImage } from '../../src/domain/mrz/types';

/** Transparent PNGs (some specimens) are meant to be seen on white paper, not black. */
function flattenOnWhite(d: Uint8ClampedArray): void {
  for (let i = 0; i < d.length; i += 4) {
    const a = d[i + 3];
    if (a === 255) continue;
    const k = a / 255;
    d[i] = d[i] * k + 255 * (1 - k);
    d[i + 1] = d[i + 1] * k + 255 * (1 - k);
    d[i + 2] = d[i + 2] * k + 255 * (1 - k);
    d[i + 3] = 255;
  }
}

/** Decode image bytes by sniffing the magic number (PNG or JPEG). */
export function decodeImageBuffer(buf: Buffer): RgbaImage {
  if (buf.length >= 8 && buf[0] === 0x89 && buf[1] === 0x50 && buf[2] === 0x4e && buf[3] === 0x47) {
    const png = PNG.sync.read(buf);
    const data = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
    flattenOnWhite(data);
    return { width: png.width, height: png.height, data };
  }
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8) {
    // maxMemoryUsageInMB raised: phone photos can exceed jpeg-js's 512 MB default guard only when huge
    const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length) };
  }
  throw new Error('unsupported image format (expected PNG or JPEG)');
}

/** Read and decode a JPEG or PNG file. */
export function decodeImageFile(path: string): RgbaImage {
  return decodeImageBuffer(readFileSync(path));
}
