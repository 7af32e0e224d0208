import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { fieldInvalid } from '../../errors';
import type { LoadedTeam } from './queries';

// Attachments of channel messages: photos and PDFs only, recognised by their first bytes (the name
// and the declared type are not believed), at most 5 MB, stored under <data dir>/channel/<team>/
// by id (never by the uploader's file name). Downloads are audited by the route.

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** base64 of the largest file, for the route's schema */
export const ATTACHMENT_MAX_BASE64 = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;

const SIGNATURES: { mime: string; bytes: number[] }[] = [
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

export function sniff(content: Buffer): string | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => content[i] === b))?.mime ?? null;
}

/** A file name fit to show and to send in Content-Disposition: no path, no control characters. */
export function cleanFilename(name: string, mime: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\p{Cc}\p{Cf}"]/gu, '').trim().slice(-120);
  return base || (mime === 'application/pdf' ? 'lampiran.pdf' : 'foto');
}

export const attachmentPath = (dataDir: string, teamId: string, id: string) => path.join(dataDir, 'channel', teamId, id);

export async function storeAttachment(
  db: Kysely<Database>, dataDir: string, actor: Actor, team: LoadedTeam, input: { filename: string; contentBase64: string }, now = new Date(),
): Promise<{ id: string; filename: string; mime: string; size: number }> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64)) throw fieldInvalid('contentBase64', 'field.bad_base64');
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length > ATTACHMENT_MAX_BYTES) throw fieldInvalid('contentBase64', 'field.attachment_too_large', { limit: ATTACHMENT_MAX_BYTES / 1024 / 1024 });
  const mime = sniff(content);
  if (!mime) throw fieldInvalid('contentBase64', 'field.attachment_type');
  const id = randomUUID();
  const filename = cleanFilename(input.filename, mime);
  const file = attachmentPath(dataDir, team.id, id);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content, { flag: 'wx' });
  try {
    await db.transaction().execute(async (trx) => {
      await lockWrites(trx);
      await trx.insertInto('channel_attachments').values({
        id, team_id: team.id, message_id: null, filename, mime, size: content.length, sha256: createHash('sha256').update(content).digest('hex'),
        uploaded_by: actor.id, created_at: now.toISOString(),
      }).execute();
      await appendAudit(trx, actor, { action: 'channel.attachment.upload', resourceType: 'channel_attachment', resourceId: id, regionCode: team.region_code, detail: { teamId: team.id, mime, size: content.length } }, now);
    });
  } catch (err) {
    await fs.rm(file, { force: true });
    throw err;
  }
  return { id, filename, mime, size: content.length };
}
