import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAccessDoc } from '../../src/server/policies/access-doc';
import { withTestServer } from '../fixtures/server';

// docs/access.md is rendered from the code; when the code changes, the document must too.
describe('docs/access.md', () => {
  it('matches the field matrix, the policies and the route table (run npm run docs:access)', async () => {
    await withTestServer(async (server) => {
      const expected = renderAccessDoc(server.app.accessTable);
      expect(fs.readFileSync('docs/access.md', 'utf8')).toBe(expected);
    }, { demo: false });
  });
});
