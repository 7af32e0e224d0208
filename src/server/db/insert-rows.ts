import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import { isPostgres } from './dialect';
import type { Database } from './schema';

// Many rows into one table, as few statements as the drivers allow. Kysely builds and compiles
// a query tree per value (about 1.5 µs each: a 33-column stay row costs 50 µs before SQLite sees
// it), so bulk writers (imports, groups) hand the SQL text and a flat parameter list straight to
// the driver. The text depends only on the table, the columns and the row count, so SQLite's
// statement cache (database.ts) prepares each shape once.

/** Parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;
/** Rows per statement: beyond this, a longer statement saved nothing measurable. */
const MAX_ROWS = 100;

const quote = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`insertRows: unsafe identifier ${name}`);
  return `"${name}"`;
};

/**
 * Inserts the rows (every row with the same keys, in the same order as the first) in the
 * caller's transaction. `onConflictDoNothing` skips rows that hit a unique key; `returning`
 * names a column whose values come back for the rows stored (e.g. which of them were new).
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>, table: T, rows: readonly Insertable<Database[T]>[],
  options: { onConflictDoNothing?: boolean; returning?: keyof Database[T] & string } = {},
): Promise<unknown[]> {
  const returned: unknown[] = [];
  if (rows.length === 0) return returned;
  const columns = Object.keys(rows[0]!);
  const postgres = isPostgres(db);
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  for (let at = 0; at < rows.length; at += perStatement) {
    const slice = rows.slice(at, at + perStatement);
    const params: unknown[] = [];
    for (const row of slice) {
      const values = row as Record<string, unknown>;
      if (Object.keys(values).length !== columns.length) throw new Error(`insertRows: ${table} rows differ in their columns`);
      for (const column of columns) {
        if (!(column in values)) throw new Error(`insertRows: a ${table} row lacks ${column}`);
        const value = values[column];
        params.push(value === undefined ? null : value);
      }
    }
    const text = statementText(table, columns, slice.length, postgres, options.onConflictDoNothing ?? false, options.returning);
    const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params));
    if (options.returning) for (const row of result.rows) returned.push(row[options.returning]);
  }
  return returned;
}

// The same text object for the same shape: building it was a third of insertRows' time, and
// the statement cache (database.ts) hashes a string once per object.
const texts = new Map<string, string>();

function statementText(table: string, columns: string[], rows: number, postgres: boolean, onConflictDoNothing: boolean, returning?: string): string {
  const key = `${table}|${columns.join(',')}|${rows}|${postgres}|${onConflictDoNothing}|${returning ?? ''}`;
  let text = texts.get(key);
  if (text === undefined) {
    const tuples: string[] = [];
    for (let r = 0; r < rows; r++) {
      tuples.push(`(${columns.map((_, c) => (postgres ? `$${r * columns.length + c + 1}` : '?')).join(', ')})`);
    }
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}${onConflictDoNothing ? ' on conflict do nothing' : ''}${returning ? ` returning ${quote(returning)}` : ''}`;
    if (texts.size >= 500) texts.delete(texts.keys().next().value!);
    texts.set(key, text);
  }
  return text;
}
