import type { Kysely } from 'kysely';
import { appendEntries, auditDetail } from '../../audit/log';
import { SYSTEM_ACTOR } from '../../auth/actor';
import { newId } from '../../db/ids';
import { insertRows } from '../../db/insert-rows';
import type { AlertsTable, Database } from '../../db/schema';
import { outboxRow } from '../../events/bus';

// Storing raised alerts, whoever raised them (the rules, the watchlist screening): each new one
// with its first activity row, an outbox event for the live stream and an audit entry, in
// batches, inside the caller's transaction.

export interface NewAlert {
  key: string; source: AlertsTable['source']; rule: string; severity: AlertsTable['severity'];
  personId: string; stayId: string | null; regionCode: string; explanation: unknown;
  watchlistEntryId?: string | null; score?: number | null;
  /** why it was raised, as the activity row and the audit entry record it */
  activity: Record<string, unknown>; audit: Record<string, unknown>;
}

/**
 * Stores the alerts whose key is new (the caller holds the write lock). An alert already raised
 * under the same key stays as it is, open or dismissed: the unique key decides, also against
 * another instance raising it at the same moment. Returns the alerts stored, with their ids.
 */
export async function storeNewAlerts<T extends NewAlert>(trx: Kysely<Database>, alerts: T[], now: Date): Promise<(T & { id: string })[]> {
  const at = now.toISOString();
  const byKey = new Map<string, T & { id: string }>();
  for (const a of alerts) if (!byKey.has(a.key)) byKey.set(a.key, { ...a, id: newId() });
  const candidates = [...byKey.values()];
  const inserted = new Set(await insertRows(trx, 'alerts', candidates.map((a) => ({
    id: a.id, key: a.key, source: a.source, rule: a.rule, severity: a.severity, status: 'new' as const, person_id: a.personId,
    stay_id: a.stayId, region_code: a.regionCode, explanation: JSON.stringify(a.explanation), watchlist_entry_id: a.watchlistEntryId ?? null,
    score: a.score ?? null, assigned_agency_id: null, assigned_user_id: null, resolution: null, reason: null, created_at: at, updated_at: at,
    resolved_at: null, resolved_by: null,
  })), { onConflictDoNothing: true, returning: 'id' }));
  const stored = candidates.filter((a) => inserted.has(a.id));
  await insertRows(trx, 'alert_activity', stored.map((a) => ({
    id: newId(), alert_id: a.id, at, actor_id: null, actor_name: 'Sinergi', kind: 'raised', detail: JSON.stringify(a.activity),
  })));
  await insertRows(trx, 'outbox', stored.map((a) => outboxRow('alert.raised', a.regionCode, {
    alertId: a.id, regionCode: a.regionCode, rule: a.rule, severity: a.severity, source: a.source, at,
  }, now)));
  await appendEntries(trx, stored.map((a) => ({
    at, actor_id: SYSTEM_ACTOR.id, actor_username: SYSTEM_ACTOR.username, action: 'alert.raise', resource_type: 'alert', resource_id: a.id,
    region_code: a.regionCode, detail: auditDetail(SYSTEM_ACTOR, { action: 'alert.raise', resourceType: 'alert', detail: a.audit }),
  })));
  return stored;
}
