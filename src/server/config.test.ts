import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, mapTileOrigin } from './config';

describe('loadConfig', () => {
  it('has safe defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', demo: true, production: false });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
  });
  it('turns demo off in production and refuses demo mode there', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', SINERGI_DEMO: 'true' })).toThrow(ConfigError);
  });
  it('rejects a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
  });
  it('takes DATABASE_URL for PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe('postgres://u@h/db');
  });
  it('keeps the API docs behind sign-in in production unless SINERGI_PUBLIC_DOCS=1', () => {
    expect(loadConfig({}).publicDocs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).publicDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SINERGI_PUBLIC_DOCS: '1' }).publicDocs).toBe(true);
  });
  it('takes an Ed25519 audit signing key as PEM or base64 PKCS#8 and refuses anything else', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(loadConfig({ SINERGI_AUDIT_SIGNING_KEY: pem }).auditSigningKey).toBe(pem);
    expect(loadConfig({ SINERGI_AUDIT_SIGNING_KEY: der }).auditSigningKey).toBe(der);
    expect(() => loadConfig({ SINERGI_AUDIT_SIGNING_KEY: 'not-a-key' })).toThrow(ConfigError);
  });
  it('trusts no proxy by default and takes addresses and CIDRs from SINERGI_TRUST_PROXY', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ SINERGI_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,loopback' }).trustProxy)
      .toEqual(['10.0.0.1', '192.168.0.0/16', '::1', 'loopback']);
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1']) {
      expect(() => loadConfig({ SINERGI_TRUST_PROXY: bad })).toThrow(ConfigError);
    }
  });
  it('writes mail to <data dir>/outbox unless SINERGI_SMTP_URL names an SMTP server', () => {
    const c = loadConfig({ SINERGI_DATA_DIR: '/srv/sinergi' });
    expect(c.smtpUrl).toBeUndefined();
    expect(c.mailOutboxDir).toBe('/srv/sinergi/outbox');
    expect(c.mailFrom).toMatch(/Sinergi/);
    expect(loadConfig({ SINERGI_SMTP_URL: 'smtp://u:p@mail.example:587', SINERGI_MAIL_FROM: 'Kanim <a@b.id>' })).toMatchObject({ smtpUrl: 'smtp://u:p@mail.example:587', mailFrom: 'Kanim <a@b.id>' });
    for (const bad of ['mail.example', 'http://mail.example', 'smtp://']) expect(() => loadConfig({ SINERGI_SMTP_URL: bad })).toThrow(ConfigError);
  });
  it('builds links in mail from SINERGI_PUBLIC_URL, never from a request', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ SINERGI_PUBLIC_URL: 'https://sinergi.example.go.id/' }).publicUrl).toBe('https://sinergi.example.go.id');
    expect(() => loadConfig({ SINERGI_PUBLIC_URL: 'ftp://x' })).toThrow(ConfigError);
  });
  it('takes map tiles from SINERGI_MAP_TILE_URL only (none by default) and lets pages load images from that host', () => {
    expect(loadConfig({}).mapTileUrl).toBeUndefined();
    expect(mapTileOrigin(loadConfig({}))).toBeUndefined();
    const c = loadConfig({ SINERGI_MAP_TILE_URL: 'https://tiles.example.go.id/osm/{z}/{x}/{y}.png', SINERGI_MAP_ATTRIBUTION: '© OpenStreetMap' });
    expect(c).toMatchObject({ mapTileUrl: 'https://tiles.example.go.id/osm/{z}/{x}/{y}.png', mapAttribution: '© OpenStreetMap' });
    expect(mapTileOrigin(c)).toBe('https://tiles.example.go.id');
    expect(mapTileOrigin(loadConfig({ SINERGI_MAP_TILE_URL: 'https://{s}.tiles.example/{z}/{x}/{y}.png' }))).toBe('https://*.tiles.example');
    expect(mapTileOrigin(loadConfig({ SINERGI_MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png' }))).toBeUndefined();
    for (const bad of ['https://tiles.example/{z}/{x}.png', 'ftp://t.example/{z}/{x}/{y}.png', '//t.example/{z}/{x}/{y}.png', 'tiles {z}{x}{y}']) {
      expect(() => loadConfig({ SINERGI_MAP_TILE_URL: bad }), bad).toThrow(ConfigError);
    }
  });
});
