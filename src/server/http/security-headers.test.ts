import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders } from './security-headers';

describe('security headers', () => {
  const app = Fastify();
  registerSecurityHeaders(app);
  app.get('/dashboard', async (_req, reply) => reply.type('text/html').send('<!doctype html>'));
  app.get('/docs/index.html', async (_req, reply) => reply.type('text/html').send('<!doctype html>'));
  app.get('/api/v1/thing', async () => ({ ok: true }));

  it('confines web pages to the app itself', async () => {
    const page = await app.inject('/dashboard');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await app.inject('/docs/index.html')).headers['content-security-policy']).toBeUndefined();
  });

  it('keeps API answers out of caches', async () => {
    const api = await app.inject('/api/v1/thing');
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends HSTS only when told the app runs behind HTTPS', async () => {
    expect((await app.inject('/dashboard')).headers['strict-transport-security']).toBeUndefined();
    const secure = Fastify();
    registerSecurityHeaders(secure, { hsts: true });
    secure.get('/api/v1/thing', async () => ({ ok: true }));
    expect((await secure.inject('/api/v1/thing')).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
  it('lets images come from the configured tile server, and from nowhere else', async () => {
    expect((await app.inject('/dashboard')).headers['content-security-policy']).toContain("img-src 'self' data: blob:;");
    const tiles = Fastify();
    registerSecurityHeaders(tiles, { imgSources: ['https://tiles.example.go.id'] });
    tiles.get('/peta', async (_req, reply) => reply.type('text/html').send('<!doctype html>'));
    expect((await tiles.inject('/peta')).headers['content-security-policy']).toContain("img-src 'self' data: blob: https://tiles.example.go.id;");
  });
});
