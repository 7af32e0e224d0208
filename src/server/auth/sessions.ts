import { createHash, randomBytes, hash as hashText } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { prepared } from '../db/prepared';
import type { Actor, Role } from './actor';

// Server-side sessions. The cookie holds a random token; the table keeps only its SHA-256,
// so a copy of the database does not let anyone sign in.

export const SESSION_COOKIE = 'sinergi_session';
const SESSION_HOURS = 12;

// one-shot: every request with a session cookie hashes it
const tokenId = (token: string) => hashText('sha256', token);
/**
 * The id a session is shown and revoked by (account page, session.ended events): a hash of the
 * stored hash, so neither a client nor a log line ever holds what the table is keyed by.
 */
export const publicSessionId = (storedId: string) => createHash('sha256').update(`public:${storedId}`).digest('hex').slice(0, 32);

export async function createSession(db: Kysely<Database>, userId: string, ip: string | null, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.insertInto('sessions').values({
    id: tokenId(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString(),
    last_seen_at: now.toISOString(), ip,
  }).execute();
  return { token, expiresAt };
}

/** Ends the session behind a token; returns its public id (for closing its event streams). */
export async function destroySession(db: Kysely<Database>, token: string): Promise<string> {
  await db.deleteFrom('sessions').where('id', '=', tokenId(token)).execute();
  return publicSessionId(tokenId(token));
}

/** Still signed in? (unexpired session of an active user) Read-only: an open event stream does not keep a session alive. */
export async function sessionAlive(db: Kysely<Database>, token: string, now = new Date()): Promise<boolean> {
  const row = await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.expires_at', 'users.active']).where('sessions.id', '=', tokenId(token)).executeTakeFirst();
  return !!row && row.expires_at > now.toISOString() && !!Number(row.active);
}

export interface SessionInfo { id: string; createdAt: string; lastSeenAt: string; expiresAt: string; ip: string | null }

/** The user's unexpired sessions, newest first, by public id. */
export async function listSessions(db: Kysely<Database>, userId: string, now = new Date()): Promise<SessionInfo[]> {
  const rows = await db.selectFrom('sessions').select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip'])
    .where('user_id', '=', userId).where('expires_at', '>', now.toISOString()).orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ id: publicSessionId(r.id), createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at, ip: r.ip }));
}

/**
 * Ends the user's sessions chosen by public id (or all but `keep`); returns the public ids ended.
 * A user has a handful of sessions, so the public ids are computed here rather than stored.
 */
export async function endSessions(db: Kysely<Database>, userId: string, which: { only: string } | { allBut: string | null }): Promise<string[]> {
  const rows = await db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute();
  const chosen = rows.filter((r) => ('only' in which ? publicSessionId(r.id) === which.only : publicSessionId(r.id) !== which.allBut));
  if (chosen.length) await db.deleteFrom('sessions').where('id', 'in', chosen.map((r) => r.id)).execute();
  return chosen.map((r) => publicSessionId(r.id));
}

/** Loads the actor behind a session token; slides the expiry at most once a minute. */
export async function actorForToken(db: Kysely<Database>, token: string, now = new Date()): Promise<Actor | null> {
  return (await sessionForToken(db, token, now))?.actor ?? null;
}

/** The session with its user, organisation and agency: asked on every web app call, so compiled once. */
const sessionHolder = prepared((db, sessionId: string) => db.selectFrom('sessions')
  .innerJoin('users', 'users.id', 'sessions.user_id')
  .leftJoin('reporter_orgs', 'reporter_orgs.id', 'users.reporter_org_id')
  .leftJoin('agencies', 'agencies.id', 'users.agency_id')
  .select([
    'sessions.id as session_id', 'sessions.expires_at', 'sessions.last_seen_at',
    'users.id', 'users.username', 'users.display_name', 'users.role', 'users.locale', 'users.agency_id',
    'users.area_code', 'users.active', 'agencies.kind as agency_kind', 'reporter_orgs.id as org_id', 'reporter_orgs.kind as org_kind',
    'reporter_orgs.village_code as org_village', 'reporter_orgs.verified_at as org_verified_at',
  ])
  .where('sessions.id', '=', sessionId));

/** The actor and the session's public id behind a token. */
export async function sessionForToken(db: Kysely<Database>, token: string, now = new Date()): Promise<{ actor: Actor; sessionId: string } | null> {
  const [row] = await sessionHolder(db, tokenId(token));
  if (!row || row.expires_at <= now.toISOString() || !Number(row.active)) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    await db.updateTable('sessions').set({
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    }).where('id', '=', row.session_id).execute();
  }
  const actor: Actor = {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, locale: row.locale,
    agencyId: row.agency_id, agencyKind: row.agency_kind, areaCode: row.area_code,
    // a reporter supervises no area and sits in no team: spare it the team lookup on every request
    ...(row.role === 'reporter' ? { areas: [], teamIds: [] } : await membershipsOf(db, row.id, row.area_code, now)),
    reporterOrg: row.org_id
      ? { id: row.org_id, kind: row.org_kind!, villageCode: row.org_village!, verified: row.org_verified_at !== null }
      : null,
  };
  return { actor, sessionId: publicSessionId(row.session_id) };
}

/**
 * The areas an officer supervises: its own, and the area of every Timpora team it is an
 * active member of today (joined, not yet left). Nested areas are kept; they cost nothing.
 */
export async function areasOf(db: Kysely<Database>, userId: string, ownArea: string | null, now = new Date()): Promise<string[]> {
  return (await membershipsOf(db, userId, ownArea, now)).areas;
}

/** The areas (as areasOf) and the ids of the teams the user is an active member of today. */
export async function membershipsOf(db: Kysely<Database>, userId: string, ownArea: string | null, now = new Date()): Promise<{ areas: string[]; teamIds: string[] }> {
  const today = now.toISOString().slice(0, 10);
  const teams = await db.selectFrom('team_memberships').innerJoin('teams', 'teams.id', 'team_memberships.team_id')
    .select(['teams.id', 'teams.region_code']).where('team_memberships.user_id', '=', userId).where('team_memberships.joined_on', '<=', today)
    .where((eb) => eb.or([eb('team_memberships.left_on', 'is', null), eb('team_memberships.left_on', '>', today)]))
    .execute();
  return {
    areas: [...new Set([...(ownArea ? [ownArea] : []), ...teams.map((t) => t.region_code)])],
    teamIds: [...new Set(teams.map((t) => t.id))],
  };
}
