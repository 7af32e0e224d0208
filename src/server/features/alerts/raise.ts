import type { Kysely } from 'kysely';
import { DEFAULT_RULE_SETTINGS, evaluateRules, type PersonFacts, type RuleHit, type RuleSettings } from '../../../domain/rules';
import { lockWrites } from '../../audit/log';
import type { Database } from '../../db/schema';
import { loadPersonFactsOf } from './facts';
import { storeNewAlerts } from './store';
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
 * The facts are read through `reads` (SQLite's read workers keep that off the event loop; they
 * see every committed report, and the callers run the rules only after a report's commit).
 */
export async function raiseRuleAlertsFor(
  db: Kysely<Database>, personIds: readonly string[], now = new Date(), settings: RuleSettings = DEFAULT_RULE_SETTINGS,
  reads: Kysely<Database> = db,
): Promise<RaisedAlert[]> {
  const pages: string[][] = [];
  for (let at = 0; at < personIds.length; at += 100) pages.push(personIds.slice(at, at + 100));
  const hits: PersonHit[] = [];
  const evaluate = (factsOf: Map<string, PersonFacts>) => {
    for (const [personId, facts] of factsOf) {
      for (const hit of evaluateRules(facts, settings)) if (hit.regionCode !== '') hits.push({ personId, hit });
    }
  };
  if (reads !== db) {
    // the read workers answer every page at once while the event loop does other work; the rules
    // run page by page with a turn between, as evaluating a quarter second's 600 check-ins at
    // once held every request for 30 ms
    const loading = pages.map((page) => loadPersonFactsOf(reads, page, now));
    void Promise.allSettled(loading); // a page that fails while an earlier one is awaited is not left unhandled
    for (const [i, factsOf] of loading.entries()) {
      if (i > 0) await nextTurn();
      evaluate(await factsOf);
    }
  } else {
    for (const [i, page] of pages.entries()) {
      if (i > 0) await nextTurn(); // the app's own connection answers synchronously
      evaluate(await loadPersonFactsOf(db, page, now));
    }
  }
  return hits.length ? insertNewAlerts(db, hits, now) : [];
}

interface PersonHit { personId: string; hit: RuleHit }

async function insertNewAlerts(db: Kysely<Database>, hits: PersonHit[], now: Date): Promise<RaisedAlert[]> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const stored = await storeNewAlerts(trx, hits.map(({ personId, hit: h }) => ({
      key: h.key, source: 'rule' as const, rule: h.rule, severity: h.severity, personId, stayId: h.stayId, regionCode: h.regionCode,
      explanation: h.explanation, activity: { rule: h.rule }, audit: { rule: h.rule, severity: h.severity, personId, stayId: h.stayId, key: h.key },
    })), now);
    return stored.map((a) => ({ id: a.id, rule: a.rule, severity: a.severity, regionCode: a.regionCode }));
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
