import type { Actor } from '../../auth/actor';
import { type PolicyRules, inArea, isOfficer, ownOrg } from '../../policies/rules';

// Who may do what with a stay. A reporter works only with its own lodging's guests;
// officers of the immigration office and Timpora members see their own area.

interface StayLike { lodging_id: string; region_code: string; departure_date: string | null }
interface CheckInTarget { lodgingId: string; regionCode: string }

// Any verified reporter records its own reports; which kind may use which route is each route's
// gate (stay.report: lodgings; workReport.create: companies; residenceReport.create: private hosts).
const reportsGuests = (actor: Actor, target: CheckInTarget) =>
  ownOrg(actor, target.lodgingId) && actor.reporterOrg?.verified === true;

export const stayPolicy = {
  stay: {
    create: (actor, target: CheckInTarget) =>
      reportsGuests(actor, target) || (actor.role === 'immigration_officer' && inArea(actor, target.regionCode)),
    /** The check-in form at all: a verified lodging, or an immigration officer. */
    report: (actor) => (actor.role === 'reporter' && actor.reporterOrg?.kind === 'lodging' && actor.reporterOrg.verified) || actor.role === 'immigration_officer',
    read: (actor, stay: StayLike) => ownOrg(actor, stay.lodging_id) || (isOfficer(actor) && inArea(actor, stay.region_code)),
    checkout: (actor, stay: StayLike) => stay.departure_date === null
      && (ownOrg(actor, stay.lodging_id) || (actor.role === 'immigration_officer' && inArea(actor, stay.region_code))),
    list: (actor) => actor.role === 'reporter' || isOfficer(actor),
    /** a file of the list: the same people, columns by the field matrix, a purpose on record */
    export: (actor) => actor.role === 'reporter' || isOfficer(actor),
  },
  receipt: {
    /** An officer checks the QR of a receipt shown to it. */
    verify: (actor) => isOfficer(actor),
  },
} satisfies PolicyRules;
