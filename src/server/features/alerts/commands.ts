import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit, lockWrites } from '../../audit/log';
import type { Actor } from '../../auth/actor';
import type { AlertResolution, AlertsTable, Database } from '../../db/schema';
import { conflict, fieldInvalid } from '../../errors';
import { outboxRow } from '../../events/bus';
import { authorize, ensureVisible } from '../../policies';
import { scopeFor } from '../../policies/scope';
import { alertsPolicy } from './policy';

// The alert workflow: new → acknowledged → assigned → resolved (confirmed, false positive, no
// action) with a reason; reopened with a reason; comments at any step. Each step is one
// transaction with its activity row, its audit entry and an outbox event.

export type AlertStep =
  | { kind: 'acknowledge' }
  | { kind: 'assign'; agencyId: string; userId?: string }
  | { kind: 'resolve'; outcome: AlertResolution; reason: string }
  | { kind: 'reopen'; reason: string }
  | { kind: 'comment'; text: string };

/** Loads an alert the actor may know of (else 404), inside the transaction. */
export async function visibleAlert(db: Kysely<Database>, actor: Actor, id: string): Promise<AlertsTable> {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  // a watchlist hit is not even known to agencies it does not go to
  ensureVisible(row !== undefined && scopeFor(actor).contains({ regionCode: row.region_code }) && alertsPolicy.alert.read(actor, row));
  return row;
}

export async function stepAlert(db: Kysely<Database>, actor: Actor, id: string, step: AlertStep, now = new Date()): Promise<AlertsTable> {
  return db.transaction().execute(async (trx) => {
    await lockWrites(trx);
    const alert = await visibleAlert(trx, actor, id);
    const at = now.toISOString();
    const set = await applyStep(trx, actor, alert, step, at);
    if (set) await trx.updateTable('alerts').set({ ...set, updated_at: at }).where('id', '=', id).execute();
    const { kind, ...detail } = step;
    const done = { acknowledge: 'acknowledged', assign: 'assigned', resolve: 'resolved', reopen: 'reopened', comment: 'comment' }[kind];
    await trx.insertInto('alert_activity').values({
      id: randomUUID(), alert_id: id, at, actor_id: actor.id, actor_name: actor.displayName, kind: done, detail: JSON.stringify(detail),
    }).execute();
    await appendAudit(trx, actor, {
      action: `alert.${kind}`, resourceType: 'alert', resourceId: id, regionCode: alert.region_code,
      detail: { before: { status: alert.status, resolution: alert.resolution }, ...(set ?? {}), ...detail },
    }, now);
    if (kind !== 'comment') {
      await trx.insertInto('outbox').values(outboxRow('alert.updated', alert.region_code, {
        alertId: id, regionCode: alert.region_code, rule: alert.rule, severity: alert.severity, source: alert.source, at,
      }, now)).execute();
    }
    return (await trx.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });
}

async function applyStep(trx: Transaction<Database>, actor: Actor, alert: AlertsTable, step: AlertStep, at: string): Promise<Partial<AlertsTable> | null> {
  const resolved = alert.status === 'resolved';
  switch (step.kind) {
    case 'acknowledge':
      if (alert.status !== 'new') throw conflict('detail.alert_not_new');
      authorize(actor, 'alert', 'acknowledge', alert);
      return { status: 'acknowledged' };
    case 'assign': {
      if (resolved) throw conflict('detail.alert_resolved');
      authorize(actor, 'alert', 'assign', alert);
      const agency = await trx.selectFrom('agencies').select(['id', 'region_code']).where('id', '=', step.agencyId).executeTakeFirst();
      if (!agency) throw fieldInvalid('agencyId', 'field.unknown_agency');
      if (step.userId) {
        const user = await trx.selectFrom('users').select(['id', 'agency_id']).where('id', '=', step.userId).executeTakeFirst();
        if (!user || user.agency_id !== agency.id) throw fieldInvalid('userId', 'field.user_not_in_agency');
      }
      return { status: 'assigned', assigned_agency_id: agency.id, assigned_user_id: step.userId ?? null };
    }
    case 'resolve':
      if (resolved) throw conflict('detail.alert_resolved');
      if (step.outcome === 'confirmed') authorize(actor, 'alert', 'confirm', alert);
      else authorize(actor, 'alert', 'resolve', alert);
      return { status: 'resolved', resolution: step.outcome, reason: step.reason.trim(), resolved_at: at, resolved_by: actor.id };
    case 'reopen':
      if (!resolved) throw conflict('detail.alert_open');
      authorize(actor, 'alert', 'reopen', alert);
      return { status: alert.assigned_agency_id ? 'assigned' : 'acknowledged', resolution: null, resolved_at: null, resolved_by: null, reason: step.reason.trim() };
    case 'comment':
      authorize(actor, 'alert', 'comment', alert);
      return null;
  }
}
