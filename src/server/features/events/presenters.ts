import type { FieldGroup } from '../../../domain/access/field-matrix';
import type { Actor } from '../../auth/actor';
import type { DomainEvent } from '../../events/bus';
import { sees } from '../../policies/fields';

// Live events pass the field matrix like every other output: each data field belongs to a
// group, and a field of a group the actor does not see is dropped from what it receives.
const EVENT_FIELD_GROUPS: Record<string, FieldGroup | 'always'> = {
  stayId: 'always', regionCode: 'always', at: 'always', reportKind: 'always',
  lodgingId: 'whereabouts', nationality: 'identity', permitKind: 'permit',
  alertId: 'screening', rule: 'screening', severity: 'screening', source: 'screening',
  // sightings: where a foreigner was seen is whereabouts; which person it was, screening
  sightingId: 'whereabouts', category: 'whereabouts', personId: 'screening',
  // team meetings and tasks (ids and dates only; `audience` is never sent)
  meetingId: 'always', teamId: 'always', taskId: 'always', startsAt: 'always', assigneeAgencyId: 'always', assigneeUserId: 'always', dueOn: 'always',
  // cases: the receive rule already limits case events to those who may read the case; ids and a status, no personal data
  caseId: 'always', caseStatus: 'always', assignedAgencyId: 'always', openedByAgencyId: 'always',
  // team channel and notification events carry ids only; the client fetches what it may see
  messageId: 'always', parentId: 'always', officeAgencyId: 'always', notificationId: 'always', userId: 'always',
};

export function presentEventData(actor: Actor, event: DomainEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(event.data)) {
    const group = EVENT_FIELD_GROUPS[field];
    // a field nobody classified is not sent: new event fields must be placed in a group first
    if (group === 'always' || (group !== undefined && sees(actor, group))) out[field] = value;
  }
  return out;
}
