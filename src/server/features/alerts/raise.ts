import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DEFAULT_RULE_SETTINGS, evaluateRules, type RuleHit, type RuleSettings } from '../../../domain/rules';
import { appendAudit, lockWrites } from '../../audit/log';
import { SYSTEM_ACTOR } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { outboxRow } from '../../events/bus';
import { loadPersonFacts } from './facts';

// Raising alerts: the rules run over a person's facts and every hit whose key is new becomes an
// alert, with its first activity row and an outbox event for the live stream. A key seen
// before (open, resolved, or dismissed as a false positive) raises nothing.

export interface RaisedAlert { id: string; rule: string; severity: string; regionCode: string }

export async function raiseRuleAlerts(
  db: Kysely<Database>, personId: string, now = new Date(), settings: RuleSettings = DEFAULT_RULE_SETTINGS,
): Promise<RaisedAlert[]> {
  const facts = await loadPersonFacts(db, personId, now);
  if (!facts) return [];
  const hits = evaluateRules(facts, settings).filter((h) => h.regionCode !== '');
  return hits.length ? insertNewAlerts(db, personId, hits, now) : [];
}

async function insertNewAlerts(db: Kysely<Database>, personId: string, hits: RuleHit[], now: Date): Promise<RaisedAlert[]> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const known = new Set((await trx.selectFrom('alerts').select('key').where('key', 'in', hits.map((h) => h.key)).execute()).map((r) => r.key));
    const raised: RaisedAlert[] = [];
    for (const h of hits.filter((x) => !known.has(x.key))) {
      const id = randomUUID();
      // another instance may raise the same key at the same moment: the unique key decides
      const inserted = await trx.insertInto('alerts').values({
        id, key: h.key, source: 'rule', rule: h.rule, severity: h.severity, status: 'new', person_id: personId, stay_id: h.stayId,
        region_code: h.regionCode, explanation: JSON.stringify(h.explanation), watchlist_entry_id: null, score: null,
        assigned_agency_id: null, assigned_user_id: null, resolution: null, reason: null, created_at: at, updated_at: at,
        resolved_at: null, resolved_by: null,
      }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      await trx.insertInto('alert_activity').values({
        id: randomUUID(), alert_id: id, at, actor_id: null, actor_name: 'Sinergi', kind: 'raised', detail: JSON.stringify({ rule: h.rule }),
      }).execute();
      await trx.insertInto('outbox').values(outboxRow('alert.raised', h.regionCode, {
        alertId: id, regionCode: h.regionCode, rule: h.rule, severity: h.severity, source: 'rule', at,
      }, now)).execute();
      await appendAudit(trx, SYSTEM_ACTOR, {
        action: 'alert.raise', resourceType: 'alert', resourceId: id, regionCode: h.regionCode,
        detail: { rule: h.rule, severity: h.severity, personId, stayId: h.stayId, key: h.key },
      }, now);
      raised.push({ id, rule: h.rule, severity: h.severity, regionCode: h.regionCode });
    }
    return raised;
  });
}

/** Every person with a present stay, in pages: time alone turns a valid permit into an overstay. */
export async function sweepPresentPersons(db: Kysely<Database>, now = new Date(), onProgress?: (done: number) => void, signal?: AbortSignal): Promise<number> {
  let after = '';
  let done = 0;
  let raised = 0;
  while (!signal?.aborted) { // aborted at shutdown: the next sweep covers everyone again
    const page = await db.selectFrom('stays').select('person_id').distinct().where('departure_date', 'is', null)
      .where('person_id', '>', after).orderBy('person_id').limit(500).execute();
    if (page.length === 0) return raised;
    for (const { person_id } of page) raised += (await raiseRuleAlerts(db, person_id, now)).length;
    done += page.length;
    after = page[page.length - 1]!.person_id;
    onProgress?.(done);
  }
  return raised;
}
