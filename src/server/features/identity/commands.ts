import type { Kysely } from 'kysely';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { conflict } from '../../errors';
import { authorize, ensureVisible } from '../../policies';
import { scopeFor } from '../../policies/scope';
import type { ConflictFields } from '../stays/identity';
import { indexPersonName } from '../persons/name-index';

export type Decision = 'keep_person' | 'take_reported';

const PERSON_COLUMNS: Record<string, 'surname' | 'given_names' | 'sex' | 'date_of_birth' | 'nationality'> = {
  surname: 'surname', givenNames: 'given_names', sex: 'sex', dateOfBirth: 'date_of_birth', nationality: 'nationality',
};

/**
 * An immigration officer decides a conflict: keep the person as recorded, or take what the
 * report said. Only here does a person record change, in one audited transaction that keeps
 * the values before and after.
 */
export async function resolveConflict(db: Kysely<Database>, actor: Actor, id: string, input: { decision: Decision; reason: string }, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const row = await trx.selectFrom('identity_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
    ensureVisible(row !== undefined && scopeFor(actor).contains({ regionCode: row.region_code }));
    if (row.status !== 'open') throw conflict('detail.conflict_resolved');
    authorize(actor, 'identity_conflict', 'resolve', row);
    const at = now.toISOString();
    const fields = JSON.parse(row.fields) as ConflictFields;
    if (input.decision === 'take_reported') {
      const personSet: Partial<Record<string, string>> = {};
      for (const [field, values] of Object.entries(fields)) {
        const column = PERSON_COLUMNS[field];
        if (column) personSet[column] = values.reported;
      }
      if (Object.keys(personSet).length) await trx.updateTable('persons').set({ ...personSet, updated_at: at }).where('id', '=', row.person_id).execute();
      if (personSet.surname !== undefined || personSet.given_names !== undefined) {
        const named = await trx.selectFrom('persons').select(['surname', 'given_names']).where('id', '=', row.person_id).executeTakeFirstOrThrow();
        await indexPersonName(trx, row.person_id, named);
      }
      if (fields.documentExpiry) {
        const stay = await trx.selectFrom('stays').select('document_id').where('id', '=', row.stay_id).executeTakeFirstOrThrow();
        await trx.updateTable('person_documents').set({ expiry_date: fields.documentExpiry.reported }).where('id', '=', stay.document_id).execute();
      }
    }
    await trx.updateTable('identity_conflicts').set({
      status: 'resolved', resolution: input.decision, reason: input.reason.trim(), resolved_by: actor.id, resolved_at: at,
    }).where('id', '=', id).execute();
    await appendAudit(trx, actor, {
      action: 'person.identity_decided', resourceType: 'person', resourceId: row.person_id, regionCode: row.region_code,
      detail: { conflictId: id, stayId: row.stay_id, decision: input.decision, reason: input.reason.trim(), fields },
    }, now);
    return { ...row, status: 'resolved' as const, resolution: input.decision, reason: input.reason.trim(), resolved_by: actor.id, resolved_at: at };
  });
}
