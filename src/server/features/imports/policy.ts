import type { Actor } from '../../auth/actor';
import { type PolicyRules, inArea, ownOrg } from '../../policies/rules';

// Who may import guests: the same people who may check a guest in (stays policy, `create`):
// a verified lodging for itself, or an immigration officer for a lodging of its area.
// An import is seen only by its lodging and the area's immigration officers.

interface ImportTarget { lodgingId: string; regionCode: string }
interface ImportLike { lodging_id: string; region_code: string }

const forLodging = (actor: Actor, lodgingId: string, regionCode: string) =>
  (ownOrg(actor, lodgingId) && actor.reporterOrg?.kind === 'lodging' && actor.reporterOrg.verified)
  || (actor.role === 'immigration_officer' && inArea(actor, regionCode));

export const importPolicy = {
  import: {
    /** the import wizard at all */
    use: (actor) => (actor.role === 'reporter' && actor.reporterOrg?.kind === 'lodging' && actor.reporterOrg.verified) || actor.role === 'immigration_officer',
    create: (actor, target: ImportTarget) => forLodging(actor, target.lodgingId, target.regionCode),
    read: (actor, imp: ImportLike) => forLodging(actor, imp.lodging_id, imp.region_code),
    run: (actor, imp: ImportLike) => forLodging(actor, imp.lodging_id, imp.region_code),
  },
} satisfies PolicyRules;
