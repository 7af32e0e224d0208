import type { Actor } from '../../auth/actor';
import type { SightingsTable } from '../../db/schema';
import { sees } from '../../policies/fields';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// Early-detection reports. Field officers (village / RT-RW) and Timpora officers report what they
// saw inside their area; the team triages them: the officers of the area who see whereabouts
// (where a foreigner is is what a sighting says). The reporter follows its own reports.
// Exact location (GPS, RT/RW) only for agencies that act on a person (see exactLocation).

type SightingLike = Pick<SightingsTable, 'village_code' | 'status' | 'reported_by'>;

const REPORTER_ROLES: readonly string[] = ['field_officer', 'timpora_member', 'immigration_officer'];
const reports = (actor: Actor) => REPORTER_ROLES.includes(actor.role) && actor.areas.length > 0;
const triages = (actor: Actor) => isOfficer(actor) && sees(actor, 'whereabouts');
const mayRead = (actor: Actor, s: SightingLike) => triages(actor) && inArea(actor, s.village_code);
const own = (actor: Actor, s: SightingLike) => s.reported_by === actor.id;

export const sightingsPolicy = {
  sighting: {
    create: reports,
    /** the list: one's own reports, or the triage list of the area */
    list: (actor) => reports(actor) || triages(actor),
    triage: triages,
    read: (actor, s: SightingLike) => mayRead(actor, s) || own(actor, s),
    /** a photo goes with the report it belongs to, sent by its reporter while nobody has decided on it */
    attachPhoto: (actor, s: SightingLike) => own(actor, s) && s.status === 'new',
    link: (actor, s: SightingLike) => mayRead(actor, s) && (s.status === 'new' || s.status === 'linked'),
    dismiss: (actor, s: SightingLike) => mayRead(actor, s) && (s.status === 'new' || s.status === 'linked'),
    /** POST /api/v1/cases with a sighting as source (the cases feature calls markSightingCaseOpened) */
    openCase: (actor, s: SightingLike) => mayRead(actor, s) && (s.status === 'new' || s.status === 'linked'),
  },
} satisfies PolicyRules;

/** Exact GPS and RT/RW: only agencies that see documents or screening (they act on a person); others get the village. */
export const seesExactLocation = (actor: Actor, s: Pick<SightingsTable, 'reported_by'>): boolean =>
  s.reported_by === actor.id || sees(actor, 'document') || sees(actor, 'screening');
