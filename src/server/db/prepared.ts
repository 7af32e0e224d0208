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
/** Shapes kept per query: a list argument compiles once per length (a write group's lists run to 64). */
const MAX_SHAPES = 128;

type Slot = { argument: number; item?: number } | { constant: unknown };
interface Compiled { query: CompiledQuery; slots: Slot[] }

/**
 * Wraps `build` (which must use each argument as a value, never as a name) into a function that
 * runs the query with the given arguments, answering its rows. An array argument is a list of
 * values (`in`, tuples): the query is compiled once per dialect and list length.
 */
export function prepared<A extends unknown[], R>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): (db: Kysely<Database>, ...args: A) => Promise<R[]> {
  const shapes = new Map<string, Compiled>();
  return async (db, ...args) => {
    const shape = `${isPostgres(db)}${args.map((a) => (Array.isArray(a) ? `,${a.length}` : ',')).join('')}`;
    let compiled = shapes.get(shape);
    if (!compiled) {
      compiled = compile(db, build, args);
      if (shapes.size >= MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
      shapes.set(shape, compiled);
    }
    const parameters = compiled.slots.map((s) => ('argument' in s ? (s.item === undefined ? args[s.argument] : (args[s.argument] as unknown[])[s.item]) : s.constant));
    const result = await db.executeQuery<R>({ ...compiled.query, parameters });
    return result.rows;
  };
}

function compile<A extends unknown[], R>(db: Kysely<Database>, build: (db: Kysely<Database>, ...args: A) => Compilable<R>, args: A): Compiled {
  const standIns = args.map((a, i) => (Array.isArray(a) ? a.map((_, j) => `${STAND_IN}${i}.${j}`) : `${STAND_IN}${i}`)) as A;
  const query = build(db, ...standIns).compile();
  const slots: Slot[] = query.parameters.map((p) => {
    if (typeof p !== 'string' || !p.startsWith(STAND_IN)) return { constant: p };
    const [argument, item] = p.slice(STAND_IN.length).split('.');
    return item === undefined ? { argument: Number(argument) } : { argument: Number(argument), item: Number(item) };
  });
  const used = new Set(query.parameters.filter((p) => typeof p === 'string' && p.startsWith(STAND_IN)));
  const expected = standIns.reduce<number>((n, a) => n + (Array.isArray(a) ? a.length : 1), 0);
  if (query.sql.includes(STAND_IN) || used.size !== expected) throw new Error('prepared: every argument must be used as a parameter value');
  return { query, slots };
}
