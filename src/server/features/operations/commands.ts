import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isWithinArea } from '../../../domain/regions';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database, OperationsTable } from '../../db/schema';
import { FieldErrors } from '../../errors';
import { authorize, ensureVisible } from '../../policies';
import { inArea } from '../../policies/rules';
import { scopeFor } from '../../policies/scope';
import { nextNumber } from '../cases/commands';
import { checkLinkablePersons } from '../cases/sources';
import { type OperationRow, loadOperationRecord } from './queries';

// Planning a joint operation and recording what the field found. Each is one transaction with
// its audit entry; a finding later opens a case through the cases feature (source operation_finding).

export interface PlanInput {
  title: string; plannedOn: string; regionCode: string; notes?: string;
  lodgingIds?: string[]; villageCodes?: string[];
  participants: { agencyId: string; userIds?: string[] }[];
}
export interface ResultsInput {
  checks?: { personId?: string; name?: string; nationality?: string; documentsSeen?: string; note?: string }[];
  findings?: { description: string; villageCode?: string; personId?: string }[];
  done?: boolean;
}

export async function visibleOperation(db: Kysely<Database>, actor: Actor, id: string): Promise<OperationRow> {
  const op = await loadOperationRecord(db, id);
  ensureVisible(op !== undefined && scopeFor(actor).contains({ regionCode: op.region_code }));
  return op;
}

export async function planOperation(db: Kysely<Database>, actor: Actor, input: PlanInput, now = new Date()): Promise<OperationsTable> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const errors = new FieldErrors();
    const region = await trx.selectFrom('regions').select('code').where('code', '=', input.regionCode).executeTakeFirst();
    if (!region) errors.add('regionCode', 'field.unknown_region');
    else if (!inArea(actor, region.code)) errors.add('regionCode', 'field.outside_area');
    const lodgingIds = [...new Set(input.lodgingIds ?? [])];
    const orgs = lodgingIds.length ? await trx.selectFrom('reporter_orgs').select(['id', 'village_code', 'name']).where('id', 'in', lodgingIds).execute() : [];
    lodgingIds.forEach((id, i) => {
      const org = orgs.find((o) => o.id === id);
      if (!org) errors.add(`lodgingIds.${i}`, 'field.unknown_reporter_org');
      else if (!isWithinArea(input.regionCode, org.village_code)) errors.add(`lodgingIds.${i}`, 'field.outside_operation_area');
    });
    const villageCodes = [...new Set(input.villageCodes ?? [])];
    const villages = villageCodes.length ? await trx.selectFrom('regions').select('code').where('code', 'in', villageCodes).execute() : [];
    villageCodes.forEach((code, i) => {
      if (!villages.some((v) => v.code === code)) errors.add(`villageCodes.${i}`, 'field.unknown_region');
      else if (!isWithinArea(input.regionCode, code)) errors.add(`villageCodes.${i}`, 'field.outside_operation_area');
    });
    const agencyIds = input.participants.map((p) => p.agencyId);
    const agencies = agencyIds.length ? await trx.selectFrom('agencies').select('id').where('id', 'in', agencyIds).execute() : [];
    const userIds = input.participants.flatMap((p) => p.userIds ?? []);
    const users = userIds.length ? await trx.selectFrom('users').select(['id', 'agency_id']).where('id', 'in', userIds).execute() : [];
    input.participants.forEach((p, i) => {
      if (!agencies.some((a) => a.id === p.agencyId)) errors.add(`participants.${i}.agencyId`, 'field.unknown_agency');
      (p.userIds ?? []).forEach((u, j) => {
        if (users.find((x) => x.id === u)?.agency_id !== p.agencyId) errors.add(`participants.${i}.userIds.${j}`, 'field.user_not_in_agency');
      });
    });
    errors.throwIfAny();

    const at = now.toISOString();
    const row: OperationsTable = {
      id: randomUUID(), number: await nextNumber(trx, 'OPS', input.regionCode, input.plannedOn.slice(0, 4)), title: input.title.trim(),
      planned_on: input.plannedOn, region_code: input.regionCode, notes: input.notes?.trim() || null, status: 'planned',
      created_by: actor.id, created_by_agency_id: actor.agencyId, created_at: at, updated_at: at,
    };
    await trx.insertInto('operations').values(row).execute();
    for (const org of lodgingIds.map((id) => orgs.find((o) => o.id === id)!)) {
      await trx.insertInto('operation_targets').values({ id: randomUUID(), operation_id: row.id, kind: 'lodging', reporter_org_id: org.id, village_code: org.village_code, label: org.name }).execute();
    }
    for (const code of villageCodes) {
      await trx.insertInto('operation_targets').values({ id: randomUUID(), operation_id: row.id, kind: 'area', reporter_org_id: null, village_code: code, label: null }).execute();
    }
    const seen = new Set<string>();
    for (const p of input.participants) {
      for (const userId of p.userIds?.length ? p.userIds : ['']) {
        if (seen.has(`${p.agencyId}|${userId}`)) continue;
        seen.add(`${p.agencyId}|${userId}`);
        await trx.insertInto('operation_participants').values({ operation_id: row.id, agency_id: p.agencyId, user_id: userId }).execute();
      }
    }
    await appendAudit(trx, actor, {
      action: 'operation.plan', resourceType: 'operation', resourceId: row.id, regionCode: row.region_code,
      detail: { number: row.number, plannedOn: row.planned_on, lodgingIds, villageCodes, participants: input.participants },
    }, now);
    return row;
  });
}

