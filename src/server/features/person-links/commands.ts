import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { conflict, fieldInvalid } from '../../errors';
import { authorize, ensureVisible } from '../../policies';
import { scopeFor } from '../../policies/scope';
import { indexPersonName } from '../persons/name-index';
import { type MoveRecord, type PersonSummary, summariesInScope } from './queries';
import { pairOf } from './score';

// Merge, split and dismiss: the officer's audited decisions on who is one person. A merge moves
// every row that names the absorbed person to the kept one and records exactly which rows moved,
// so a split puts back exactly those (and the stays later reported on the absorbed person's
// documents). The absorbed person row stays, marked merged_into, so its id still leads somewhere.

/** Tables whose person_id simply moves (by their own id). case_persons is keyed by case: below. */
const MOVABLE = ['stays', 'person_documents', 'identity_conflicts', 'alerts', 'sightings', 'operation_checks', 'operation_findings'] as const;
type Movable = (typeof MOVABLE)[number];

interface Decision { otherPersonId: string; reason: string }

/** The path person and the other one, both in the actor's scope, both standing alone. */
async function pairInScope(db: Kysely<Database>, actor: Actor, personId: string, otherId: string) {
  const found = await summariesInScope(db, actor, [personId, otherId]);
  const person = found.get(personId);
  ensureVisible(person !== undefined && !person.person.merged_into);
  return { person, other: found.get(otherId) };
}

function checkOther(personId: string, otherId: string, other: PersonSummary | undefined): asserts other is PersonSummary {
  if (otherId === personId) throw fieldInvalid('otherPersonId', 'field.same_person');
  if (!other || other.person.merged_into) throw fieldInvalid('otherPersonId', 'field.unknown_person');
}

export async function mergePersons(db: Kysely<Database>, actor: Actor, keptId: string, input: Decision, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const { person: kept, other } = await pairInScope(trx, actor, keptId, input.otherPersonId);
    authorize(actor, 'person_link', 'merge', { region_codes: kept.regionCodes });
    checkOther(keptId, input.otherPersonId, other);
    const absorbedId = other.person.id;
    const moved = { case_persons: [], case_persons_dropped: [] } as unknown as MoveRecord;
    for (const table of MOVABLE) {
      const rows = await trx.selectFrom(table as Movable).select('id').where('person_id', '=', absorbedId).execute();
      moved[table] = rows.map((r) => r.id);
      if (rows.length) await trx.updateTable(table as Movable).set({ person_id: keptId }).where('person_id', '=', absorbedId).execute();
    }
    const cases = await trx.selectFrom('case_persons').selectAll().where('person_id', '=', absorbedId).execute();
    const keptCases = new Set((await trx.selectFrom('case_persons').select('case_id').where('person_id', '=', keptId).execute()).map((c) => c.case_id));
    for (const c of cases) {
      if (keptCases.has(c.case_id)) {
        moved.case_persons_dropped.push({ case_id: c.case_id, added_at: c.added_at, added_by: c.added_by });
        await trx.deleteFrom('case_persons').where('case_id', '=', c.case_id).where('person_id', '=', absorbedId).execute();
      } else {
        moved.case_persons.push(c.case_id);
        await trx.updateTable('case_persons').set({ person_id: keptId }).where('case_id', '=', c.case_id).where('person_id', '=', absorbedId).execute();
      }
    }
    // the absorbed person is no longer found by name; its row and name key stay for the split
    await trx.deleteFrom('person_name_tokens').where('person_id', '=', absorbedId).execute();
    const at = now.toISOString();
    await trx.updateTable('persons').set({ merged_into: keptId, updated_at: at }).where('id', '=', absorbedId).execute();
    const reason = input.reason.trim();
    const row = {
      id: randomUUID(), kept_person_id: keptId, absorbed_person_id: absorbedId, region_code: kept.regionCodes[0]!, reason,
      moved: JSON.stringify(moved), merged_by: actor.id, merged_at: at, split_by: null, split_at: null, split_reason: null,
    };
    await trx.insertInto('person_merges').values(row).execute();
    await appendAudit(trx, actor, {
      action: 'person.merged', resourceType: 'person', resourceId: keptId, regionCode: row.region_code,
      detail: { mergeId: row.id, absorbedPersonId: absorbedId, reason, moved: countsOf(moved) },
    }, now);
    return row;
  });
}

