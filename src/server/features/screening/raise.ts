import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context';
import { lockWrites } from '../../audit/log';
import { prepared } from '../../db/prepared';
import type { Database } from '../../db/schema';
import { storeNewAlerts } from '../alerts/store';
import type { ScreeningMatch, Screener } from './service';
import { nextTurn } from '../../jobs/turn';

// Screening reports against the watchlists: each hit becomes a watchlist alert for the stay's
// area (immigration, police and intelligence see it; the reporter is never told). The alert key
// holds the entry and a digest of the reported identity, so a dismissed hit comes back only
// when the person's data or the entry change.

interface Reported {
  id: string; person_id: string; region_code: string; reported_surname: string | null; reported_given_names: string | null;
  reported_date_of_birth: string | null; reported_nationality: string | null; document_number: string;
}

const STRONG_SEVERITY = 'high';
const WEAK_SEVERITY = 'medium';
/** screening at report gives the event loop a turn after this long */
const TURN_EVERY_MS = 5;

/**
 * Screens reports just stored, before the reporter's answer goes back (the answer never shows the
 * outcome). The reports are committed already: a failure here is logged, never the reporter's error.
 */
export async function screenReported(ctx: Pick<AppContext, 'db' | 'reads' | 'screening'>, log: FastifyBaseLogger, stayIds: string[]): Promise<void> {
  // an import's chunk reads its stays back through the read workers: its thousands of rows are
  // read off the event loop (a few reports go faster on the app's own connection)
  const screened = stayIds.length > SHARED_AT_MOST ? screenStays(ctx.db, ctx.screening, stayIds, { reads: ctx.reads }) : screenedWithOthers(ctx, stayIds);
  await screened.catch((err) => log.error({ err }, 'screening at report'));
}

/** A report of at most this many stays shares its screening with the others answered at the same moment; an import's chunk goes alone. */
const SHARED_AT_MOST = 64;
interface Round { stayIds: string[]; done: Promise<number> }
const rounds = new WeakMap<Pick<AppContext, 'db' | 'screening'>, Round>();

/**
 * Reports answered together (a write group commits dozens at once) are screened in one round:
 * one read of their stays instead of one each. The round starts after the current turn, so
 * every report of the group joins it.
 */
function screenedWithOthers(ctx: Pick<AppContext, 'db' | 'screening'>, stayIds: string[]): Promise<number> {
  let round = rounds.get(ctx);
  if (!round) {
    const ids: string[] = [];
    const done = new Promise<void>((start) => setImmediate(start)).then(() => {
      rounds.delete(ctx);
      return screenStays(ctx.db, ctx.screening, ids);
    });
    rounds.set(ctx, (round = { stayIds: ids, done }));
  }
  round.stayIds.push(...stayIds);
  return round.done;
}

// compiled once per number of stays (db/prepared.ts): each write group's reports are read back with it
const reportedStays = prepared((db, stayIds: string[]) => db.selectFrom('stays').innerJoin('person_documents', 'person_documents.id', 'stays.document_id')
  .select(['stays.id', 'stays.person_id', 'stays.region_code', 'stays.reported_surname', 'stays.reported_given_names',
    'stays.reported_date_of_birth', 'stays.reported_nationality', 'person_documents.number as document_number'])
  .where('stays.id', 'in', stayIds));

/**
 * Screens the given stays (just reported, or everyone present after a list changed); returns the
 * alerts raised. The stays are read through `reads` (committed ones only: the read workers see
 * nothing uncommitted).
 */
export async function screenStays(
  db: Kysely<Database>, screening: Screener, stayIds: string[], { now = new Date(), reads = db }: { now?: Date; reads?: Kysely<Database> } = {},
): Promise<number> {
  if (stayIds.length === 0 || (await screening.current()).entries === 0) return 0;
  let raised = 0;
  for (let i = 0; i < stayIds.length; i += 500) {
    const rows: Reported[] = await reportedStays(reads, stayIds.slice(i, i + 500));
    const found: { stay: Reported; hits: ScreeningMatch[] }[] = [];
    let since = performance.now();
    for (const row of rows) {
      // against a long list a screening takes about a millisecond: requests get a turn every few;
      // a write group's reports against a short one finish at once, and their answers go back
      // before the next group's commit (a turn here made them wait for it)
      if (performance.now() - since > TURN_EVERY_MS) { await nextTurn(); since = performance.now(); }
      const hits = await screening.screen({
        names: [{ surname: row.reported_surname ?? '', given: row.reported_given_names ?? '' }],
        dateOfBirth: row.reported_date_of_birth ?? undefined, nationality: row.reported_nationality ?? undefined,
        documentNumbers: [row.document_number],
      }, now);
      if (hits.length) found.push({ stay: row, hits });
    }
    raised += await raiseWatchlistAlerts(db, found, now);
  }
  return raised;
}

