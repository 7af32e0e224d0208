import { isIP } from 'node:net';
import path from 'node:path';
import { parseSigningKey } from './audit/checkpoints';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres:// switches to PostgreSQL; otherwise the SQLite file in dataDir */
  databaseUrl?: string;
  demo: boolean;
  production: boolean;
  /** directory of the built web app; served at / when it exists */
  webDir: string;
  /** mark the session cookie Secure (behind HTTPS) */
  secureCookies: boolean;
  /** log requests (pino); off in tests */
  logger: boolean;
  /** serve /docs and /openapi.json without sign-in (always so outside production) */
  publicDocs: boolean;
  /** Ed25519 private key (PEM or base64 PKCS#8) that signs audit checkpoints */
  auditSigningKey?: string;
  /** proxies whose X-Forwarded-For is believed (addresses/CIDRs); empty: the socket's address is the client */
  trustProxy: string[];
  /** SMTP server for outgoing mail (smtp:// or smtps://user:pass@host:port); none: mail is written to mailOutboxDir */
  smtpUrl?: string;
  /** the From of outgoing mail */
  mailFrom: string;
  /** where mail goes as .eml files when no SMTP server is set (development): <data dir>/outbox */
  mailOutboxDir: string;
  /** the address users reach the app at, for links in e-mails (never taken from a request's Host header) */
  publicUrl: string;
  /** days a team-channel message is kept (SINERGI_CHANNEL_RETENTION_DAYS); pinned guides are kept always */
  channelRetentionDays: number;
  /** map tiles (SINERGI_MAP_TILE_URL, e.g. https://tiles.example/{z}/{x}/{y}.png); none: markers on a plain background */
  mapTileUrl?: string;
  /** the tiles' attribution line (SINERGI_MAP_ATTRIBUTION) */
  mapAttribution?: string;
  /** the public page of present counts per district, without sign-in (SINERGI_PUBLIC_STATS; default off) */
  publicStats: boolean;
  /** hours an export file is kept before housekeeping deletes it (SINERGI_EXPORT_RETENTION_HOURS; default 24) */
  exportRetentionHours: number;
  /** minutes between sweeps of the alert rules over everyone present (SINERGI_ALERT_SWEEP_MINUTES; default 60; 0: off, e.g. for benchmarks) */
  alertSweepMinutes: number;
  /** read-only worker connections for heavy reads on SQLite (SINERGI_SQLITE_READERS; default 2; 0: reads on the app's connection) */
  sqliteReaders: number;
}

export class ConfigError extends Error {}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** Reads configuration from the environment. Throws ConfigError on unsafe or malformed settings. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const demo = flag(env.SINERGI_DEMO, !production);
  if (demo && production) {
    throw new ConfigError('SINERGI_DEMO must not be on when NODE_ENV=production (demo accounts share a published password)');
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT is not a port number: ${env.PORT}`);
  const auditSigningKey = env.SINERGI_AUDIT_SIGNING_KEY || undefined;
  if (auditSigningKey) {
    try {
      parseSigningKey(auditSigningKey);
    } catch (err) {
      throw new ConfigError(`SINERGI_AUDIT_SIGNING_KEY is not an Ed25519 private key (PEM or base64 PKCS#8): ${err instanceof Error ? err.message : err}`);
    }
  }
  const dataDir = path.resolve(env.SINERGI_DATA_DIR || './data');
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    demo,
    production,
    webDir: path.resolve(env.SINERGI_WEB_DIR || './dist/web'),
    secureCookies: flag(env.SINERGI_SECURE_COOKIES, production),
    logger: flag(env.SINERGI_LOG, true),
    publicDocs: flag(env.SINERGI_PUBLIC_DOCS, !production),
    auditSigningKey,
    trustProxy: trustedProxies(env.SINERGI_TRUST_PROXY),
    smtpUrl: smtpUrl(env.SINERGI_SMTP_URL),
    mailFrom: env.SINERGI_MAIL_FROM || 'Sinergi <no-reply@localhost>',
    mailOutboxDir: path.join(dataDir, 'outbox'),
    publicUrl: publicUrl(env.SINERGI_PUBLIC_URL, port),
    channelRetentionDays: retentionDays(env.SINERGI_CHANNEL_RETENTION_DAYS),
    mapTileUrl: mapTileUrl(env.SINERGI_MAP_TILE_URL),
    mapAttribution: env.SINERGI_MAP_ATTRIBUTION || undefined,
    publicStats: flag(env.SINERGI_PUBLIC_STATS, false),
    exportRetentionHours: exportRetention(env.SINERGI_EXPORT_RETENTION_HOURS),
    alertSweepMinutes: sweepMinutes(env.SINERGI_ALERT_SWEEP_MINUTES),
    sqliteReaders: sqliteReaders(env.SINERGI_SQLITE_READERS),
  };
}

