import { randomUUID } from 'node:crypto';
import countries from 'i18n-iso-countries';
import type { Kysely } from 'kysely';
import { icaoExtraCountry } from '../../../domain/identity/countries';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database, WatchlistKind } from '../../db/schema';
import { FieldErrors, conflict, fieldInvalid } from '../../errors';
import { inArea } from '../../policies/rules';
import { MANUAL_PREFIX } from './import';
import type { EntryRow, ListRow } from './queries';

// Changes to watchlists by hand. Each change is one transaction that writes the entry, a new
// list version (what changed, who, why) and its audit entry. The caller then tells the
// screening service, which notices the new version and re-screens everyone present.

export interface CreateListInput { name: string; kind: WatchlistKind; source: string; threshold?: number | null; regionCode?: string | null }
export interface EntryInput {
  names: string[]; birthDates?: string[]; nationalities?: string[]; documentNumbers?: string[]; reason?: string | null; validUntil?: string | null;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** A calendar date that exists (2026-02-30 does not). */
function realDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export async function createWatchlist(db: Kysely<Database>, actor: Actor, input: CreateListInput, now = new Date()): Promise<string> {
  const errors = new FieldErrors();
  const name = input.name.trim();
  if (name.length < 2) errors.add('name', 'field.too_short', { limit: 2 });
  if (input.threshold != null && !(input.threshold >= 0.5 && input.threshold <= 1)) errors.add('threshold', 'field.out_of_range');
  if (CONTROL.test(input.name) || CONTROL.test(input.source)) errors.add(CONTROL.test(input.name) ? 'name' : 'source', 'field.bad_characters');
  // an officer's list is of its own area unless it says national (null); an administrator's is national unless it names an area
  const regionCode = input.regionCode === undefined ? (actor.role === 'admin' ? null : actor.areaCode) : input.regionCode;
  if (regionCode !== null) {
    const known = await db.selectFrom('regions').select('code').where('code', '=', regionCode).executeTakeFirst();
    if (!known) errors.add('regionCode', 'field.unknown_region');
    else if (actor.role !== 'admin' && !inArea(actor, regionCode)) errors.add('regionCode', 'field.outside_area');
  }
  errors.throwIfAny();
  const taken = await db.selectFrom('watchlists').select('id').where('name', '=', name).executeTakeFirst();
  if (taken) throw conflict(undefined, [{ field: 'name', key: 'field.watchlist_name_taken' }]);
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    await trx.insertInto('watchlists').values({
      id, name, kind: input.kind, source: input.source.trim(), threshold: input.threshold ?? null, created_at: now.toISOString(), region_code: regionCode,
    }).execute();
    await appendAudit(trx, actor, {
      action: 'watchlist.create', resourceType: 'watchlist', resourceId: id, regionCode,
      detail: { name, kind: input.kind, source: input.source.trim(), threshold: input.threshold ?? null },
    }, now);
  });
  return id;
}

/** Trimmed, without empties and repeats; each value checked, errors named by field and index. */
function checkEntry(input: EntryInput, today: string): Required<EntryInput> {
  const errors = new FieldErrors();
  const clean = (values: string[] | undefined, field: string, check: (v: string) => string | null, map = (v: string) => v) => {
    const out: string[] = [];
    (values ?? []).forEach((raw, i) => {
      const v = map(raw.trim().replace(/\s+/g, ' '));
      if (!v) return;
      if (CONTROL.test(raw)) { errors.add(`${field}.${i}`, 'field.bad_characters'); return; }
      const problem = check(v);
      if (problem) errors.add(`${field}.${i}`, problem as 'field.bad_format');
      else if (!out.includes(v)) out.push(v);
    });
    return out;
  };
  const names = clean(input.names, 'names', (v) => (/\p{L}/u.test(v) ? null : 'field.no_letters'));
  if (names.length === 0 && !errors.has('names.0')) errors.add('names.0', 'field.required');
  const birthDates = clean(input.birthDates, 'birthDates', (v) => {
    if (/^\d{4}$/.test(v)) return Number(v) < 1900 ? 'field.date_too_old' : v > today.slice(0, 4) ? 'field.date_in_future' : null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !realDate(v)) return 'field.birth_date_or_year';
    return v > today ? 'field.date_in_future' : v < '1900-01-01' ? 'field.date_too_old' : null;
  });
  const nationalities = clean(input.nationalities, 'nationalities',
    (v) => (/^[A-Z]{3}$/.test(v) && (countries.isValid(v) || icaoExtraCountry(v)) ? null : 'field.unknown_country'), (v) => v.toUpperCase());
  const documentNumbers = clean(input.documentNumbers, 'documentNumbers', (v) => (/^[A-Z0-9]{1,30}$/.test(v) ? null : 'field.bad_document_number'),
    (v) => v.toUpperCase().replace(/[\s-]/g, ''));
  const reason = input.reason?.trim() || null;
  if (reason && CONTROL.test(reason)) errors.add('reason', 'field.bad_characters');
  const validUntil = input.validUntil?.trim() || null;
  if (validUntil && (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil) || !realDate(validUntil))) errors.add('validUntil', 'field.bad_date');
  else if (validUntil && validUntil < today) errors.add('validUntil', 'field.watchlist_valid_past');
  errors.throwIfAny();
  return { names, birthDates, nationalities, documentNumbers, reason, validUntil };
}

