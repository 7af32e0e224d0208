import type { Kysely } from 'kysely';
import { isWithinArea } from '../../../domain/regions';
import type { Actor, Role } from '../../auth/actor';
import { areasOf } from '../../auth/sessions';
import type { AlertsTable, Database, Severity } from '../../db/schema';
import { alertsPolicy } from '../alerts/policy';

// Who hears of an alert: officers who may read it (the alert policy, their areas including their
// teams'), with an e-mail address, whose preferences ask for alerts of that severity. Unless a
// user said otherwise, high alerts are mailed and lower ones are not.

export const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };
export const DEFAULT_PREFERENCE = { email: true, minSeverity: 'high' as Severity };

export interface Recipient { userId: string; email: string; locale: string }

/**
 * Who hears of alerts, for a batch of them: the officers and their preferences read once, each
 * officer's areas once and only when an alert's severity reaches them. A re-screen or an import
 * raises thousands of alerts at once; reading every officer again for each cost 0.3 ms an alert.
 */
export async function alertAudience(db: Kysely<Database>, now = new Date()) {
  const users = await db.selectFrom('users').leftJoin('agencies', 'agencies.id', 'users.agency_id')
    .leftJoin('notification_preferences', 'notification_preferences.user_id', 'users.id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.locale', 'users.email', 'users.agency_id', 'users.area_code',
      'agencies.kind as agency_kind', 'notification_preferences.email as wants_email', 'notification_preferences.min_severity'])
    .where('users.active', '=', 1).where('users.email', 'is not', null).where('users.role', 'in', ['immigration_officer', 'timpora_member'])
    .execute();
  const areas = new Map<string, Promise<string[]>>();
  const areasOfUser = (u: (typeof users)[number]) => {
    if (!areas.has(u.id)) areas.set(u.id, areasOf(db, u.id, u.area_code, now));
    return areas.get(u.id)!;
  };
  return async (alert: Pick<AlertsTable, 'region_code' | 'source' | 'severity'>): Promise<Recipient[]> => {
    const out: Recipient[] = [];
    for (const u of users) {
      const wants = u.wants_email === null ? DEFAULT_PREFERENCE.email : Boolean(Number(u.wants_email));
      const min = (u.min_severity ?? DEFAULT_PREFERENCE.minSeverity) as Severity;
      if (!wants || SEVERITY_RANK[alert.severity] < SEVERITY_RANK[min]) continue;
      const userAreas = await areasOfUser(u);
      if (!userAreas.some((a) => isWithinArea(a, alert.region_code))) continue;
      const actor: Actor = {
        id: u.id, username: u.username, displayName: u.display_name, role: u.role as Role, locale: u.locale, agencyId: u.agency_id,
        agencyKind: u.agency_kind, areaCode: u.area_code, areas: userAreas, reporterOrg: null,
      };
      if (alertsPolicy.alert.receive(actor, alert)) out.push({ userId: u.id, email: u.email!, locale: u.locale });
    }
    return out;
  };
}
