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
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.SINERGI_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo,
    production,
    webDir: path.resolve(env.SINERGI_WEB_DIR || './dist/web'),
    secureCookies: flag(env.SINERGI_SECURE_COOKIES, production),
    logger: flag(env.SINERGI_LOG, true),
    publicDocs: flag(env.SINERGI_PUBLIC_DOCS, !production),
    auditSigningKey,
  };
}
