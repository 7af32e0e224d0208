// Write N synthetic pages as image files plus a truth.json in the specimens' format.
// Usage: npx tsx scripts/mrz/synth/write-samples.ts <dir> [--n 30] [--level hard] [--seed test|train|tune|<number>] [--png]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { BENCH_LEVELS, generatePage, SEEDS, type Level } from './index';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir || dir.startsWith('--')) throw new Error('usage: write-samples.ts <dir> [--n N] [--level <level>|all] [--seed test|train|tune|N] [--png]');
  const n = Number(arg('n', '30'));
  const levelArg = arg('level', 'all');
  const levels: Level[] = levelArg === 'all' ? [...BENCH_LEVELS] : [levelArg as Level];
  const seedArg = arg('seed', 'test');
  const seed = seedArg in SEEDS ? SEEDS[seedArg as keyof typeof SEEDS] : Number(seedArg);
  const png = process.argv.includes('--png');
  mkdirSync(dir, { recursive: true });
  const truth: unknown[] = [];
  for (const level of levels) {
    for (let index = 0; index < n; index++) {
      const page = await generatePage({ seed, index, level });
      const file = `${level}-${String(index).padStart(4, '0')}.${png ? 'png' : 'jpg'}`;
      if (png) {
        const c = createCanvas(page.image.width, page.image.height);
        const ctx = c.getContext('2d');
        const id = ctx.createImageData(page.image.width, page.image.height);
        id.data.set(page.image.data);
        ctx.putImageData(id, 0, 0);
        writeFileSync(join(dir, file), await c.encode('png'));
      } else {
        writeFileSync(join(dir, file), page.jpeg!);
      }
      truth.push({
        file, kind: page.kind, lines: page.lines, fields: page.fields, checkDigitsValid: true, uncertain: false,
        level, seed, index, mrzQuad: page.mrzQuad.map((p) => p.map((v) => Math.round(v * 10) / 10)),
        source: 'synthetic (scripts/mrz/synth)',
      });
    }
  }
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth, null, 1) + '\n');
  console.log(`wrote ${truth.length} pages and truth.json to ${dir}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
