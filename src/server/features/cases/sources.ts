import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { CaseSourceKind, Database } from '../../db/schema';
import { conflict, fieldInvalid, forbidden } from '../../errors';
import { can, ensureVisible } from '../../policies';
import { scopeFor } from '../../policies/scope';
import { loadOperationRecord } from '../operations/queries';

// Where a case comes from. Each kind of source says which region the case belongs to (the
// source's, never one the caller picks) and whom it is about. A source the caller may not see
// is refused like an unknown one: the answer never tells what exists outside its area.

export interface CaseSource { kind: CaseSourceKind; id: string }
export interface ResolvedSource { regionCode: string; personIds: string[]; label: string }

const unknown = () => fieldInvalid('source.id', 'field.unknown_source');

export async function resolveSource(db: Kysely<Database>, actor: Actor, source: CaseSource): Promise<ResolvedSource> {
  const scope = scopeFor(actor);
  switch (source.kind) {
    case 'stay': {
      const stay = await db.selectFrom('stays').select(['id', 'person_id', 'region_code', 'lodging_id', 'departure_date', 'receipt_number'])
        .where('id', '=', source.id).executeTakeFirst();
      if (!stay || !scope.contains({ regionCode: stay.region_code }) || !can(actor, 'stay', 'read', stay)) throw unknown();
      return { regionCode: stay.region_code, personIds: [stay.person_id], label: stay.receipt_number };
    }
    case 'alert': {
      const alert = await db.selectFrom('alerts').select(['id', 'person_id', 'region_code', 'status', 'source', 'rule']).where('id', '=', source.id).executeTakeFirst();
      if (!alert || !scope.contains({ regionCode: alert.region_code }) || !can(actor, 'alert', 'read', alert)) throw unknown();
      return { regionCode: alert.region_code, personIds: [alert.person_id], label: alert.rule };
    }
    case 'operation_finding': {
      const finding = await db.selectFrom('operation_findings').selectAll().where('id', '=', source.id).executeTakeFirst();
      const op = finding ? await loadOperationRecord(db, finding.operation_id) : undefined;
      if (!finding || !op || !scope.contains({ regionCode: op.region_code }) || !can(actor, 'operation', 'read', op)) throw unknown();
      if (finding.case_id) throw conflict('detail.finding_has_case');
      return { regionCode: finding.village_code, personIds: finding.person_id ? [finding.person_id] : [], label: op.number };
    }
    case 'sighting': {
      const row = await db.selectFrom('sightings').select(['id', 'village_code', 'person_id', 'status', 'reported_by']).where('id', '=', source.id).executeTakeFirst();
      if (!row || !scope.contains({ regionCode: row.village_code }) || !can(actor, 'sighting', 'read', row)) throw unknown();
      if (row.status === 'case_opened') throw conflict('detail.sighting_has_case');
      return { regionCode: row.village_code, personIds: row.person_id ? [row.person_id] : [], label: row.id };
    }
  }
}

/** The alert behind POST /alerts/:id/case: outside the area 404, inside but not readable 403. */
export async function alertForCase(db: Kysely<Database>, actor: Actor, alertId: string) {
  const alert = await db.selectFrom('alerts').select(['id', 'person_id', 'region_code', 'status', 'source', 'rule']).where('id', '=', alertId).executeTakeFirst();
  ensureVisible(alert !== undefined && scopeFor(actor).contains({ regionCode: alert.region_code }));
  if (!can(actor, 'alert', 'read', alert)) throw forbidden();
  return alert;
}

/** Persons the caller may link: known, and reported at least once in its area. */
export async function checkLinkablePersons(db: Kysely<Database>, actor: Actor, personIds: string[], field: (index: number) => string): Promise<void> {
  if (personIds.length === 0) return;
  const scope = scopeFor(actor);
  const found = await db.selectFrom('stays').select('person_id').distinct().where('person_id', 'in', personIds)
    .where((eb) => scope.where(eb, { region: 'stays.region_code' })).execute();
  const known = new Set(found.map((r) => r.person_id));
  const missing = personIds.findIndex((id) => !known.has(id));
  if (missing >= 0) throw fieldInvalid(field(missing), 'field.unknown_person');
}
