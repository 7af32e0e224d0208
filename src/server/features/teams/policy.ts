import type { Actor } from '../../auth/actor';
import { type PolicyRules, isOfficer } from '../../policies/rules';

// A Timpora team is formed by a decree of an immigration office. Its page (decree, members by
// agency) is for its members, the forming office and administrators; members are managed by the
// team's chair or secretary, the forming office, or an administrator. A decree is a public act:
// a team's existence is not hidden (403, not 404), its meetings are (see meetings/policy.ts).

export const POSITIONS = ['pengarah', 'ketua', 'sekretaris', 'anggota'] as const;
export type Position = (typeof POSITIONS)[number];
const MANAGING: readonly string[] = ['ketua', 'sekretaris'];

/** What the rules need to know of a team: its area, forming office and active members today. */
export interface TeamAccess {
  teamId: string; regionCode: string; officeAgencyId: string;
  members: { userId: string; agencyId: string | null; position: string }[];
}

export const membershipOf = (actor: Actor, t: TeamAccess) => t.members.find((m) => m.userId === actor.id);
/** An officer of the immigration office that formed the team. */
export const isFormingOffice = (actor: Actor, t: TeamAccess) => isOfficer(actor) && actor.agencyId !== null && actor.agencyId === t.officeAgencyId;
/** Chair, secretary or the forming office: who runs the team's meetings and membership. */
export const runsTeam = (actor: Actor, t: TeamAccess) =>
  isFormingOffice(actor, t) || (isOfficer(actor) && MANAGING.includes(membershipOf(actor, t)?.position ?? ''));

export const teamsPolicy = {
  team: {
    /** "my teams": officers, field officers (village early-detection members) and administrators */
    list: (actor) => isOfficer(actor) || actor.role === 'field_officer' || actor.role === 'admin',
    read: (actor, t: TeamAccess) => actor.role === 'admin' || membershipOf(actor, t) !== undefined || isFormingOffice(actor, t),
    manage: (actor, t: TeamAccess) => actor.role === 'admin' || runsTeam(actor, t),
    /** change one membership (position, leaving date): the same people as manage */
    editMember: (actor, t: TeamAccess) => actor.role === 'admin' || runsTeam(actor, t),
    /** the periodic report (figures only): officers who are members or of the forming office */
    report: (actor, t: TeamAccess) => isOfficer(actor) && (membershipOf(actor, t) !== undefined || isFormingOffice(actor, t)),
  },
} satisfies PolicyRules;
