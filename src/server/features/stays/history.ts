import type { Kysely } from 'kysely';
import type { FieldGroup } from '../../../domain/access/field-matrix';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { sees } from '../../policies/fields';
import { stayValues, type Values } from './changes';
import type { StayRecord } from './queries';

// A stay's history: every change with its reason, the values before and after, who and when,
// and the report as first made (the current values with the changes undone, newest first).
// Each value is shown only to an actor whose agency sees its field group.

const GROUP_OF: Record<string, FieldGroup | null> = {
  surname: 'identity', givenNames: 'identity', sex: 'identity', nationality: 'identity',
  dateOfBirth: 'document', documentNumber: 'document', issuingState: 'document', documentExpiry: 'document',
  permitKind: 'permit', permitNumber: 'permit', permitValidFrom: 'permit', permitValidUntil: 'permit',
  arrivalDate: 'whereabouts', arrivalTime: 'whereabouts', plannedDeparture: 'whereabouts', departureDate: 'whereabouts', room: 'whereabouts',
  status: null,
};

export function loadChanges(db: Kysely<Database>, stayId: string) {
  return db.selectFrom('stay_changes').leftJoin('users', 'users.id', 'stay_changes.changed_by')
    .select(['stay_changes.id', 'stay_changes.kind', 'stay_changes.reason', 'stay_changes.before', 'stay_changes.after',
      'stay_changes.changed_at', 'users.display_name'])
    .where('stay_changes.stay_id', '=', stayId).orderBy('stay_changes.changed_at').orderBy('stay_changes.audit_seq').execute();
}

export function presentHistory(actor: Actor, stay: StayRecord, changes: Awaited<ReturnType<typeof loadChanges>>) {
  const visible = (values: Values): Values => {
    const out: Values = {};
    for (const [k, v] of Object.entries(values)) {
      const group = GROUP_OF[k];
      if (group === null || (group !== undefined && sees(actor, group))) out[k] = v;
    }
    return out;
  };
  const original: Values = stayValues(stay);
  for (const c of [...changes].reverse()) {
    for (const [k, v] of Object.entries(JSON.parse(c.before) as Values)) if (k in original) original[k] = v;
  }
  return {
    stayId: stay.id,
    receiptNumber: stay.receipt_number,
    cancelled: Boolean(stay.cancelled_at),
    reportedAt: stay.created_at,
    original: visible(original),
    changes: changes.map((c) => ({
      id: c.id, kind: c.kind, reason: c.reason, at: c.changed_at, by: c.display_name ?? null,
      before: visible(JSON.parse(c.before) as Values), after: visible(JSON.parse(c.after) as Values),
    })),
  };
}

const VALUES = { type: 'object', additionalProperties: { type: ['string', 'null'] } } as const;
export const historyJson = {
  type: 'object',
  properties: {
    stayId: { type: 'string' }, receiptNumber: { type: 'string' }, cancelled: { type: 'boolean' }, reportedAt: { type: 'string' },
    original: { ...VALUES, description: 'the report as first made (fields of withheld groups left out)' },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' }, kind: { type: 'string', enum: ['extend', 'room', 'correct', 'cancel_report', 'cancel_checkout'] },
          reason: { type: ['string', 'null'] }, at: { type: 'string' }, by: { type: ['string', 'null'] }, before: VALUES, after: VALUES,
        },
      },
    },
  },
} as const;
