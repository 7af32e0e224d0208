import type { Kysely } from 'kysely';
import { DEFAULT_RULE_SETTINGS, evaluateRules, type RuleHit, type RuleSettings } from '../../../domain/rules';
import { appendEntries, auditDetail, lockWrites } from '../../audit/log';
import { SYSTEM_ACTOR } from '../../auth/actor';
import { newId } from '../../db/ids';
import type { Database } from '../../db/schema';
import { outboxRow } from '../../events/bus';
import { loadPersonFacts } from './facts';
import { nextTurn } from '../../jobs/turn';

// Raising alerts: the rules run over a person's facts and every hit whose key is new becomes an
// alert, with its first activity row and an outbox event for the live stream. A key seen
// before (open, resolved, or dismissed as a false positive) raises nothing.

export interface RaisedAlert { id: string; rule: string; severity: string; regionCode: string }

export async function raiseRuleAlerts(
  db: Kysely<Database>, personId: string, now = new Date(), settings: RuleSettings = DEFAULT_RULE_SETTINGS,
): Promise<RaisedAlert[]> {
  return raiseRuleAlertsFor(db, [personId], now, settings);
}

/**
 * The rules over several persons (a page of the sweep, a batch of reports), their new alerts in
 * one transaction: an import of thousands of guests would otherwise commit once per person.
 */
export async function raiseRuleAlertsFor(
  db: Kysely<Database>, personIds: readonly string[], now = new Date(), settings: RuleSettings = DEFAULT_RULE_SETTINGS,
): Promise<RaisedAlert[]> {
  const hits: PersonHit[] = [];
  for (const [i, personId] of personIds.entries()) {
    if (i % 50 === 49) await nextTurn();
    const facts = await loadPersonFacts(db, personId, now);
    if (!facts) continue;
    for (const hit of evaluateRules(facts, settings)) if (hit.regionCode !== '') hits.push({ personId, hit });
  }
  return hits.length ? insertNewAlerts(db, hits, now) : [];
}

interface PersonHit { personId: string; hit: RuleHit }

async function insertNewAlerts(db: Kysely<Database>, hits: PersonHit[], now: Date): Promise<RaisedAlert[]> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const known = new Set<string>();
    for (let i = 0; i < hits.length; i += 200) {
      const keys = hits.slice(i, i + 200).map((h) => h.hit.key);
      for (const r of await trx.selectFrom('alerts').select('key').where('key', 'in', keys).execute()) known.add(r.key);
    }
    const fresh = new Map<string, PersonHit & { id: string }>();
    for (const h of hits) if (!known.has(h.hit.key) && !fresh.has(h.hit.key)) fresh.set(h.hit.key, { ...h, id: newId() });
    // another instance may raise the same key at the same moment: the unique key decides
    const inserted = new Set<string>();
    const candidates = [...fresh.values()];
    for (let i = 0; i < candidates.length; i += 40) {
      const rows = await trx.insertInto('alerts').values(candidates.slice(i, i + 40).map(({ id, personId, hit: h }) => ({
        id, key: h.key, source: 'rule' as const, rule: h.rule, severity: h.severity, status: 'new' as const, person_id: personId, stay_id: h.stayId,
        region_code: h.regionCode, explanation: JSON.stringify(h.explanation), watchlist_entry_id: null, score: null,
        assigned_agency_id: null, assigned_user_id: null, resolution: null, reason: null, created_at: at, updated_at: at,
        resolved_at: null, resolved_by: null,
      }))).onConflict((oc) => oc.column('key').doNothing()).returning('id').execute();
      for (const r of rows) inserted.add(r.id);
    }
    const raised = candidates.filter((c) => inserted.has(c.id));
    for (let i = 0; i < raised.length; i += 100) {
      const part = raised.slice(i, i + 100);
      await trx.insertInto('alert_activity').values(part.map(({ id, hit: h }) => ({
        id: newId(), alert_id: id, at, actor_id: null, actor_name: 'Sinergi', kind: 'raised', detail: JSON.stringify({ rule: h.rule }),
      }))).execute();
      await trx.insertInto('outbox').values(part.map(({ id, hit: h }) => outboxRow('alert.raised', h.regionCode, {
        alertId: id, regionCode: h.regionCode, rule: h.rule, severity: h.severity, source: 'rule', at,
      }, now))).execute();
    }
    await appendEntries(trx, raised.map(({ id, personId, hit: h }) => ({
      at, actor_id: SYSTEM_ACTOR.id, actor_username: SYSTEM_ACTOR.username, action: 'alert.raise', resource_type: 'alert', resource_id: id,
      region_code: h.regionCode, detail: auditDetail(SYSTEM_ACTOR, { action: 'alert.raise', resourceType: 'alert', detail: {
        rule: h.rule, severity: h.severity, personId, stayId: h.stayId, key: h.key,
      } }),
    })));
    return raised.map(({ id, hit: h }) => ({ id, rule: h.rule, severity: h.severity, regionCode: h.regionCode }));
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
    raised += (await raiseRuleAlertsFor(db, page.map((p) => p.person_id), now)).length;
    await nextTurn();
    done += page.length;
    after = page[page.length - 1]!.person_id;
    onProgress?.(done);
  }
  return raised;
}