/** SINERGI_CHANNEL_RETENTION_DAYS: whole days, at least 1; default two years. */
function retentionDays(value: string | undefined): number {
  if (!value) return 730;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 36500) throw new ConfigError(`SINERGI_CHANNEL_RETENTION_DAYS must be a whole number of days (1-36500): ${value}`);
  return days;
}

/** SINERGI_MAP_TILE_URL: an http(s) URL or a path on this server, with {z}, {x} and {y}; nothing is fetched at start. */
function mapTileUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!['{z}', '{x}', '{y}'].every((p) => value.includes(p))) throw new ConfigError('SINERGI_MAP_TILE_URL must contain {z}, {x} and {y}');
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`SINERGI_MAP_TILE_URL is not a URL: ${value}`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new ConfigError('SINERGI_MAP_TILE_URL must start with http://, https:// or /');
  return value;
}

/** The origin tiles load from, for the page's Content-Security-Policy (none for tiles on this server). */
export function mapTileOrigin(config: Pick<Config, 'mapTileUrl'>): string | undefined {
  if (!config.mapTileUrl || config.mapTileUrl.startsWith('/')) return undefined;
  // {s} subdomains: allow the parent domain's hosts
  const url = new URL(config.mapTileUrl.replace('{s}', 'tile'));
  return config.mapTileUrl.includes('{s}') ? `${url.protocol}//*.${url.host.split('.').slice(1).join('.')}` : url.origin;
}

/** SINERGI_ALERT_SWEEP_MINUTES: whole minutes, 0 (off) to a day; default an hour. */
function sweepMinutes(value: string | undefined): number {
  if (!value) return 60;
  const minutes = Number(value);
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) throw new ConfigError(`SINERGI_ALERT_SWEEP_MINUTES must be a whole number of minutes (0-1440): ${value}`);
  return minutes;
}

/** SINERGI_SQLITE_READERS: 0-16 worker connections; default 2 (this machine's cores). */
function sqliteReaders(value: string | undefined): number {
  if (!value) return 2;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 16) throw new ConfigError(`SINERGI_SQLITE_READERS must be a whole number from 0 to 16: ${value}`);
  return n;
}

/** SINERGI_EXPORT_RETENTION_HOURS: whole hours, at least 1; default a day. */
function exportRetention(value: string | undefined): number {
  if (!value) return 24;
  const hours = Number(value);
  if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 365) throw new ConfigError(`SINERGI_EXPORT_RETENTION_HOURS must be a whole number of hours (1-8760): ${value}`);
  return hours;
}

/** SINERGI_SMTP_URL: smtp:// or smtps:// with a host; anything else would fail only at the first mail. */
function smtpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('SINERGI_SMTP_URL is not a URL (smtp://user:pass@host:port)');
  }
  if (!['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) throw new ConfigError('SINERGI_SMTP_URL must be smtp:// or smtps://user:pass@host:port');
  return value;
}

/** SINERGI_PUBLIC_URL: http(s) origin (and path) of the app; links in mails start with it. */
function publicUrl(value: string | undefined, port: number): string {
  if (!value) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`SINERGI_PUBLIC_URL is not a URL: ${value}`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new ConfigError('SINERGI_PUBLIC_URL must start with http:// or https://');
  return value.replace(/\/+$/, '');
}

// proxy-addr's names for whole ranges, accepted beside addresses and CIDRs
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * SINERGI_TRUST_PROXY: comma-separated addresses or CIDRs of the reverse proxies in front of us.
 * Only a request arriving from one of them may name the client in X-Forwarded-For; anyone
 * else could otherwise pick a fresh "address" per request and walk past the login throttle.
 */
function trustedProxies(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const version = isIP(address);
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
    if (!(PROXY_RANGE_NAMES.includes(entry) || (version !== 0 && validBits && extra === undefined))) {
      throw new ConfigError(`SINERGI_TRUST_PROXY: not an address or CIDR: ${entry}`);
    }
  }
  return entries;
}
