import type { Kysely } from 'kysely';

// An uploaded file's cells leave the imports row for a table of their own (import_files), and
// the row keeps the file's headers. A 100,000-row file is about 15 MB of JSON: while it sat in
// the row, SQLite rewrote all of it at every progress update of the import (35 ms each, 200 per
// file) and every progress poll read it back to show the headers.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_files')
    .addColumn('import_id', 'text', (c) => c.primaryKey().references('imports.id'))
    .addColumn('table_json', 'text', (c) => c.notNull()) // { headers: string[], rows: string[][], rowNumbers: number[] }
    .execute();
  await db.schema.alterTable('imports').addColumn('headers', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  // imports are few (a file each): moved one at a time, in JavaScript, the same on both databases
  const ids = await db.selectFrom('imports').select('id').execute();
  for (const { id } of ids) {
    const { table_json } = await db.selectFrom('imports').select('table_json').where('id', '=', id).executeTakeFirstOrThrow();
    await db.insertInto('import_files').values({ import_id: id, table_json }).execute();
    await db.updateTable('imports').set({ headers: JSON.stringify((JSON.parse(table_json) as { headers: string[] }).headers) }).where('id', '=', id).execute();
  }
  await db.schema.alterTable('imports').dropColumn('table_json').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').addColumn('table_json', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  const files = await db.selectFrom('import_files').select('import_id').execute();
  for (const { import_id } of files) {
    const { table_json } = await db.selectFrom('import_files').select('table_json').where('import_id', '=', import_id).executeTakeFirstOrThrow();
    await db.updateTable('imports').set({ table_json }).where('id', '=', import_id).execute();
  }
  await db.schema.alterTable('imports').dropColumn('headers').execute();
  await db.schema.dropTable('import_files').execute();
}
