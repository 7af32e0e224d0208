import { defineConfig, transformWithOxc, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const webRoot = resolve(here, 'src/web');
const outDir = resolve(here, 'dist/web');
const mrzIndex = resolve(here, 'src/domain/mrz/index.ts');
const API = process.env.SINERGI_API ?? 'http://127.0.0.1:3000';

/**
 * `virtual:mrz-reader` is the MRZ reader the browser worker runs. It is the real reader
 * (src/domain/mrz/index.ts) once that file exports readMrz, otherwise a stub that answers
 * "not found", so the web build never depends on the reader's progress.
 */
function mrzReader(): Plugin {
  const id = 'virtual:mrz-reader';
  const resolved = '\0' + id;
  return {
    name: 'sinergi-mrz-reader',
    resolveId(source) {
      if (source !== id) return null;
      return readerComplete() ? mrzIndex : resolved;
    },
    load(source) {
      if (source !== resolved) return null;
      return `export const readerAvailable = false;
export function readMrz() {
  return { valid: false, kind: null, lines: [], fields: null, uncertain: [], confidences: [], retake: 'not_found', ms: 0 };
}`;
    },
  };
}

/** Resolves a relative import the way the bundler would (.ts, .js, .json, /index.ts). */
function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.json`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  if (base.endsWith('.js') && existsSync(base.slice(0, -3) + '.ts')) return base.slice(0, -3) + '.ts';
  return null;
}

/** The reader is usable when index.ts exports readMrz and every file it imports exists. */
function readerComplete(): boolean {
  if (!existsSync(mrzIndex)) return false;
  if (!/export\s+(\{[^}]*\breadMrz\b|(async\s+)?function\s+readMrz|const\s+readMrz)/.test(readFileSync(mrzIndex, 'utf8'))) return false;
  const seen = new Set<string>();
  const queue = [mrzIndex];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(ts|tsx|js)$/.test(file)) continue;
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const spec = m[1] ?? m[2];
      const target = resolveLocal(file, spec);
      if (!target) {
        console.warn(`[sinergi] MRZ reader incomplete (${relative(here, file)} imports ${spec}); the worker uses a stub.`);
        return false;
      }
      queue.push(target);
    }
  }
  return true;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

/**
 * Builds src/web/sw.ts into dist/web/sw.js after the bundle is written, with the list of every
 * file of the build (JS, CSS, fonts, worker, MRZ model, icons) so the app opens offline.
 */
function serviceWorker(): Plugin {
  return {
    name: 'sinergi-service-worker',
    apply: 'build',
    async closeBundle() {
      if (!existsSync(outDir)) return;
      const files = listFiles(outDir)
        .map((f) => '/' + relative(outDir, f).split('\\').join('/'))
        .filter((f) => f !== '/sw.js' && !f.endsWith('.map'))
        .sort();
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)));
      const version = hash.digest('hex').slice(0, 12);
      const source = readFileSync(resolve(webRoot, 'sw.ts'), 'utf8')
        .replace('[/*PRECACHE*/]', JSON.stringify(['/', ...files.filter((f) => f !== '/index.html')]))
        .replace("'dev'/*VERSION*/", JSON.stringify(version));
      const { code } = await transformWithOxc(source, 'sw.ts', { lang: 'ts' });
      writeFileSync(join(outDir, 'sw.js'), code);
    },
  };
}

export default defineConfig({
  root: webRoot,
  publicDir: resolve(webRoot, 'public'),
  plugins: [react(), mrzReader(), serviceWorker()],
  worker: { format: 'es', plugins: () => [mrzReader()] },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // '/api/v1', not '/api': the web app's own modules live under /api/ (src/web/api/client.ts).
    proxy: {
      '/api/v1': { target: API, changeOrigin: false },
      '/healthz': API,
      '/openapi.json': API,
      '/docs': API,
    },
  },
  preview: {
    proxy: {
      '/api/v1': API,
      '/healthz': API,
    },
  },
});
