import type { Actor } from '../../auth/actor';
import { type PolicyRules, isOfficer } from '../../policies/rules';

// A team's channel is for the team: its active members, and the immigration office that formed it
// by decree. Announcements come from the chair (ketua), the secretary or immigration; a message is
// edited by its author only and removed by its author or a moderator (chair, secretary, the office).
// Membership comes with the session (actor.teamIds), so the rules stay pure.

/** A team as the rules look at it: which office formed it and who chairs it. */
export interface ChannelTeam { team_id: string; office_agency_id: string; chair_ids: readonly string[] }
/** A message (or attachment) of a team, with its author. */
export interface ChannelItem extends ChannelTeam { author_id: string | null }

const formingOffice = (actor: Actor, team: ChannelTeam) =>
  actor.role === 'immigration_officer' && actor.agencyId !== null && actor.agencyId === team.office_agency_id;
const member = (actor: Actor, team: ChannelTeam) => isOfficer(actor) && (actor.teamIds?.includes(team.team_id) ?? false);
export const readsChannel = (actor: Actor, team: ChannelTeam) => member(actor, team) || formingOffice(actor, team);
const moderates = (actor: Actor, team: ChannelTeam) => readsChannel(actor, team) && (team.chair_ids.includes(actor.id) || formingOffice(actor, team));

export const channelPolicy = {
  channel: {
    /** use team channels at all (each team's own rule decides which) */
    use: (actor) => isOfficer(actor),
    read: (actor, team: ChannelTeam) => readsChannel(actor, team),
    post: (actor, team: ChannelTeam) => readsChannel(actor, team),
    upload: (actor, team: ChannelTeam) => readsChannel(actor, team),
    announce: (actor, team: ChannelTeam) => moderates(actor, team) || (readsChannel(actor, team) && actor.role === 'immigration_officer'),
    /** the log of which notification went to whom and when it was read: the chair, the secretary, the office */
    readLog: (actor, team: ChannelTeam) => moderates(actor, team),
    readMessage: (actor, item: ChannelItem) => readsChannel(actor, item),
    resolve: (actor, item: ChannelItem) => readsChannel(actor, item),
    edit: (actor, item: ChannelItem) => readsChannel(actor, item) && item.author_id === actor.id,
    delete: (actor, item: ChannelItem) => readsChannel(actor, item) && (item.author_id === actor.id || moderates(actor, item)),
    download: (actor, item: ChannelItem) => readsChannel(actor, item),
    /** a live channel event (ids only) reaches the team's readers */
    receive: (actor, event: { teamId?: unknown; officeAgencyId?: unknown }) =>
      typeof event.teamId === 'string' && typeof event.officeAgencyId === 'string'
      && readsChannel(actor, { team_id: event.teamId, office_agency_id: event.officeAgencyId, chair_ids: [] }),
  },
} satisfies PolicyRules;
