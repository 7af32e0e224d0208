import { latestPermitStatus } from '../../../domain/permits/status';
import type { Actor } from '../../auth/actor';
import { ifSees, sees } from '../../policies/fields';
import type { Place, WorkerRow, listWorksites } from './queries';

// Places carry counts and no personal data; who is at a place is asked of the field matrix,
// field by field.

type Worksite = Awaited<ReturnType<typeof listWorksites>>[number];

export function presentPlace(p: Place, names: Map<string, string>) {
  return {
    kind: p.kind, id: p.id, name: p.name, detail: p.detail, villageCode: p.villageCode,
    villageName: names.get(p.villageCode) ?? null, districtName: names.get(p.villageCode.split('.').slice(0, 3).join('.')) ?? null,
    lat: p.lat, lng: p.lng, count: p.count,
  };
}

/** A worksite as a place: its address always, its employer only for who sees employment. */
export function worksitePlace(actor: Actor, s: Worksite): Place {
  return {
    kind: 'worksite', id: s.id, name: sees(actor, 'employment') ? s.employerName : s.address, detail: s.address,
    villageCode: s.villageCode, lat: s.lat, lng: s.lng, count: s.workers.length,
  };
}

interface PersonAtPlace {
  person_id: string | null; surname: string | null; given_names: string | null; sex: string | null; nationality: string | null;
  since: string | null; room?: string | null; permit_kind?: string | null; permit_valid_until?: string | null;
  position?: string | null; employer_name?: string | null;
}

export function presentPersonAtPlace(actor: Actor, r: PersonAtPlace, today: string) {
  const hasPermit = r.permit_kind !== undefined && r.permit_kind !== null;
  return {
    personId: r.person_id,
    surname: ifSees(actor, 'identity', r.surname), givenNames: ifSees(actor, 'identity', r.given_names),
    sex: ifSees(actor, 'identity', r.sex), nationality: ifSees(actor, 'identity', r.nationality),
    since: ifSees(actor, 'whereabouts', r.since), room: ifSees(actor, 'whereabouts', r.room ?? null),
    permit: hasPermit && sees(actor, 'permit')
      ? { kind: r.permit_kind!, validUntil: r.permit_valid_until ?? null, status: latestPermitStatus({ permitValidUntil: r.permit_valid_until ?? null }, today) }
      : null,
    employment: r.position !== undefined && sees(actor, 'employment') ? { position: r.position ?? null, employer: r.employer_name ?? null } : null,
  };
}

export const workerAtPlace = (w: WorkerRow): PersonAtPlace => ({
  person_id: w.person_id, surname: w.surname, given_names: w.given_names, sex: w.sex, nationality: w.nationality, since: w.arrival_date,
  room: null, permit_kind: w.permit_kind, permit_valid_until: w.permit_valid_until, position: w.position, employer_name: w.employer_name,
});
