import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { CaseAttachmentsTable, Database } from '../../db/schema';
import { conflict, fieldInvalid } from '../../errors';
import { authorize } from '../../policies';
import { addEvent, caseEvent, visibleCase } from './commands';

// Attachments of a case's timeline: photos and PDFs (a letter, a decree, a scan of a document
// seen). The type is read from the bytes, not from the name or what the client says; anything
// else is refused. Bytes are kept in the database so every instance serves them; downloads are
// sent as attachments (never rendered inline by the browser) and audited.

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** base64 of 5 MB plus some slack, so an oversized file is refused by its decoded size, naming the field */
export const MAX_BASE64_CHARS = 7_500_000;

const SIGNATURES: { type: string; ext: string; magic: number[] }[] = [
  { type: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

export function sniffType(bytes: Buffer): { type: string; ext: string } | null {
  const hit = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
  return hit ? { type: hit.type, ext: hit.ext } : null;
}

/** A name safe for a Content-Disposition header and a file system: no path, no quotes or controls. */
export function safeFilename(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[^\p{L}\p{N} ._()-]/gu, '_').replace(/^\.+/, '').trim().slice(0, 120) || 'lampiran';
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base}.${ext}`;
}

export interface AttachInput { filename: string; contentBase64: string; note?: string }

export async function attachFile(db: Kysely<Database>, actor: Actor, caseId: string, input: AttachInput, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const c = await visibleCase(trx, actor, caseId);
    authorize(actor, 'case', 'read', c);
    if (c.status === 'closed') throw conflict('detail.case_state');
    authorize(actor, 'case', 'attach', c);
    // the bytes are judged after the caller is known to be allowed: a stranger learns nothing
    const b64 = input.contentBase64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) throw fieldInvalid('contentBase64', 'field.attachment_empty');
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.length === 0) throw fieldInvalid('contentBase64', 'field.attachment_empty');
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw fieldInvalid('contentBase64', 'field.file_too_large', { limit: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
    const sniffed = sniffType(bytes);
    if (!sniffed) throw fieldInvalid('contentBase64', 'field.attachment_type');
    const at = now.toISOString();
    const id = randomUUID();
    const filename = safeFilename(input.filename, sniffed.ext);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const eventId = await addEvent(trx, actor, c.id, 'attachment', { attachmentId: id, filename, contentType: sniffed.type, size: bytes.length, note: input.note?.trim() || null }, at);
    const row: CaseAttachmentsTable = {
      id, case_id: c.id, event_id: eventId, filename, content_type: sniffed.type, size: bytes.length, sha256, data: bytes, created_at: at, created_by: actor.id,
    };
    await trx.insertInto('case_attachments').values(row).execute();
    await trx.updateTable('cases').set({ updated_at: at }).where('id', '=', c.id).execute();
    await appendAudit(trx, actor, {
      action: 'case.attach', resourceType: 'case', resourceId: c.id, regionCode: c.region_code,
      detail: { attachmentId: id, filename, contentType: sniffed.type, size: bytes.length, sha256 },
    }, now);
    await trx.insertInto('outbox').values(caseEvent('case.updated', { ...c, updated_at: at }, at, now)).execute();
    return { id, filename, contentType: sniffed.type, size: bytes.length, sha256, createdAt: at };
  });
}

/** The attachment and its case, for the download route (which checks scope and policy). */
export async function loadAttachment(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('case_attachments').innerJoin('cases', 'cases.id', 'case_attachments.case_id')
    .select(['case_attachments.id', 'case_attachments.case_id', 'case_attachments.filename', 'case_attachments.content_type', 'case_attachments.size',
      'case_attachments.data', 'case_attachments.sha256', 'cases.region_code', 'cases.status', 'cases.assigned_agency_id', 'cases.opened_by_agency_id'])
    .where('case_attachments.id', '=', id).executeTakeFirst();
  return row;
}
