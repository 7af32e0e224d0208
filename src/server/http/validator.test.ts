import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerValidatorCompiler, withClosedKeyword } from './validator';

async function appWithRoute() {
  const app = Fastify();
  registerValidatorCompiler(app);
  const body = { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string' }, inner: { type: 'object', additionalProperties: false, properties: { n: { type: 'integer' } } } } };
  const querystring = { type: 'object', additionalProperties: false, properties: { page: { type: 'integer', maximum: 10 } } };
  app.post('/t', { schema: { body, querystring } }, async (request) => ({ body: request.body, query: request.query }));
  return app;
}

describe('validator compiler', () => {
  it('does not coerce bodies (a boolean is not a name)', async () => {
    const app = await appWithRoute();
    const res = await app.inject({ method: 'POST', url: '/t', payload: { name: true } });
    expect(res.statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/t', payload: { name: 'x', inner: { n: '5' } } })).statusCode).toBe(400);
  });
  it('still coerces query strings', async () => {
    const app = await appWithRoute();
    const res = await app.inject({ method: 'POST', url: '/t?page=3', payload: { name: 'x' } });
    expect(res.json()).toEqual({ body: { name: 'x' }, query: { page: 3 } });
  });
  it('reports unknown keys once per object, however many', async () => {
    const app = await appWithRoute();
    const extra = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    const res = await app.inject({ method: 'POST', url: '/t', payload: { name: 'x', ...extra, inner: { n: 1, ...extra } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message.split(',')).toHaveLength(2);
  });
  it('keeps the route schema as written (for the OpenAPI document)', () => {
    const schema = { type: 'object', additionalProperties: false, properties: { a: { enum: [{ additionalProperties: false }] } } };
    const copy = withClosedKeyword(schema) as Record<string, unknown>;
    expect(schema.additionalProperties).toBe(false);
    expect(copy).toEqual({ type: 'object', closedProperties: ['a'], properties: { a: { enum: [{ additionalProperties: false }] } } });
  });
});
