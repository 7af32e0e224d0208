import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { CaseActionKind, CaseMeasure, CasesTable, Database } from '../../db/schema';
import { conflict, fieldInvalid } from '../../errors';
import { outboxRow } from '../../events/bus';
import { authorize, ensureVisible } from '../../policies';
import { scopeFor } from '../../policies/scope';
import { markSightingCaseOpened } from '../sightings/commands';
import { type CaseSource, checkLinkablePersons, resolveSource } from './sources';

// A case's life: opened from a source, assigned, in progress, an action recorded, closed. Each
// step is one transaction with its timeline row (case_events), its audit entry and an outbox
// event (case.opened, case.updated) so every screen showing the case follows it live.

export interface OpenCaseInput { title: string; summary?: string; source: CaseSource; personIds?: string[] }

export type CaseStep =
  | { kind: 'assign'; agencyId: string; userId?: string }
  | { kind: 'start'; note?: string }
  | { kind: 'act'; action: CaseActionKind; measure?: CaseMeasure; note: string }
  | { kind: 'close'; note?: string }
  | { kind: 'comment'; text: string }
  | { kind: 'link_person'; personId: string }
  | { kind: 'unlink_person'; personId: string };

/** Loads a case the actor may know of: outside its area 404, inside but not allowed 403 (by the caller's authorize). */
export async function visibleCase(db: Kysely<Database>, actor: Actor, id: string): Promise<CasesTable> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  ensureVisible(row !== undefined && scopeFor(actor).contains({ regionCode: row.region_code }));
  return row;
}

/** KASUS/<regency>/<year>/<running number of that regency and year>, from a counter row. */
export async function nextNumber(trx: Transaction<Database>, kind: 'KASUS' | 'OPS', regionCode: string, year: string): Promise<string> {
  const prefix = `${kind}/${regionCode.split('.').slice(0, 2).join('.')}/${year}/`;
  const { last } = await trx.insertInto('receipt_counters').values({ prefix, last: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet((eb) => ({ last: eb('receipt_counters.last', '+', 1) })))
    .returning('last').executeTakeFirstOrThrow();
  return prefix + String(last).padStart(4, '0');
}

export async function addEvent(trx: Transaction<Database>, actor: Actor, caseId: string, kind: string, detail: Record<string, unknown>, at: string): Promise<string> {
  const id = randomUUID();
  await trx.insertInto('case_events').values({ id, case_id: caseId, at, actor_id: actor.id, actor_name: actor.displayName, kind, detail: JSON.stringify(detail) }).execute();
  return id;
}

export const caseEvent = (name: 'case.opened' | 'case.updated', c: CasesTable, at: string, now: Date) =>
  outboxRow(name, c.region_code, {
    caseId: c.id, regionCode: c.region_code, caseStatus: c.status, assignedAgencyId: c.assigned_agency_id, openedByAgencyId: c.opened_by_agency_id, at,
  }, now);

export async function openCase(db: Kysely<Database>, actor: Actor, input: OpenCaseInput, now = new Date()): Promise<CasesTable> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const source = await resolveSource(trx, actor, input.source);
    const extra = [...new Set(input.personIds ?? [])];
    await checkLinkablePersons(trx, actor, extra, (i) => `personIds.${i}`);
    const personIds = [...new Set([...source.personIds, ...extra])];
    const at = now.toISOString();
    const row: CasesTable = {
      id: randomUUID(), number: await nextNumber(trx, 'KASUS', source.regionCode, at.slice(0, 4)), title: input.title.trim(),
      summary: input.summary?.trim() || null, status: 'open', source_kind: input.source.kind, source_id: input.source.id, region_code: source.regionCode,
      opened_by: actor.id, opened_by_agency_id: actor.agencyId, assigned_agency_id: null, assigned_user_id: null, action_kind: null,
      action_measure: null, action_note: null, action_at: null, action_by: null, closed_at: null, closed_by: null, created_at: at, updated_at: at,
    };
    await trx.insertInto('cases').values(row).execute();
    for (const personId of personIds) await trx.insertInto('case_persons').values({ case_id: row.id, person_id: personId, added_at: at, added_by: actor.id }).execute();
    await addEvent(trx, actor, row.id, 'opened', { source: input.source, sourceLabel: source.label, title: row.title, personIds }, at);
    if (input.source.kind === 'operation_finding') {
      await trx.updateTable('operation_findings').set({ case_id: row.id }).where('id', '=', input.source.id).execute();
    }
    // the sighting's reporter sees what became of it (status and case), in the same transaction
    if (input.source.kind === 'sighting') await markSightingCaseOpened(trx, actor, input.source.id, row.id, now);
    if (input.source.kind === 'alert') {
      // the alert's own history links to the case (a small link; the alert workflow is unchanged)
      await trx.insertInto('alert_activity').values({
        id: randomUUID(), alert_id: input.source.id, at, actor_id: actor.id, actor_name: actor.displayName, kind: 'case_opened',
        detail: JSON.stringify({ caseId: row.id, caseNumber: row.number }),
      }).execute();
    }
    await appendAudit(trx, actor, {
      action: 'case.open', resourceType: 'case', resourceId: row.id, regionCode: row.region_code,
      detail: { number: row.number, source: input.source, personIds },
    }, now);
    await trx.insertInto('outbox').values(caseEvent('case.opened', row, at, now)).execute();
    return row;
  });
}

