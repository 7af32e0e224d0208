import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database, OperationsTable } from '../../db/schema';
import { sees } from '../../policies/fields';
import { scopeFor } from '../../policies/scope';
import type { OperationRecord } from './policy';

// Operations the actor may read (policy.ts read, as a query), and one operation in full.

export type OperationRow = OperationsTable & OperationRecord;

export async function loadOperationRecord(db: Kysely<Database>, id: string): Promise<OperationRow | undefined> {
  const op = await db.selectFrom('operations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!op) return undefined;
  const agencies = await db.selectFrom('operation_participants').select('agency_id').distinct().where('operation_id', '=', id).execute();
  return { ...op, agency_ids: agencies.map((a) => a.agency_id) };
}

export interface OperationFilter { status?: 'planned' | 'done'; page: number; pageSize: number }

export async function listOperations(db: Kysely<Database>, actor: Actor, f: OperationFilter) {
  const scope = scopeFor(actor);
  let q = db.selectFrom('operations').where((eb) => scope.where(eb, { region: 'operations.region_code' }));
  if (!sees(actor, 'screening')) {
    const agency = actor.agencyId ?? '';
    q = q.where((eb) => eb.or([
      eb('operations.created_by_agency_id', '=', agency),
      eb.exists(eb.selectFrom('operation_participants').select('operation_participants.agency_id')
        .whereRef('operation_participants.operation_id', '=', 'operations.id').where('operation_participants.agency_id', '=', agency)),
    ]));
  }
  if (f.status) q = q.where('operations.status', '=', f.status);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const items = await q.selectAll('operations').orderBy('operations.planned_on', 'desc').orderBy('operations.id')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const ids = items.map((o) => o.id);
  const parts = ids.length ? await db.selectFrom('operation_participants').select(['operation_id', 'agency_id']).where('operation_id', 'in', ids).execute() : [];
  return { items: items.map((o) => ({ ...o, agency_ids: [...new Set(parts.filter((p) => p.operation_id === o.id).map((p) => p.agency_id))] })), total };
}

export async function loadOperationDetail(db: Kysely<Database>, op: OperationRow) {
  const targets = await db.selectFrom('operation_targets').leftJoin('reporter_orgs', 'reporter_orgs.id', 'operation_targets.reporter_org_id')
    .leftJoin('regions', 'regions.code', 'operation_targets.village_code')
    .select(['operation_targets.id', 'operation_targets.kind', 'operation_targets.reporter_org_id', 'operation_targets.village_code', 'operation_targets.label',
      'reporter_orgs.name as org_name', 'regions.name as village_name'])
    .where('operation_targets.operation_id', '=', op.id)
    .orderBy('operation_targets.kind', 'desc').orderBy('operation_targets.village_code').orderBy('operation_targets.id').execute(); // lodgings first
  const participants = await db.selectFrom('operation_participants').innerJoin('agencies', 'agencies.id', 'operation_participants.agency_id')
    .leftJoin('users', 'users.id', 'operation_participants.user_id')
    .select(['operation_participants.agency_id', 'operation_participants.user_id', 'agencies.name as agency_name', 'agencies.kind as agency_kind', 'users.display_name as user_name'])
    .where('operation_participants.operation_id', '=', op.id).orderBy('agencies.name').execute();
  const checks = await db.selectFrom('operation_checks').leftJoin('persons', 'persons.id', 'operation_checks.person_id')
    .select(['operation_checks.id', 'operation_checks.person_id', 'operation_checks.name', 'operation_checks.nationality', 'operation_checks.documents_seen',
      'operation_checks.note', 'operation_checks.created_at', 'persons.surname', 'persons.given_names', 'persons.nationality as person_nationality'])
    .where('operation_checks.operation_id', '=', op.id).orderBy('operation_checks.created_at').orderBy('operation_checks.id').execute();
  const findings = await db.selectFrom('operation_findings').leftJoin('cases', 'cases.id', 'operation_findings.case_id')
    .select(['operation_findings.id', 'operation_findings.description', 'operation_findings.village_code', 'operation_findings.person_id',
      'operation_findings.case_id', 'operation_findings.created_at', 'cases.number as case_number', 'cases.status as case_status'])
    .where('operation_findings.operation_id', '=', op.id).orderBy('operation_findings.created_at').orderBy('operation_findings.id').execute();
  return { op, targets, participants, checks, findings };
}
export type OperationDetail = Awaited<ReturnType<typeof loadOperationDetail>>;
