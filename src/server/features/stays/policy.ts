import type { Actor } from '../../auth/actor';
import { type PolicyRules, inArea, isOfficer, ownOrg } from '../../policies/rules';

// Who may do what with a stay. A reporter works only with its own lodging's guests;
// officers of the immigration office and Timpora members see their own area.

interface StayLike { lodging_id: string; region_code: string; departure_date: string | null; cancelled_at?: string | null }
interface CheckInTarget { lodgingId: string; regionCode: string }

/**
 * Who may change a report after it is made: its own lodging, and the immigration officers of
 * its area (they correct what a clerk cannot, e.g. after checking the passport in person).
 * Other Timpora members only read: a report is what its reporter said.
 */
const answersFor = (actor: Actor, stay: StayLike) =>
  ownOrg(actor, stay.lodging_id) || (actor.role === 'immigration_officer' && inArea(actor, stay.region_code));
const open = (stay: StayLike) => !stay.cancelled_at;

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
    checkout: (actor, stay: StayLike) => stay.departure_date === null && open(stay) && answersFor(actor, stay),
    /** extension (planned departure, permit end) of a present stay */
    change: (actor, stay: StayLike) => stay.departure_date === null && open(stay) && answersFor(actor, stay),
    /** room change of a present stay */
    move: (actor, stay: StayLike) => stay.departure_date === null && open(stay) && answersFor(actor, stay),
    /** correction of the reported identity, document, permit or dates, with a reason */
    correct: (actor, stay: StayLike) => open(stay) && answersFor(actor, stay),
    /** cancellation of a mistaken report, with a reason (kept, marked cancelled) */
    cancel: (actor, stay: StayLike) => open(stay) && answersFor(actor, stay),
    /** cancellation of a mistaken check-out: the stay is present again */
    reopen: (actor, stay: StayLike) => stay.departure_date !== null && open(stay) && answersFor(actor, stay),
    /** several check-outs in one request; each stay is checked by `checkout` */
    checkoutMany: (actor) => actor.role === 'reporter' || actor.role === 'immigration_officer',
    list: (actor) => actor.role === 'reporter' || isOfficer(actor),
    /** a file of the list: the same people, columns by the field matrix, a purpose on record */
    export: (actor) => actor.role === 'reporter' || isOfficer(actor),
  },
  receipt: {
    /** An officer checks the QR of a receipt shown to it. */
    verify: (actor) => isOfficer(actor),
    /** A receipt (all guests of one check-in) as PDF or JSON: whoever may read its stays. */
    read: (actor, stay: StayLike) => ownOrg(actor, stay.lodging_id) || (isOfficer(actor) && inArea(actor, stay.region_code)),
    /** The reporter's own list of receipts (officers: those of their area). */
    list: (actor) => actor.role === 'reporter' || isOfficer(actor),
  },
} satisfies PolicyRules;
