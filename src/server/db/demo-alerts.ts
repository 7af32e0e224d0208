import type { Kysely } from 'kysely';
import { raiseRuleAlerts, sweepPresentPersons } from '../features/alerts/raise';
import { rescreenPresent } from '../features/screening/raise';
import { ScreeningService } from '../features/screening/service';
import type { Database } from './schema';

/**
 * Right after the demo is seeded: the rules run over everyone present and over persons seen in
 * the field, and everyone present is screened against the demo's wanted list, so the demo
 * opens with its early warnings already raised (as the hourly sweep would raise them).
 */
export async function raiseDemoAlerts(db: Kysely<Database>, now = new Date()): Promise<void> {
  await sweepPresentPersons(db, now);
  const seen = await db.selectFrom('sightings').select('person_id').distinct().where('person_id', 'is not', null).execute();
  for (const { person_id } of seen) await raiseRuleAlerts(db, person_id!, now);
  await rescreenPresent(db, new ScreeningService(db));
}