export const countsOf = (m: MoveRecord) => ({
  stays: m.stays.length, documents: m.person_documents.length, identityConflicts: m.identity_conflicts.length, alerts: m.alerts.length,
  sightings: m.sightings.length, operationChecks: m.operation_checks.length, operationFindings: m.operation_findings.length,
  cases: m.case_persons.length + m.case_persons_dropped.length,
});

export async function splitMerge(db: Kysely<Database>, actor: Actor, mergeId: string, input: { reason: string }, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const m = await trx.selectFrom('person_merges').selectAll().where('id', '=', mergeId).executeTakeFirst();
    ensureVisible(m !== undefined && scopeFor(actor).contains({ regionCode: m.region_code }));
    authorize(actor, 'person_link', 'split', m);
    if (m.split_at) throw conflict('detail.merge_split');
    const kept = await trx.selectFrom('persons').select(['merged_into']).where('id', '=', m.kept_person_id).executeTakeFirstOrThrow();
    if (kept.merged_into) throw conflict('detail.merge_later');
    const moved = JSON.parse(m.moved) as MoveRecord;
    const back = (table: Movable, ids: string[]) => (ids.length === 0 ? Promise.resolve() : trx.updateTable(table)
      .set({ person_id: m.absorbed_person_id }).where('id', 'in', ids).where('person_id', '=', m.kept_person_id).execute().then(() => undefined));
    // stays reported since the merge on the absorbed person's documents go back with them
    const later = moved.person_documents.length === 0 ? [] : (await trx.selectFrom('stays').select('id')
      .where('document_id', 'in', moved.person_documents).where('person_id', '=', m.kept_person_id).execute()).map((s) => s.id);
    for (const table of MOVABLE) await back(table, table === 'stays' ? [...new Set([...moved.stays, ...later])] : moved[table]);
    if (moved.case_persons.length) {
      await trx.updateTable('case_persons').set({ person_id: m.absorbed_person_id })
        .where('case_id', 'in', moved.case_persons).where('person_id', '=', m.kept_person_id).execute();
    }
    for (const c of moved.case_persons_dropped) {
      await trx.insertInto('case_persons').values({ ...c, person_id: m.absorbed_person_id }).onConflict((oc) => oc.doNothing()).execute();
    }
    const at = now.toISOString();
    await trx.updateTable('persons').set({ merged_into: null, updated_at: at }).where('id', '=', m.absorbed_person_id).execute();
    const named = await trx.selectFrom('persons').select(['surname', 'given_names']).where('id', '=', m.absorbed_person_id).executeTakeFirstOrThrow();
    await indexPersonName(trx, m.absorbed_person_id, named);
    const reason = input.reason.trim();
    await trx.updateTable('person_merges').set({ split_by: actor.id, split_at: at, split_reason: reason }).where('id', '=', mergeId).execute();
    await appendAudit(trx, actor, {
      action: 'person.split', resourceType: 'person', resourceId: m.kept_person_id, regionCode: m.region_code,
      detail: { mergeId, restoredPersonId: m.absorbed_person_id, reason, restored: { ...countsOf(moved), stays: moved.stays.length + later.filter((id) => !moved.stays.includes(id)).length } },
    }, now);
    return { ...m, split_by: actor.id, split_at: at, split_reason: reason };
  });
}

/** "Not the same person": the pair is never proposed again. */
export async function dismissLink(db: Kysely<Database>, actor: Actor, personId: string, input: Decision, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const { person, other } = await pairInScope(trx, actor, personId, input.otherPersonId);
    authorize(actor, 'person_link', 'dismiss', { region_codes: person.regionCodes });
    checkOther(personId, input.otherPersonId, other);
    const [a, b] = pairOf(personId, other.person.id);
    const reason = input.reason.trim();
    const row = { person_a: a, person_b: b, region_code: person.regionCodes[0]!, reason, dismissed_by: actor.id, dismissed_at: now.toISOString() };
    await trx.insertInto('person_link_dismissals').values(row).onConflict((oc) => oc.doNothing()).execute();
    await appendAudit(trx, actor, {
      action: 'person.link_dismissed', resourceType: 'person', resourceId: personId, regionCode: row.region_code,
      detail: { otherPersonId: other.person.id, reason },
    }, now);
    return row;
  });
}
