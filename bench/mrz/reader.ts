// The reader under test, loaded lazily so the harness still runs (baseline only) while
// src/domain/mrz/index.ts is missing or broken.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MrzReading, RgbaImage } from '../../src/domain/mrz/types';

export type ReadFn = (img: RgbaImage) => MrzReading | Promise<MrzReading>;

export async function loadReader(): Promise<{ read: ReadFn | null; error?: string }> {
  try {
    const mod = (await import('../../src/domain/mrz/index')) as { readMrz?: ReadFn };
    if (typeof mod.readMrz !== 'function') return { read: null, error: 'src/domain/mrz/index.ts exports no readMrz' };
    return { read: mod.readMrz };
  } catch (e) {
    return { read: null, error: `cannot load the reader: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** Bytes of everything the reader ships besides code: the model folder. */
export function modelAssetBytes(root: string): { bytes: number; files: string[] } {
  const dir = join(root, 'src/domain/mrz/model');
  const files: string[] = [];
  let bytes = 0;
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else { bytes += s.size; files.push(p.slice(root.length + 1)); }
    }
  };
  try { walk(dir); } catch { /* no model yet */ }
  return { bytes, files };
}
