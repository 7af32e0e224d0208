import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/log';
import { SYSTEM_ACTOR } from '../auth/actor';
import type { Database } from './schema';
import { seedDemo } from './seed';

/** Seeds the Soppeng demo on an empty database and records that in the audit trail. */
export async function seedDemoOnce(db: Kysely<Database>, options: { now?: Date } = {}): Promise<boolean> {
  const hasAgencies = await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  if (hasAgencies) return false;
  const result = await seedDemo(db, { now: options.now });
  await db.transaction().execute((trx) => appendAudit(trx, SYSTEM_ACTOR, {
    action: 'demo.seed', resourceType: 'system', detail: { ...(result ?? {}) },
  }));
  return true;
}
