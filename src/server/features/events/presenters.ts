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