export async function recordResults(db: Kysely<Database>, actor: Actor, id: string, input: ResultsInput, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const op = await visibleOperation(trx, actor, id);
    authorize(actor, 'operation', 'recordResults', op);
    const checks = input.checks ?? [];
    const findings = input.findings ?? [];
    const errors = new FieldErrors();
    checks.forEach((c, i) => { if (!c.personId && !c.name?.trim()) errors.add(`checks.${i}.name`, 'field.check_needs_person'); });
    const codes = [...new Set(findings.map((f) => f.villageCode).filter((c): c is string => Boolean(c)))];
    const known = codes.length ? await trx.selectFrom('regions').select('code').where('code', 'in', codes).execute() : [];
    findings.forEach((f, i) => {
      if (!f.villageCode) return;
      if (!known.some((k) => k.code === f.villageCode)) errors.add(`findings.${i}.villageCode`, 'field.unknown_region');
      else if (!isWithinArea(op.region_code, f.villageCode)) errors.add(`findings.${i}.villageCode`, 'field.outside_operation_area');
    });
    errors.throwIfAny();
    for (const [i, c] of checks.entries()) if (c.personId) await checkLinkablePersons(trx, actor, [c.personId], () => `checks.${i}.personId`);
    for (const [i, f] of findings.entries()) if (f.personId) await checkLinkablePersons(trx, actor, [f.personId], () => `findings.${i}.personId`);

    const at = now.toISOString();
    const checkIds: string[] = [];
    for (const c of checks) {
      const checkId = randomUUID();
      checkIds.push(checkId);
      await trx.insertInto('operation_checks').values({
        id: checkId, operation_id: op.id, person_id: c.personId ?? null, name: c.name?.trim() || null, nationality: c.nationality ?? null,
        documents_seen: c.documentsSeen?.trim() || null, note: c.note?.trim() || null, created_at: at, created_by: actor.id,
      }).execute();
    }
    const findingIds: string[] = [];
    for (const f of findings) {
      const findingId = randomUUID();
      findingIds.push(findingId);
      await trx.insertInto('operation_findings').values({
        id: findingId, operation_id: op.id, description: f.description.trim(), village_code: f.villageCode ?? op.region_code,
        person_id: f.personId ?? null, case_id: null, created_at: at, created_by: actor.id,
      }).execute();
    }
    await trx.updateTable('operations').set({ updated_at: at, ...(input.done ? { status: 'done' as const } : {}) }).where('id', '=', op.id).execute();
    await appendAudit(trx, actor, {
      action: 'operation.results', resourceType: 'operation', resourceId: op.id, regionCode: op.region_code,
      detail: { checkIds, findingIds, done: input.done ?? false, personIds: checks.map((c) => c.personId).filter(Boolean) },
    }, now);
    return { checkIds, findingIds };
  });
}
