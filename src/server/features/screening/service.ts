import type { Kysely } from 'kysely';
import type { Hit, ScreeningQuery } from '../../../domain/matching/types';
import type { Database } from '../../db/schema';
import { type LoadedIndex, loadWatchlistIndex } from '../watchlists/screen';

// The watchlists as an in-memory index, one per app instance, kept in step with the database:
// a list imported here or by the CLI (another process) changes watchlist_versions, and the next
// screening after that rebuilds the index and re-screens everyone present (onChange).

const STAMP_CHECK_MS = 5_000;

export interface ScreeningMatch extends Hit { kind: string }

/** What screening a stay needs: the index to ask, and its hits with the list's kind. */
export type Screener = Pick<ScreeningService, 'screen' | 'current'>;

/**
 * A list change: the entries added or changed since `since` (null: everything, e.g. after the
 * first build of a process that missed what happened meanwhile is no change at all).
 */
export type ListChange = { since: string | null };

declare module 'fastify' {
  interface FastifyInstance { screening: ScreeningService }
}

export class ScreeningService {
  private loaded: LoadedIndex | null = null;
  private stamp: string | null = null;
  private checkedAt = 0;
  private building: Promise<LoadedIndex> | null = null;
  private kinds = new Map<string, string>();
  builtAt: string | null = null;

  constructor(private readonly db: Kysely<Database>, private readonly onChange: (change: ListChange) => void = () => undefined) {}

  /** Every hit for a reported person, best first; none when no list is loaded. */
  async screen(query: ScreeningQuery, now = new Date()): Promise<ScreeningMatch[]> {
    const loaded = await this.current();
    if (loaded.entries === 0) return [];
    return this.hits(loaded, query, now);
  }

  private hits(loaded: LoadedIndex, query: ScreeningQuery, now: Date): ScreeningMatch[] {
    return loaded.index.match(query, { ...loaded.options, at: now.toISOString().slice(0, 10) })
      .map((hit) => ({ ...hit, kind: this.kinds.get(hit.list) ?? 'local' }));
  }

  /**
   * A screener over the entries added or changed since `since` alone: after a list change only
   * they can raise a new hit (a removed entry raises none), so re-screening everyone present
   * asks a small index instead of the whole list. Null when more than `atMost` changed: then
   * the whole index (built already) serves better than a second one nearly as large.
   */
  async changedSince(since: string, atMost: number): Promise<(Screener & { entries: number }) | null> {
    await this.current(); // list kinds as of now
    const changed = await this.db.selectFrom('watchlist_entries').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('removed_at', 'is', null).where('updated_at', '>', since).executeTakeFirstOrThrow();
    if (Number(changed.n) > atMost) return null;
    const delta = await loadWatchlistIndex(this.db, new Date(), since);
    return {
      entries: delta.entries,
      current: async () => delta,
      screen: async (query, now = new Date()) => (delta.entries === 0 ? [] : this.hits(delta, query, now)),
    };
  }

  /** The index as of the database's latest list version (rebuilt when a list changed). */
  async current(): Promise<LoadedIndex> {
    if (this.loaded && Date.now() - this.checkedAt < STAMP_CHECK_MS) return this.loaded;
    const stamp = await this.readStamp();
    this.checkedAt = Date.now();
    if (this.loaded && stamp === this.stamp) return this.loaded;
    this.building ??= this.build(stamp).finally(() => { this.building = null; });
    return this.building;
  }

  /** Forget the stamp so the next screening re-reads it (after an import in this process). */
  invalidate(): void { this.checkedAt = 0; }

  status() {
    return { lists: this.loaded?.lists ?? 0, entries: this.loaded?.entries ?? 0, builtAt: this.builtAt };
  }

  private async build(stamp: string): Promise<LoadedIndex> {
    const first = this.loaded === null;
    const since = this.loaded?.newest ?? null;
    const loaded = await loadWatchlistIndex(this.db);
    const lists = await this.db.selectFrom('watchlists').select(['name', 'kind']).execute();
    this.kinds = new Map(lists.map((l) => [l.name, l.kind]));
    this.loaded = loaded;
    this.stamp = stamp;
    this.builtAt = new Date().toISOString();
    // the first build at start-up is not a change; any later one is, from the newest entry known before
    if (!first) this.onChange({ since });
    return loaded;
  }

  private async readStamp(): Promise<string> {
    const row = await this.db.selectFrom('watchlist_versions')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('imported_at').as('last')]).executeTakeFirst();
    return `${Number(row?.n ?? 0)}|${row?.last ?? ''}`;
  }
}
