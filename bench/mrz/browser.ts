// Browser timing: readMrz in a Web Worker in headless Chromium (Debian's /usr/bin/chromium
// driven by playwright-core), on test pages of every level. Run alone with
// `npx tsx bench/mrz/browser.ts [--pages 30]`, or as part of `npm run bench:mrz`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { generatePage, LEVELS, SEEDS } from '../../scripts/mrz/synth/index';
import type { MrzFields } from '../../src/domain/mrz/types';
import { wrongFields } from './fields';
import { median } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserResult {
  n: number;
  right: number;
  medianMs: number;
  medianTotalMs: number;
  bundleBytes: number;
  version: string;
}

/** The worker bundle: the reader with its model, minified, as a browser would load it. */
export async function bundleWorker(entry = join(import.meta.dirname, 'browser-worker.ts')): Promise<string> {
  const res = await build({
    entryPoints: [entry],
    bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false,
  });
  return res.outputFiles[0].text;
}

export async function runBrowserBench(opts: { pages: number; log?: (s: string) => void; entry?: string }): Promise<BrowserResult> {
  const log = opts.log ?? ((s: string) => process.stderr.write(s + '\n'));
  const workerJs = await bundleWorker(opts.entry);
  const per = Math.ceil(opts.pages / LEVELS.length);
  const pages: Array<{ jpeg: Buffer; fields: MrzFields }> = [];
  for (const level of LEVELS) {
    for (let index = 0; index < per; index++) {
      const p = await generatePage({ seed: SEEDS.test, index, level });
      pages.push({ jpeg: p.jpeg!, fields: p.fields });
    }
  }
  const html = `<!doctype html><meta charset="utf-8"><title>mrz bench</title><body>mrz bench<script>
async function runBench(n) {
  const worker = new Worker('/worker.js', { type: 'module' });
  const run = (id, jpeg) => new Promise((resolve, reject) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ id, jpeg }, [jpeg]);
  });
  const img = async (i) => (await fetch('/img/' + i + '.jpg')).arrayBuffer();
  await run(-1, await img(0)); // warm-up (model unpacking, JIT), not counted
  const results = [];
  for (let i = 0; i < n; i++) results.push(await run(i, await img(i)));
  worker.terminate();
  return results;
}
</script></body>`;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(html); return; }
    if (url === '/worker.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(workerJs); return; }
    const m = /^\/img\/(\d+)\.jpg$/.exec(url);
    if (m && pages[Number(m[1])]) { res.writeHead(200, { 'content-type': 'image/jpeg' }); res.end(pages[Number(m[1])].jpeg); return; }
    res.writeHead(404); res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    // a string, not a function: tsx would inject helpers (__name) the page does not have
    const out = (await page.evaluate(`runBench(${pages.length})`)) as Array<{ readMs: number; totalMs: number; fields: MrzFields | null }>;
    const right = out.filter((r, i) => wrongFields(pages[i].fields, r.fields).length === 0).length;
    const result: BrowserResult = {
      n: out.length, right,
      medianMs: Math.round(median(out.map((r) => r.readMs)) * 10) / 10,
      medianTotalMs: Math.round(median(out.map((r) => r.totalMs)) * 10) / 10,
      bundleBytes: Buffer.byteLength(workerJs), version: browser.version(),
    };
    log(`browser: median ${result.medianMs} ms (with decode ${result.medianTotalMs} ms), ${right}/${out.length} right, bundle ${Math.round(result.bundleBytes / 1024)} KiB`);
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && process.argv[1].endsWith('browser.ts')) {
  const i = process.argv.indexOf('--pages');
  runBrowserBench({ pages: i > 0 ? Number(process.argv[i + 1]) : 30 })
    .then((r) => console.log(JSON.stringify(r, null, 1)))
    .catch((e) => { console.error(e); process.exit(1); });
}
