import type { Actor } from '../../auth/actor';
import { sees } from '../../policies/fields';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// The supervision map: where foreigners are is whereabouts, so the map is for officers who see
// that group. Places carry counts only; who is at a place is read place by place, in the area.

const views = (actor: Actor) => isOfficer(actor) && sees(actor, 'whereabouts');

export interface PlaceLike { regionCode: string }

export const mapPolicy = {
  map: {
    view: views,
    /** who is at one place now (names follow the field matrix) */
    readPlace: (actor, place: PlaceLike) => views(actor) && inArea(actor, place.regionCode),
  },
} satisfies PolicyRules;
