// The MRZ reader runs here, off the main thread. The image arrives as pixels from the page
// and never leaves the device: this worker makes no network request.
import { readMrz } from 'virtual:mrz-reader';
import type { MrzReading, RgbaImage } from '../../../domain/mrz/types';

export interface MrzRequest { id: number; image: RgbaImage; options?: { tryRotations?: boolean } }
export type MrzResponse = { id: number; reading: MrzReading } | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<MrzRequest>) => {
  const { id, image, options } = event.data;
  try {
    const reading = await readMrz(image, options);
    scope.postMessage({ id, reading } satisfies MrzResponse);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies MrzResponse);
  }
};
