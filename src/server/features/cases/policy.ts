import type { Actor } from '../../auth/actor';
import type { CasesTable } from '../../db/schema';
import { sees } from '../../policies/fields';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// Who sees and works a case (temuan dan tindak lanjut). A case names a foreigner and what the
// state may do to them, so it is need-to-know inside the team's area:
//   - immigration (the office's officers, and members of an imigrasi agency) see every case in
//     their area: administrative action (TAK) is theirs to take;
//   - the area's enforcement agencies that see screening material by the field matrix (police,
//     prosecution, intelligence) see every case in their area: cases grow from alerts and leads;
//   - the agency a case is assigned to, and the agency that opened it, see that case (a manpower
//     office that found something in a joint operation follows what became of it);
//   - no one else: other members of the area get 403, anyone outside the area 404.
// Working a case: the screening agencies assign it; the assigned agency or immigration moves it
// on, records the action and closes it; administrative immigration action is recorded only by
// immigration, a hand-over for criminal proceedings by immigration or the police.
// A closed case is read-only.
export type CaseLike = Pick<CasesTable, 'region_code' | 'status' | 'assigned_agency_id' | 'opened_by_agency_id'>;

const isImmigration = (actor: Actor) => actor.role === 'immigration_officer' || actor.agencyKind === 'imigrasi';
const agencyKind = (actor: Actor) => (isImmigration(actor) ? 'imigrasi' : actor.agencyKind ?? '');
const screens = (actor: Actor) => isOfficer(actor) && sees(actor, 'screening');
const ownAgency = (actor: Actor, agencyId: string | null) => agencyId !== null && actor.agencyId === agencyId;
const assignee = (actor: Actor, c: CaseLike) => ownAgency(actor, c.assigned_agency_id);

const mayRead = (actor: Actor, c: CaseLike) =>
  isOfficer(actor) && inArea(actor, c.region_code) && (screens(actor) || assignee(actor, c) || ownAgency(actor, c.opened_by_agency_id));
const works = (actor: Actor, c: CaseLike) => mayRead(actor, c) && (isImmigration(actor) || assignee(actor, c));
const openCase = (c: CaseLike) => c.status !== 'closed';

export const casesPolicy = {
  case: {
    /** the case list (filtered to what read allows) */
    list: (actor) => isOfficer(actor),
    /** open a case from a source the actor can see; who may: an officer of an agency that works cases */
    open: (actor) => isOfficer(actor),
    read: mayRead,
    /** live case events: the same people as read */
    receive: mayRead,
    comment: (actor, c: CaseLike) => mayRead(actor, c) && openCase(c),
    attach: (actor, c: CaseLike) => mayRead(actor, c) && openCase(c),
    /** download an attachment (audited): whoever reads the case */
    download: mayRead,
    assign: (actor, c: CaseLike) => mayRead(actor, c) && screens(actor) && openCase(c),
    linkPerson: (actor, c: CaseLike) => mayRead(actor, c) && (screens(actor) || assignee(actor, c)) && openCase(c),
    start: (actor, c: CaseLike) => works(actor, c) && c.status === 'open',
    act: (actor, c: CaseLike) => works(actor, c) && (c.status === 'open' || c.status === 'in_progress'),
    /** administrative immigration action (deportation, detention, fine, entry ban) */
    actAdministrative: (actor, c: CaseLike) => works(actor, c) && isImmigration(actor) && (c.status === 'open' || c.status === 'in_progress'),
    /** hand-over for criminal proceedings (pelimpahan ke penyidik) */
    actCriminal: (actor, c: CaseLike) => works(actor, c) && ['imigrasi', 'polres'].includes(agencyKind(actor)) && (c.status === 'open' || c.status === 'in_progress'),
    close: (actor, c: CaseLike) => works(actor, c) && c.status === 'action_taken',
  },
} satisfies PolicyRules;
