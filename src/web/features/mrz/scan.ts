// Decodes a photo in the browser and asks the worker to read its MRZ.
import type { MrzReading, RgbaImage } from '../../../domain/mrz/types';
import type { MrzRequest, MrzResponse } from './mrz.worker';

/** Long side of the image handed to the reader; larger photos are scaled down. */
const MAX_SIDE = 2400;

export async function decodeImage(file: Blob): Promise<RgbaImage> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    let ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (typeof OffscreenCanvas !== 'undefined') {
      ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    } else {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      ctx = canvas.getContext('2d', { willReadFrequently: true });
    }
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0, width, height);
    const data = ctx.getImageData(0, 0, width, height);
    return { width: data.width, height: data.height, data: data.data };
  } finally {
    bitmap.close();
  }
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: MrzReading) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./mrz.worker.ts', import.meta.url), { type: 'module', name: 'mrz' });
  worker.onmessage = (event: MessageEvent<MrzResponse>) => {
    const job = pending.get(event.data.id);
    if (!job) return;
    pending.delete(event.data.id);
    if ('error' in event.data) job.reject(new Error(event.data.error));
    else job.resolve(event.data.reading);
  };
  worker.onerror = (event) => {
    for (const job of pending.values()) job.reject(new Error(event.message || 'worker error'));
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

export function readInWorker(image: RgbaImage, options?: MrzRequest['options']): Promise<MrzReading> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const request: MrzRequest = { id, image, options };
    getWorker().postMessage(request, [image.data.buffer as ArrayBuffer]);
  });
}

export async function scanPassport(file: Blob): Promise<MrzReading> {
  const image = await decodeImage(file);
  return readInWorker(image);
}
