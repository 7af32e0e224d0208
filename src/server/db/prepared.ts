import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { isPostgres } from './dialect';
import type { Database } from './schema';

// Queries of a fixed shape on the request path, built and compiled once per dialect instead of on
// every call. Kysely builds an operation tree and compiles it to SQL each time: for a join with a
// dozen columns that is tens of microseconds, more than SQLite takes to answer it, and it is paid
// on every API call for the caller's key or session. The builder is run once with stand-ins for
// its arguments; each call then puts the real values in their parameter slots. The same SQL text
// object each time also lets the SQLite statement cache (database.ts) find its statement at once.

const STAND_IN = '\u0000prepared-argument-';

type Slot = { argument: number } | { constant: unknown };
interface Compiled { query: CompiledQuery; slots: Slot[] }

/**
 * Wraps `build` (which must use each argument as a value, never as a name or a list) into a
 * function that runs the query with the given arguments, answering its rows.
 */
export function prepared<A extends unknown[], R>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): (db: Kysely<Database>, ...args: A) => Promise<R[]> {
  const byDialect = new Map<boolean, Compiled>();
  return async (db, ...args) => {
    const postgres = isPostgres(db);
    let compiled = byDialect.get(postgres);
    if (!compiled) byDialect.set(postgres, (compiled = compile(db, build, args.length)));
    const parameters = compiled.slots.map((s) => ('argument' in s ? args[s.argument] : s.constant));
    const result = await db.executeQuery<R>({ ...compiled.query, parameters });
    return result.rows;
  };
}

function compile<A extends unknown[], R>(db: Kysely<Database>, build: (db: Kysely<Database>, ...args: A) => Compilable<R>, arity: number): Compiled {
  const standIns = Array.from({ length: arity }, (_, i) => `${STAND_IN}${i}`) as A;
  const query = build(db, ...standIns).compile();
  const slots: Slot[] = query.parameters.map((p) => {
    const i = typeof p === 'string' && p.startsWith(STAND_IN) ? Number(p.slice(STAND_IN.length)) : -1;
    return i >= 0 ? { argument: i } : { constant: p };
  });
  const used = new Set(slots.flatMap((s) => ('argument' in s ? [s.argument] : [])));
  if (query.sql.includes(STAND_IN) || used.size !== arity) throw new Error('prepared: every argument must be used as a parameter value');
  return { query, slots };
}
