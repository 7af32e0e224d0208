import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor, Role } from './actor';

// Server-side sessions. The cookie holds a random token; the table keeps only its SHA-256,
// so a copy of the database does not let anyone sign in.

export const SESSION_COOKIE = 'sinergi_session';
const SESSION_HOURS = 12;

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Kysely<Database>, userId: string, ip: string | null, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.insertInto('sessions').values({
    id: tokenId(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString(),
    last_seen_at: now.toISOString(), ip,
  }).execute();
  return { token, expiresAt };
}

export async function destroySession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', tokenId(token)).execute();
}

/** Loads the actor behind a session token; slides the expiry at most once a minute. */
export async function actorForToken(db: Kysely<Database>, token: string, now = new Date()): Promise<Actor | null> {
  const row = await db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('reporter_orgs', 'reporter_orgs.id', 'users.reporter_org_id')
    .leftJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'sessions.id as session_id', 'sessions.expires_at', 'sessions.last_seen_at',
      'users.id', 'users.username', 'users.display_name', 'users.role', 'users.locale', 'users.agency_id',
      'users.area_code', 'users.active', 'agencies.kind as agency_kind', 'reporter_orgs.id as org_id', 'reporter_orgs.kind as org_kind',
      'reporter_orgs.village_code as org_village', 'reporter_orgs.verified_at as org_verified_at',
    ])
    .where('sessions.id', '=', tokenId(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString() || !Number(row.active)) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    await db.updateTable('sessions').set({
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    }).where('id', '=', row.session_id).execute();
  }
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, locale: row.locale,
    agencyId: row.agency_id, agencyKind: row.agency_kind, areaCode: row.area_code,
    areas: await areasOf(db, row.id, row.area_code, now),
    reporterOrg: row.org_id
      ? { id: row.org_id, kind: row.org_kind!, villageCode: row.org_village!, verified: row.org_verified_at !== null }
      : null,
  };
}

/**
 * The areas an officer supervises: its own, and the area of every Timpora team it is an
 * active member of today (joined, not yet left). Nested areas are kept; they cost nothing.
 */
export async function areasOf(db: Kysely<Database>, userId: string, ownArea: string | null, now = new Date()): Promise<string[]> {
  const today = now.toISOString().slice(0, 10);
  const teams = await db.selectFrom('team_memberships').innerJoin('teams', 'teams.id', 'team_memberships.team_id')
    .select('teams.region_code').where('team_memberships.user_id', '=', userId).where('team_memberships.joined_on', '<=', today)
    .where((eb) => eb.or([eb('team_memberships.left_on', 'is', null), eb('team_memberships.left_on', '>', today)]))
    .execute();
  return [...new Set([...(ownArea ? [ownArea] : []), ...teams.map((t) => t.region_code)])];
}
