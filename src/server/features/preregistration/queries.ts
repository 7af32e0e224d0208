import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { scopeFor } from '../../policies/scope';

// Reads of pre-registration. An expired draft is gone for every reader, purged or not yet.

export interface DraftRecord {
  id: string; lodging_id: string; data: string; language: string; created_at: string; expires_at: string; village_code: string;
}

/** The lodging a public link belongs to: only a verified lodging's live token answers. */
export async function lodgingByToken(db: Kysely<Database>, token: string) {
  return db.selectFrom('prereg_links').innerJoin('reporter_orgs', 'reporter_orgs.id', 'prereg_links.lodging_id')
    .select(['reporter_orgs.id', 'reporter_orgs.name', 'reporter_orgs.village_code'])
    .where('prereg_links.token', '=', token).where('reporter_orgs.kind', '=', 'lodging').where('reporter_orgs.verified_at', 'is not', null)
    .executeTakeFirst();
}

export async function linkOf(db: Kysely<Database>, lodgingId: string) {
  return db.selectFrom('prereg_links').select(['token', 'created_at']).where('lodging_id', '=', lodgingId).executeTakeFirst();
}

const drafts = (db: Kysely<Database>) => db.selectFrom('preregistrations')
  .innerJoin('reporter_orgs', 'reporter_orgs.id', 'preregistrations.lodging_id')
  .select(['preregistrations.id', 'preregistrations.lodging_id', 'preregistrations.data', 'preregistrations.language',
    'preregistrations.created_at', 'preregistrations.expires_at', 'reporter_orgs.village_code']);

/** The actor's lodging's live drafts, newest first (a lodging has few: they live a week). */
export async function listDrafts(db: Kysely<Database>, actor: Actor, now: Date, limit = 200): Promise<{ rows: DraftRecord[]; total: number }> {
  const scope = scopeFor(actor);
  const live = drafts(db).where('preregistrations.expires_at', '>', now.toISOString())
    .where((eb) => scope.where(eb, { region: 'reporter_orgs.village_code', org: 'preregistrations.lodging_id' }));
  const { n } = await live.clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await live.orderBy('preregistrations.created_at', 'desc').orderBy('preregistrations.id').limit(limit).execute();
  return { rows, total: Number(n) };
}

export async function loadDraft(db: Kysely<Database>, id: string, now: Date): Promise<DraftRecord | undefined> {
  return drafts(db).where('preregistrations.id', '=', id).where('preregistrations.expires_at', '>', now.toISOString()).executeTakeFirst();
}
