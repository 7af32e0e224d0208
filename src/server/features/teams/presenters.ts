import type { Actor } from '../../auth/actor';
import { abilities, can } from '../../policies';
import type { TeamAccess } from './policy';
import type { listMyTeams, loadTeamDetail } from './queries';
import { todayUtc } from './queries';

// What a team page shows: the decree, the area, and the members grouped by agency.

type Summary = Awaited<ReturnType<typeof listMyTeams>>[number];
type Detail = Awaited<ReturnType<typeof loadTeamDetail>>;

export function presentTeamSummary(t: Summary) {
  return {
    id: t.id, name: t.name, level: t.level, regionCode: t.region_code, regionName: t.region_name, skNumber: t.sk_number, skDate: t.sk_date,
    skIssuer: t.sk_issuer, budgetYear: Number(t.budget_year), myPosition: t.position,
  };
}

export function presentTeamDetail(actor: Actor, d: Detail, access: TeamAccess, now = new Date()) {
  const today = todayUtc(now);
  const member = (m: Detail['memberships'][number]) => ({
    id: m.id, userId: m.user_id, displayName: m.display_name, username: m.username, agencyId: m.agency_id, position: m.position,
    joinedOn: m.joined_on, leftOn: m.left_on, active: m.joined_on <= today && (m.left_on === null || m.left_on > today),
  });
  const agencies = d.agencies.map((a) => ({ ...a, members: d.memberships.filter((m) => m.agency_id === a.id).map(member) }));
  // members whose agency is not (or no longer) on the team's list still show, under their agency
  for (const m of d.memberships) {
    if (m.agency_id && !agencies.some((a) => a.id === m.agency_id)) {
      agencies.push({ id: m.agency_id, name: m.agency_name ?? m.agency_id, kind: '', members: d.memberships.filter((x) => x.agency_id === m.agency_id).map(member) });
    }
  }
  const { team } = d;
  const me = access.members.find((m) => m.userId === actor.id);
  return {
    id: team.id, name: team.name, level: team.level, regionCode: team.region_code, regionName: team.region_name, skNumber: team.sk_number,
    skDate: team.sk_date, skIssuer: team.sk_issuer, budgetYear: Number(team.budget_year), myPosition: me?.position ?? null,
    timeZone: team.time_zone, officeAgencyId: team.office_agency_id, officeName: team.office_name, agencies,
    abilities: {
      ...abilities(actor, 'team', { manage: 'manage', report: 'report' }, access),
      meetings: can(actor, 'meeting', 'read', access),
      scheduleMeeting: can(actor, 'meeting', 'create', access),
    },
  };
}
