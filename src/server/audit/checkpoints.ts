import { type KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { verifyAuditChain } from './log';
import { foldPending } from './pending';

// Signed checkpoints of the chain head. The hash chain shows edits inside the log; a copy of
// a signed {seq, hash, at} kept outside the database shows a log that was cut back and
// re-chained, because the rewritten log no longer contains the checkpointed entry.

export interface Checkpoint { seq: number; hash: string; at: string; keyId: string; signature: string }
export interface Signer { key: KeyObject; keyId: string; source: 'config' | 'generated' }

const SETTINGS_KEY = 'audit_signing_key';

/** The text that is signed: the checkpoint's three facts, in a fixed order. */
export const signedText = (c: { seq: number; hash: string; at: string }) => JSON.stringify({ seq: c.seq, hash: c.hash, at: c.at });

/** A short fingerprint of the public key, so a reader knows which key to check with. */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256').update(createPublicKey(key).export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** PEM, or base64 of PKCS#8 DER. Throws when it is not an Ed25519 private key. */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.includes('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key must be an Ed25519 private key');
  return key;
}

/**
 * The signing key: from configuration; in demo/development without one, a generated key kept
 * in settings (fine for trying it out, worthless as evidence); in production without one, none.
 */
export async function loadSigner(db: Kysely<Database>, config: { auditSigningKey?: string; production: boolean }, log: (msg: string) => void = console.warn): Promise<Signer | null> {
  if (config.auditSigningKey) {
    const key = parseSigningKey(config.auditSigningKey);
    return { key, keyId: keyIdOf(key), source: 'config' };
  }
  if (config.production) return null;
  const stored = await db.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
  if (!stored) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const value = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    await db.insertInto('settings').values({ key: SETTINGS_KEY, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  }
  const value = (await db.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirstOrThrow()).value;
  const key = parseSigningKey(value);
  log(`!!! sinergi: SINERGI_AUDIT_SIGNING_KEY is not set; audit checkpoints are signed with a key kept IN THE DATABASE (key id ${keyIdOf(key)}). `
    + 'Set SINERGI_AUDIT_SIGNING_KEY in production. !!!');
  return { key, keyId: keyIdOf(key), source: 'generated' };
}

/** Folds pending reads, then signs and stores the head. Null on an empty log. */
export async function writeCheckpoint(db: Kysely<Database>, signer: Signer, now = new Date()): Promise<Checkpoint | null> {
  await foldPending(db);
  const head = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!head) return null;
  const existing = await db.selectFrom('audit_checkpoints').selectAll().where('seq', '=', head.seq).executeTakeFirst();
  if (existing && existing.key_id === signer.keyId) return present(existing);
  const facts = { seq: Number(head.seq), hash: head.hash, at: now.toISOString() };
  const signature = sign(null, Buffer.from(signedText(facts)), signer.key).toString('base64');
  const row = { ...facts, key_id: signer.keyId, signature };
  await db.insertInto('audit_checkpoints').values(row)
    .onConflict((oc) => oc.column('seq').doUpdateSet({ hash: row.hash, at: row.at, key_id: row.key_id, signature: row.signature })).execute();
  return present(row);
}

export const present = (r: { seq: number; hash: string; at: string; key_id: string; signature: string }): Checkpoint =>
  ({ seq: Number(r.seq), hash: r.hash, at: r.at, keyId: r.key_id, signature: r.signature });

export function signatureHolds(c: Checkpoint, key: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(signedText(c)), createPublicKey(key), Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

export type CheckpointReport =
  | { ok: true; checkpoints: number; entries: number }
  | { ok: false; index: number; seq: number | null; reason: string };

/**
 * Proves the log still contains each checkpoint (its entry exists with that hash), that the
 * signatures hold when the key is at hand, and that the chain verifies up to its head.
 */
export async function verifyCheckpoints(db: Kysely<Database>, lines: string[], key: KeyObject | null): Promise<CheckpointReport> {
  await foldPending(db);
  const checkpoints = lines.map((l) => l.trim()).filter(Boolean);
  for (const [index, line] of checkpoints.entries()) {
    let c: Checkpoint;
    try {
      c = JSON.parse(line) as Checkpoint;
      if (!Number.isInteger(c.seq) || typeof c.hash !== 'string') throw new Error();
    } catch {
      return { ok: false, index: index + 1, seq: null, reason: 'not a checkpoint (JSON with seq, hash, at, signature)' };
    }
    if (key && (c.keyId !== keyIdOf(key) || !signatureHolds(c, key))) {
      return { ok: false, index: index + 1, seq: c.seq, reason: 'its signature does not verify with the configured key' };
    }
    const entry = await db.selectFrom('audit_log').select('hash').where('seq', '=', c.seq).executeTakeFirst();
    if (!entry) return { ok: false, index: index + 1, seq: c.seq, reason: `entry ${c.seq} is no longer in the log` };
    if (entry.hash !== c.hash) return { ok: false, index: index + 1, seq: c.seq, reason: `entry ${c.seq} has a different hash (the log was rewritten)` };
  }
  const chain = await verifyAuditChain(db);
  if (!chain.ok) return { ok: false, index: 0, seq: chain.firstBroken!.seq, reason: `the chain is broken at entry ${chain.firstBroken!.seq}: ${chain.firstBroken!.reason}` };
  return { ok: true, checkpoints: checkpoints.length, entries: chain.entries };
}

/** The key to check signatures with, without generating one: configured, else the stored dev key. */
export async function existingKey(db: Kysely<Database>, config: { auditSigningKey?: string }): Promise<KeyObject | null> {
  if (config.auditSigningKey) return parseSigningKey(config.auditSigningKey);
  const stored = await db.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
  return stored ? parseSigningKey(stored.value) : null;
}