async function nextVersion(trx: Kysely<Database>, listId: string): Promise<number> {
  const last = await trx.selectFrom('watchlist_versions').select((eb) => eb.fn.max('version').as('v')).where('watchlist_id', '=', listId).executeTakeFirst();
  return Number(last?.v ?? 0) + 1;
}

export async function addEntry(db: Kysely<Database>, actor: Actor, list: ListRow, input: EntryInput, now = new Date()): Promise<string> {
  const e = checkEntry(input, now.toISOString().slice(0, 10));
  const id = randomUUID();
  const externalId = `${MANUAL_PREFIX}${id.slice(0, 8)}`;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const version = await nextVersion(trx, list.id);
    await trx.insertInto('watchlist_entries').values({
      id, watchlist_id: list.id, external_id: externalId, names: JSON.stringify(e.names), birth_dates: JSON.stringify(e.birthDates),
      nationalities: JSON.stringify(e.nationalities), document_numbers: JSON.stringify(e.documentNumbers), reason: e.reason,
      valid_until: e.validUntil, version, updated_at: at, removed_at: null, removed_reason: null, changed_by: actor.username,
    }).execute();
    await trx.insertInto('watchlist_versions').values({
      watchlist_id: list.id, version, imported_at: at, added: 1, updated: 0, removed: 0, source_file: null, change: 'add', changed_by: actor.username, note: e.reason,
    }).execute();
    // the audit names the entry, not the person: the entry itself keeps the data and its history
    await appendAudit(trx, actor, {
      action: 'watchlist.entry_add', resourceType: 'watchlist_entry', resourceId: id, regionCode: list.region_code,
      detail: { list: list.name, entry: externalId, version, names: e.names.length, birthDates: e.birthDates.length },
    }, now);
  });
  return id;
}

/** Soft removal: the entry stays, marked removed with the reason, and stops matching. */
export async function removeEntry(db: Kysely<Database>, actor: Actor, entry: EntryRow, list: { name: string }, reason: string, now = new Date()): Promise<void> {
  const why = reason.trim();
  if (why.length < 5) throw fieldInvalid('reason', 'field.too_short', { limit: 5 });
  if (CONTROL.test(reason)) throw fieldInvalid('reason', 'field.bad_characters');
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const version = await nextVersion(trx, entry.watchlist_id);
    const done = await trx.updateTable('watchlist_entries').set({ removed_at: at, removed_reason: why, updated_at: at, version, changed_by: actor.username })
      .where('id', '=', entry.id).where('removed_at', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('detail.watchlist_entry_removed');
    await trx.insertInto('watchlist_versions').values({
      watchlist_id: entry.watchlist_id, version, imported_at: at, added: 0, updated: 0, removed: 1, source_file: null, change: 'remove', changed_by: actor.username, note: why,
    }).execute();
    await appendAudit(trx, actor, {
      action: 'watchlist.entry_remove', resourceType: 'watchlist_entry', resourceId: entry.id, regionCode: entry.region_code,
      detail: { list: list.name, entry: entry.external_id, version, reason: why },
    }, now);
  });
}
