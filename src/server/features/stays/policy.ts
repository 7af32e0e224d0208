import type { Actor } from '../../auth/actor';
import { allow, inArea, isOfficer } from '../../policies';

// Who may do what with a stay. A reporter works only with its own lodging's guests;
// officers of the immigration office and Timpora members see their own area.

interface StayLike { lodging_id: string; region_code: string; departure_date: string | null }

const ownLodging = (actor: Actor, lodgingId: string) => actor.role === 'reporter' && actor.reporterOrg?.id === lodgingId;

allow<{ lodgingId: string; regionCode: string }>('stay', 'create', (actor, target) =>
  (ownLodging(actor, target.lodgingId) && actor.reporterOrg?.kind === 'lodging')
  || (actor.role === 'immigration_officer' && inArea(actor, target.regionCode)));

allow<StayLike>('stay', 'read', (actor, stay) =>
  ownLodging(actor, stay.lodging_id) || (isOfficer(actor) && inArea(actor, stay.region_code)));

allow<StayLike>('stay', 'checkout', (actor, stay) =>
  stay.departure_date === null
  && (ownLodging(actor, stay.lodging_id) || (actor.role === 'immigration_officer' && inArea(actor, stay.region_code))));

allow('stay', 'list', (actor) => actor.role === 'reporter' || isOfficer(actor));
