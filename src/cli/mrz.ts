// npm run cli -- mrz read <image>...  -> one JSON line per image:
//   { file, valid, fields, uncertain, ms }
// The image never leaves the machine; the reader is the same pure module the browser uses.
import { decodeImageFile } from '../../scripts/mrz/decode-image';
import { readMrz } from '../domain/mrz/index';

export async function runMrzCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const verbose = rest.includes('--verbose');
  const files = rest.filter((a) => !a.startsWith('--'));
  if (sub !== 'read' || files.length === 0) {
    console.error('usage: npm run cli -- mrz read <image>... [--verbose]');
    return 2;
  }
  let failures = 0;
  for (const file of files) {
    try {
      const img = decodeImageFile(file);
      const t0 = performance.now();
      const r = readMrz(img);
      const ms = Math.round(performance.now() - t0);
      const out: Record<string, unknown> = { file, valid: r.valid, fields: r.fields, uncertain: r.uncertain, ms };
      if (r.retake) out.retake = r.retake;
      if (verbose) { out.kind = r.kind; out.lines = r.lines; }
      console.log(JSON.stringify(out));
      if (!r.valid) failures++;
    } catch (err) {
      console.log(JSON.stringify({ file, valid: false, fields: null, uncertain: [], ms: 0, error: err instanceof Error ? err.message : String(err) }));
      failures++;
    }
  }
  return failures === 0 ? 0 : 1;
}
