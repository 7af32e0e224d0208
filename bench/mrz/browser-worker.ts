// Web Worker for the browser timing: decodes a JPEG and runs readMrz on it, as the
// product's capture screen will.
import { readMrz } from '../../src/domain/mrz/index';

interface Job { id: number; jpeg: ArrayBuffer }

self.onmessage = async (ev: MessageEvent<Job>): Promise<void> => {
  const { id, jpeg } = ev.data;
  const t0 = performance.now();
  const bmp = await createImageBitmap(new Blob([jpeg], { type: 'image/jpeg' }));
  const canvas = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(bmp, 0, 0);
  const data = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
  const t1 = performance.now();
  const r = readMrz({ width: bmp.width, height: bmp.height, data });
  const t2 = performance.now();
  self.postMessage({ id, readMs: t2 - t1, totalMs: t2 - t0, valid: r.valid, lines: r.lines, fields: r.fields });
};