/**
 * Weak hits (a name alone, against entries without a full birth date) as one alert per list for
 * the person: the best entry, and how many others the name also resembles. A common name would
 * otherwise raise one alert per namesake on the list. Its key holds every entry it stands for,
 * so an entry added later raises a new one while a dismissed group stays dismissed.
 */
function weakByList(stay: Reported, hits: ScreeningMatch[], identity: string) {
  const byList = new Map<string, ScreeningMatch[]>();
  for (const hit of hits) if (hit.strength !== 'strong') byList.set(hit.list, [...(byList.get(hit.list) ?? []), hit]);
  return [...byList.entries()].map(([list, weak]) => {
    const best = weak.reduce((a, b) => (b.score > a.score ? b : a));
    const entries = createHash('sha256').update(weak.map((h) => h.entity).sort().join('|')).digest('hex').slice(0, 16);
    return {
      stay, hit: best, others: weak.length - 1, key: `watchlist:${list}:${weak.length === 1 ? best.entity : `weak-${entries}`}:${stay.person_id}:${identity}`,
      severity: WEAK_SEVERITY as 'high' | 'medium', score: Math.round(best.score * 1000) / 1000,
    };
  });
}

/** The hits of a page of stays as alerts, in one transaction (a re-screen raises thousands). */
async function raiseWatchlistAlerts(db: Kysely<Database>, found: { stay: Reported; hits: ScreeningMatch[] }[], now: Date): Promise<number> {
  if (found.length === 0) return 0;
  const candidates = found.flatMap(({ stay, hits }) => {
    const identity = createHash('sha256').update(JSON.stringify([stay.reported_surname, stay.reported_given_names,
      stay.reported_date_of_birth, stay.reported_nationality, stay.document_number])).digest('hex').slice(0, 16);
    const strong = hits.filter((hit) => hit.strength === 'strong').map((hit) => ({
      stay, hit, others: 0, key: `watchlist:${hit.list}:${hit.entity}:${stay.person_id}:${identity}`,
      severity: STRONG_SEVERITY as 'high' | 'medium', score: Math.round(hit.score * 1000) / 1000,
    }));
    return [...strong, ...weakByList(stay, hits, identity)];
  });
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    // an alert already raised for the same entry, person and reported identity stays as it is
    const stored = await storeNewAlerts(trx, candidates.map((c) => ({
      key: c.key, source: 'watchlist' as const, rule: c.hit.kind, severity: c.severity, personId: c.stay.person_id, stayId: c.stay.id,
      regionCode: c.stay.region_code, watchlistEntryId: c.hit.entity, score: c.score,
      explanation: c.others > 0
        ? { key: 'rule.watchlist_weak_hits', params: { list: c.hit.list, score: c.score, strength: c.hit.strength, detail: c.hit.explanation, reasons: c.hit.reasons, count: c.others + 1 } }
        : { key: 'rule.watchlist_hit', params: { list: c.hit.list, score: c.score, strength: c.hit.strength, detail: c.hit.explanation, reasons: c.hit.reasons } },
      activity: { list: c.hit.list, entity: c.hit.entity },
      audit: { source: 'watchlist', list: c.hit.list, entity: c.hit.entity, score: c.score, strength: c.hit.strength, personId: c.stay.person_id, stayId: c.stay.id },
    })), now);
    return stored.length;
  });
}

/** After a list changed: everyone present, in pages, with progress; an aborted run ends after its page (the next list change starts over). */
export async function rescreenPresent(db: Kysely<Database>, screening: Screener, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<number> {
  const total = Number((await db.selectFrom('stays').select((eb) => eb.fn.countAll<number>().as('n')).where('departure_date', 'is', null).where('cancelled_at', 'is', null).executeTakeFirstOrThrow()).n);
  let after = '';
  let done = 0;
  let raised = 0;
  while (!signal?.aborted) {
    const page = await db.selectFrom('stays').select('id').where('departure_date', 'is', null).where('cancelled_at', 'is', null).where('id', '>', after).orderBy('id').limit(1000).execute();
    if (page.length === 0) return raised;
    raised += await screenStays(db, screening, page.map((p) => p.id));
    done += page.length;
    after = page[page.length - 1]!.id;
    onProgress?.(done, total);
  }
  return raised;
}
