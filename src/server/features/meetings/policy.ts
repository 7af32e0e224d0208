import type { Actor } from '../../auth/actor';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';
import { type TeamAccess, isFormingOffice, membershipOf, runsTeam } from '../teams/policy';

// A team's meetings are seen only by its members and the forming office (officers, inside the
// team's area: elsewhere a meeting answers 404). The chair, the secretary and the forming office
// schedule meetings and record attendance, minutes, agreements and tasks. A task is closed by
// its owner (the member, or any member of the owning agency) or by those who run the team.

const seesMeetings = (actor: Actor, t: TeamAccess) =>
  isOfficer(actor) && inArea(actor, t.regionCode) && (membershipOf(actor, t) !== undefined || isFormingOffice(actor, t));
const runs = (actor: Actor, t: TeamAccess) => seesMeetings(actor, t) && runsTeam(actor, t);

/** A task as its rules see it: its team, and whom it belongs to. */
export interface TaskAccess extends TeamAccess { ownerAgencyId: string; ownerUserId: string | null; status: string }

export const ownsTask = (actor: Actor, t: TaskAccess) =>
  t.ownerUserId === actor.id || (actor.agencyId !== null && t.ownerAgencyId === actor.agencyId && membershipOf(actor, t) !== undefined);

export const meetingsPolicy = {
  meeting: {
    /** meetings and tasks at all: officers */
    list: (actor) => isOfficer(actor),
    /** the meeting list of a team */
    listOfTeam: seesMeetings,
    create: runs,
    read: seesMeetings,
    /** attendance, minutes, agreements, turning an agreement into a task */
    edit: runs,
  },
  task: {
    /** "my tasks" */
    list: (actor) => isOfficer(actor),
    complete: (actor, t: TaskAccess) => seesMeetings(actor, t) && t.status === 'open' && (ownsTask(actor, t) || runsTeam(actor, t)),
  },
} satisfies PolicyRules;
