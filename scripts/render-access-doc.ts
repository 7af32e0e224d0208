// npm run docs:access: writes docs/access.md from the code (field matrix, policies, routes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { renderAccessDoc } from '../src/server/policies/access-doc';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinergi-doc-'));
const app = await buildApp({ ...loadConfig({ SINERGI_DEMO: 'false', SINERGI_LOG: 'false', SINERGI_DATA_DIR: dir }), webDir: dir });
await app.ready();
fs.writeFileSync(path.resolve(import.meta.dirname, '../docs/access.md'), renderAccessDoc(app.accessTable));
await app.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log('docs/access.md written');
