import { addDays } from '../../../domain/dates';
import type { Actor } from '../../auth/actor';
import { sees } from '../../policies/fields';
import type { PresentRow } from './queries';

// One row of the present list, each group asked of the field matrix; a flag is null where
// the actor does not see the group it derives from (a flag would tell the hidden value).

export const EXPIRING_DAYS = 30;

export function presentPresentRow(actor: Actor, r: PresentRow, today: string) {
  const permit = sees(actor, 'permit');
  const until = r.permit_valid_until;
  return {
    stayId: r.stay_id, personId: r.person_id, reportKind: r.report_kind as string, regionCode: r.region_code,
    identity: sees(actor, 'identity') ? { surname: r.surname, givenNames: r.given_names, nationality: r.nationality, sex: r.sex } : null,
    document: sees(actor, 'document') ? { number: r.document_number, expiryDate: r.document_expiry } : null,
    whereabouts: sees(actor, 'whereabouts')
      ? { lodging: { id: r.lodging_id, name: r.lodging_name }, village: { code: r.region_code, name: r.village_name ?? null }, arrivalDate: r.arrival_date }
      : null,
    permit: permit ? { kind: r.permit_kind, validUntil: until } : null,
    flags: {
      overstay: permit ? until !== null && until < today : null,
      permitExpiring: permit ? until !== null && until >= today && until <= addDays(today, EXPIRING_DAYS) : null,
      passportExpired: sees(actor, 'document') ? r.document_expiry < today : null,
    },
  };
}
