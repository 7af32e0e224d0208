/// <reference types="vite/client" />

declare module 'virtual:mrz-reader' {
  import type { MrzReading, RgbaImage } from '../domain/mrz/types';
  export function readMrz(image: RgbaImage, options?: { tryRotations?: boolean }): MrzReading | Promise<MrzReading>;
}
