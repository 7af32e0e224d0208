import { type Kysely, type Transaction, sql } from 'kysely';
import { lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { type CheckInResult, recordCheckIn, resolveLodging } from './commands';
import type { CheckInInput } from './schemas';
import { nextTurn } from '../../jobs/turn';

// Commands of the partner API (hotel software): a dry run of a check-in, and a batch of
// check-ins in which each item stands or fails on its own. Both run the real check-in
// (recordCheckIn), so they refuse and flag exactly what POST /api/v1/stays would.

/** A problem that belongs to the data (bad field, duplicate), answered per item instead of failing the call. */
const isItemProblem = (err: unknown): err is AppError => err instanceof AppError && [400, 409, 422].includes(err.status);

class DryRun extends Error {
  constructor(readonly findings: string[][]) { super('dry run'); }
}

/**
 * Runs the check-in in a transaction that is always rolled back: every problem it would
 * raise, or the findings it would store. Nothing is kept (no stay, no receipt number, no audit entry).
 */
export async function dryRunCheckIn(db: Kysely<Database>, actor: Actor, input: CheckInInput, now = new Date()): Promise<{ findings: string[][] } | { problem: AppError }> {
  try {
    await db.transaction().execute(async (trx) => {
      await lockWrites(trx);
      const lodging = await resolveLodging(trx, actor, input.lodgingId);
      const result = await recordCheckIn(trx, actor, lodging, input, now);
      throw new DryRun(await findingsOf(trx, [result.id, ...result.members.map((m) => m.id)]));
    });
  } catch (err) {
    if (err instanceof DryRun) return { findings: err.findings };
    if (isItemProblem(err)) return { problem: err };
    throw err;
  }
  throw new Error('unreachable: the dry run always rolls back');
}

async function findingsOf(trx: Transaction<Database>, ids: string[]): Promise<string[][]> {
  const rows = await trx.selectFrom('stays').select(['id', 'findings']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, JSON.parse(r.findings) as string[]]));
  return ids.map((id) => byId.get(id) ?? []);
}

export type BatchItemResult =
  | { index: number; status: 201; result: CheckInResult }
  | { index: number; status: number; problem: AppError };

/**
 * Checks in up to 500 submissions in ONE transaction, each item under its own savepoint: an
 * item that fails is rolled back alone and answers its problem; the others are stored. The
 * batch's answer is stored in the same transaction (storeAnswer), so a crash keeps all or
 * nothing and a retry with the same Idempotency-Key can never store an item twice.
 * `bad` holds the items already refused by their schema (they are not run).
 */
export async function checkInBatch(
  db: Kysely<Database>, actor: Actor, items: CheckInInput[], bad: Map<number, AppError>,
  storeAnswer?: (trx: Transaction<Database>, results: BatchItemResult[]) => Promise<void>, now = new Date(),
): Promise<BatchItemResult[]> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const results: BatchItemResult[] = [];
    const lodgings = new Map<string, Awaited<ReturnType<typeof resolveLodging>>>();
    for (const [index, input] of items.entries()) {
      const refused = bad.get(index);
      if (refused) { results.push({ index, status: refused.status, problem: refused }); continue; }
      // let the event loop breathe: on SQLite a transaction's queries never wait for I/O, so a
      // long batch would otherwise hold every other request (health checks, pages) until it ends
      if (index % 10 === 9) await nextTurn();
      await sql`savepoint batch_item`.execute(trx);
      try {
        const lodgingKey = input.lodgingId ?? '';
        if (!lodgings.has(lodgingKey)) lodgings.set(lodgingKey, await resolveLodging(trx, actor, input.lodgingId));
        results.push({ index, status: 201, result: await recordCheckIn(trx, actor, lodgings.get(lodgingKey)!, input, now) });
        await sql`release savepoint batch_item`.execute(trx);
      } catch (err) {
        await sql`rollback to savepoint batch_item`.execute(trx);
        await sql`release savepoint batch_item`.execute(trx);
        if (!isItemProblem(err)) throw err;
        results.push({ index, status: err.status, problem: err });
      }
    }
    if (storeAnswer) await storeAnswer(trx, results);
    return results;
  });
}
