import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from '../fixtures/server';

// Hotel software generates its client from /openapi.json. A document that breaks the OpenAPI
// schema, or operations without an operationId, make generators fail or invent names.

describe('/openapi.json', () => {
  let server: TestServer;
  let spec: { openapi: string; paths: Record<string, Record<string, { operationId?: string; responses?: object }>> };
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    spec = (await server.app.inject('/openapi.json')).json();
  });
  afterAll(async () => server?.close());

  it('is a valid OpenAPI document', async () => {
    const validator = new Validator();
    const result = await validator.validate(spec);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toMatch(/^3\./);
  });

  it('names every operation once and answers something for each', () => {
    const ids: string[] = [];
    const unnamed: string[] = [];
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        if (op.operationId) ids.push(op.operationId); else unnamed.push(`${method.toUpperCase()} ${path}`);
        expect(Object.keys(op.responses ?? {}).length, `${method} ${path} documents its answers`).toBeGreaterThan(0);
      }
    }
    expect(unnamed, 'every operation has an operationId').toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'operationIds are unique').toEqual([]);
    // the partner API's operations are named (docs/api.md lists them for client generators)
    expect(ids).toEqual(expect.arrayContaining(['createApiKey', 'listApiKeys', 'revokeApiKey', 'createStay', 'validateStay', 'createStaysBatch', 'listStays', 'checkOutStay', 'getStayReceipt']));
  });
});
