import type { Kysely } from 'kysely';
import type { LinkKind, TextLink } from '../../../domain/channel/text';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { can } from '../../policies';
import { scopeFor } from '../../policies/scope';

// Which sinergi:person/<id> and sinergi:case/<id> links of a message the reader may open. The
// channel shows no person's data at all: a link is "open the profile" (the profile's own read is
// audited there) or "(tidak dapat dilihat)". So no name ever passes through the channel, and an
// unknown id looks exactly like a forbidden one.

/** Of the given ids, those the actor may open. */
export type LinkResolver = (db: Kysely<Database>, actor: Actor, ids: string[]) => Promise<Set<string>>;

const resolvers: Partial<Record<LinkKind, LinkResolver>> = {
  person: async (db, actor, ids) => {
    const rows = await db.selectFrom('stays').select(['person_id', 'region_code']).where('person_id', 'in', ids).execute();
    const regions = new Map<string, string[]>();
    for (const r of rows) regions.set(r.person_id, [...(regions.get(r.person_id) ?? []), r.region_code]);
    return new Set([...regions].filter(([, codes]) => can(actor, 'person', 'read', { region_codes: codes })).map(([id]) => id));
  },
  case: async (db, actor, ids) => {
    const rows = await db.selectFrom('cases').select(['id', 'region_code', 'status', 'assigned_agency_id', 'opened_by_agency_id']).where('id', 'in', ids).execute();
    const scope = scopeFor(actor);
    return new Set(rows.filter((c) => scope.contains({ regionCode: c.region_code }) && can(actor, 'case', 'read', c)).map((c) => c.id));
  },
};

/** A feature that owns a linkable record says who may open it. */
export function registerLinkResolver(kind: LinkKind, resolver: LinkResolver): void { resolvers[kind] = resolver; }

export interface ResolvedLink { ref: string; kind: LinkKind; id: string; visible: boolean }

/** Resolves every link of many messages at once (one query per kind). */
export async function resolveLinks(db: Kysely<Database>, actor: Actor, links: TextLink[]): Promise<Map<string, ResolvedLink>> {
  const out = new Map<string, ResolvedLink>();
  for (const kind of ['person', 'case'] as const) {
    const ids = [...new Set(links.filter((l) => l.kind === kind).map((l) => l.id))];
    if (ids.length === 0) continue;
    const resolver = resolvers[kind];
    const visible = resolver ? await resolver(db, actor, ids.slice(0, 500)) : new Set<string>();
    for (const id of ids) out.set(`sinergi:${kind}/${id}`, { ref: `sinergi:${kind}/${id}`, kind, id, visible: visible.has(id) });
  }
  return out;
}
