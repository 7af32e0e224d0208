import type { Kysely } from 'kysely';
import type { Hit, ScreeningQuery } from '../../../domain/matching/types';
import type { Database } from '../../db/schema';
import { type LoadedIndex, loadWatchlistIndex } from '../watchlists/screen';

// The watchlists as an in-memory index, one per app instance, kept in step with the database:
// a list imported here or by the CLI (another process) changes watchlist_versions, and the next
// screening after that rebuilds the index and re-screens everyone present (onChange).

const STAMP_CHECK_MS = 5_000;

export interface ScreeningMatch extends Hit { kind: string }

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

  constructor(private readonly db: Kysely<Database>, private readonly onChange: () => void = () => undefined) {}

  /** Every hit for a reported person, best first; none when no list is loaded. */
  async screen(query: ScreeningQuery, now = new Date()): Promise<ScreeningMatch[]> {
    const loaded = await this.current();
    if (loaded.entries === 0) return [];
    return loaded.index.match(query, { ...loaded.options, at: now.toISOString().slice(0, 10) })
      .map((hit) => ({ ...hit, kind: this.kinds.get(hit.list) ?? 'local' }));
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
    const loaded = await loadWatchlistIndex(this.db);
    const lists = await this.db.selectFrom('watchlists').select(['name', 'kind']).execute();
    this.kinds = new Map(lists.map((l) => [l.name, l.kind]));
    this.loaded = loaded;
    this.stamp = stamp;
    this.builtAt = new Date().toISOString();
    // the first build at start-up is not a change; any later one is
    if (!first) this.onChange();
    return loaded;
  }

  private async readStamp(): Promise<string> {
    const row = await this.db.selectFrom('watchlist_versions')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('imported_at').as('last')]).executeTakeFirst();
    return `${Number(row?.n ?? 0)}|${row?.last ?? ''}`;
  }
}