export async function stepCase(db: Kysely<Database>, actor: Actor, id: string, step: CaseStep, now = new Date()): Promise<CasesTable> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const before = await visibleCase(trx, actor, id);
    authorize(actor, 'case', 'read', before);
    const at = now.toISOString();
    const set = await applyStep(trx, actor, before, step, at);
    if (set) await trx.updateTable('cases').set({ ...set, updated_at: at }).where('id', '=', id).execute();
    else await trx.updateTable('cases').set({ updated_at: at }).where('id', '=', id).execute();
    const { kind, ...detail } = step;
    const eventKind = { assign: 'assigned', start: 'status', act: 'action', close: 'closed', comment: 'comment', link_person: 'person_linked', unlink_person: 'person_unlinked' }[kind];
    await addEvent(trx, actor, id, eventKind, { ...detail, ...(set?.status && set.status !== before.status ? { from: before.status, to: set.status } : {}) }, at);
    await appendAudit(trx, actor, {
      action: `case.${kind}`, resourceType: 'case', resourceId: id, regionCode: before.region_code,
      detail: { before: { status: before.status, assignedAgencyId: before.assigned_agency_id }, ...(set ?? {}), ...detail },
    }, now);
    const after = await trx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await trx.insertInto('outbox').values(caseEvent('case.updated', after, at, now)).execute();
    return after;
  });
}

async function applyStep(trx: Transaction<Database>, actor: Actor, c: CasesTable, step: CaseStep, at: string): Promise<Partial<CasesTable> | null> {
  const state = (ok: boolean) => { if (!ok) throw conflict('detail.case_state'); };
  switch (step.kind) {
    case 'assign': {
      state(c.status !== 'closed');
      authorize(actor, 'case', 'assign', c);
      const agency = await trx.selectFrom('agencies').select(['id']).where('id', '=', step.agencyId).executeTakeFirst();
      if (!agency) throw fieldInvalid('agencyId', 'field.unknown_agency');
      if (step.userId) {
        const user = await trx.selectFrom('users').select(['id', 'agency_id']).where('id', '=', step.userId).executeTakeFirst();
        if (!user || user.agency_id !== agency.id) throw fieldInvalid('userId', 'field.user_not_in_agency');
      }
      return { assigned_agency_id: agency.id, assigned_user_id: step.userId ?? null };
    }
    case 'start':
      state(c.status === 'open');
      authorize(actor, 'case', 'start', c);
      return { status: 'in_progress' };
    case 'act': {
      state(c.status === 'open' || c.status === 'in_progress');
      authorize(actor, 'case', 'act', c);
      if (step.action === 'administrative') {
        if (!step.measure) throw fieldInvalid('measure', 'field.measure_required');
        authorize(actor, 'case', 'actAdministrative', c);
      } else if (step.measure) throw fieldInvalid('measure', 'field.measure_not_allowed');
      if (step.action === 'criminal_handover') authorize(actor, 'case', 'actCriminal', c);
      return { status: 'action_taken', action_kind: step.action, action_measure: step.measure ?? null, action_note: step.note.trim(), action_at: at, action_by: actor.id };
    }
    case 'close':
      state(c.status === 'action_taken');
      authorize(actor, 'case', 'close', c);
      return { status: 'closed', closed_at: at, closed_by: actor.id };
    case 'comment':
      state(c.status !== 'closed');
      authorize(actor, 'case', 'comment', c);
      return null;
    case 'link_person': {
      state(c.status !== 'closed');
      authorize(actor, 'case', 'linkPerson', c);
      await checkLinkablePersons(trx, actor, [step.personId], () => 'personId');
      const linked = await trx.selectFrom('case_persons').select('person_id').where('case_id', '=', c.id).where('person_id', '=', step.personId).executeTakeFirst();
      if (linked) throw conflict('detail.person_already_linked');
      await trx.insertInto('case_persons').values({ case_id: c.id, person_id: step.personId, added_at: at, added_by: actor.id }).execute();
      return null;
    }
    case 'unlink_person': {
      state(c.status !== 'closed');
      authorize(actor, 'case', 'linkPerson', c);
      const removed = await trx.deleteFrom('case_persons').where('case_id', '=', c.id).where('person_id', '=', step.personId).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw fieldInvalid('personId', 'field.unknown_person');
      return null;
    }
  }
}

