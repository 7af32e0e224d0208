import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Operation, type Schema, operationsOf } from '../fixtures/routes';
import { type TestServer, startTestServer } from '../fixtures/server';

// Every route's contract is closed and bounded: a body object without
// `additionalProperties: false` would store or ignore whatever a client invents, and an
// unbounded number in a query string reaches the database as an out-of-range integer.

/** Paths (JSON pointer-ish) of object schemas inside `schema` that accept unknown keys. */
function openObjects(schema: unknown, at = '#'): string[] {
  if (!schema || typeof schema !== 'object') return [];
  if (Array.isArray(schema)) return schema.flatMap((s, i) => openObjects(s, `${at}/${i}`));
  const s = schema as Schema;
  const types = ([] as unknown[]).concat(s.type ?? []);
  const isObject = types.includes('object') || s.properties !== undefined;
  const own = isObject && s.additionalProperties !== false ? [at] : [];
  return own.concat(Object.entries(s).flatMap(([k, v]) => (k === 'enum' || k === 'default' || k === 'examples' || k === 'example' ? [] : openObjects(v, `${at}/${k}`))));
}

describe('route schemas', () => {
  let server: TestServer;
  let operations: Operation[];
  beforeAll(async () => {
    server = await startTestServer({ kind: 'sqlite' });
    operations = await operationsOf(server);
  });
  afterAll(async () => server?.close());

  it('every object in every body schema refuses unknown properties', () => {
    const withBody = operations.filter((o) => o.body);
    expect(withBody.length).toBeGreaterThan(5);
    const open = withBody.flatMap((o) => openObjects(o.body).map((p) => `${o.method} ${o.path} ${p}`));
    expect(open).toEqual([]);
  });

  it('every numeric query or path parameter has a maximum', () => {
    const unbounded = operations.flatMap((o) => o.params
      .filter((p) => ['integer', 'number'].includes(String(p.schema.type)) && typeof p.schema.maximum !== 'number')
      .map((p) => `${o.method} ${o.path} ${p.name}`));
    expect(unbounded).toEqual([]);
  });

  it('the walk itself finds an open object', () => {
    expect(openObjects({ type: 'object', additionalProperties: false, properties: { a: { type: 'object', properties: {} } } })).toEqual(['#/properties/a']);
  });
});
