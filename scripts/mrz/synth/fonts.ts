// Font registration for @napi-rs/canvas. OCR-B comes from Debian's fonts-ocr-b.
import { existsSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';

export const OCRB_PATH = '/usr/share/fonts/opentype/ocr-b/OCRB.otf';
export const MRZ_FONT = 'SynthOCRB';
/** Families for the printed visual zone and the background clutter. */
export const TEXT_FONTS = ['SynthSans', 'SynthSerif', 'SynthCond', 'SynthMono'] as const;

const OTHER: Array<[string, string]> = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'SynthSans'],
  ['/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf', 'SynthSerif'],
  ['/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf', 'SynthCond'],
  ['/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf', 'SynthMono'],
];

let done = false;

/** Register fonts once; OCR-B is required, the others fall back to any system font. */
export function ensureFonts(): void {
  if (done) return;
  if (!existsSync(OCRB_PATH)) throw new Error(`OCR-B font missing: install Debian's fonts-ocr-b (${OCRB_PATH})`);
  GlobalFonts.registerFromPath(OCRB_PATH, MRZ_FONT);
  for (const [path, alias] of OTHER) if (existsSync(path)) GlobalFonts.registerFromPath(path, alias);
  done = true;
}
