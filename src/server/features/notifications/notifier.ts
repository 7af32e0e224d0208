import type { FastifyInstance } from 'fastify';
import { isWithinArea } from '../../../domain/regions';
import type { AppContext } from '../../context';
import type { DomainEvent } from '../../events/bus';
import { type AlertNotice, DELIVERY_PAGE, deliverDue, enqueue } from './deliver';
import { alertAudience, SEVERITY_RANK } from './recipients';

// From a raised alert to its notifications: an e-mail to each officer who may read it and wants
// it, and a signed POST to each webhook of a team covering the alert's region. Watchlist hits
// never go to webhooks (a team's gateway is outside the need-to-know rules); rule alerts do.
// Live in-app notice needs nothing here: the alert.raised event reaches the stream already.

const RETRY_EVERY_MS = 15_000;
/** alerts queued together: one read of the alerts, the officers and the web hooks for all */
const QUEUE_BATCH = 500;

export function startNotifier(app: FastifyInstance, ctx: AppContext): void {
  const shutdown = new AbortController();
  let running: Promise<void> = Promise.resolve();
  const serial = (work: () => Promise<unknown>) => {
    running = running.then(work).then(() => undefined, (err) => app.log.error({ err }, 'notifications'));
    return running;
  };
  // one delivery run waits at a time, however many alerts ask for one (a re-screen raises thousands);
  // at shutdown none starts and the one sending stops: the rows stay queued for the next start
  let deliveryWaiting = false;
  const deliver = () => {
    if (deliveryWaiting || shutdown.signal.aborted) return running;
    deliveryWaiting = true;
    return serial(async () => {
      deliveryWaiting = false;
      let tried: number;
      do ({ tried } = await deliverDue(ctx.db, ctx, new Date(), shutdown.signal));
      while (tried === DELIVERY_PAGE && !shutdown.signal.aborted);
    });
  };

  const unsubscribe = ctx.bus.subscribe((event) => {
    if (event.name === 'notification.created') { void deliver(); return; } // its e-mail was queued with it
    if (event.name !== 'alert.raised') return;
    // alerts come in bursts (a re-screen, an import): those waiting are queued together
    pendingAlerts.push(event);
    if (pendingAlerts.length === 1) void serial(queuePending).then(deliver);
  });
  const pendingAlerts: DomainEvent[] = [];
  const queuePending = async () => {
    while (pendingAlerts.length) await queueFor(ctx, pendingAlerts.splice(0, QUEUE_BATCH));
  };
  const retry = setInterval(() => void deliver(), RETRY_EVERY_MS).unref();
  app.decorate('notificationsIdle', () => running);
  app.addHook('onClose', async () => { unsubscribe(); clearInterval(retry); shutdown.abort(); await running; });
}

async function queueFor(ctx: AppContext, events: DomainEvent[]): Promise<void> {
  // the alerts were committed before their events went out, so the read workers see them
  const alerts = new Map((await ctx.reads.selectFrom('alerts').select(['id', 'rule', 'severity', 'source', 'region_code', 'created_at'])
    .where('id', 'in', events.map((e) => String(e.data.alertId))).execute()).map((a) => [a.id, a]));
  if (alerts.size === 0) return;
  const recipientsOf = await alertAudience(ctx.db);
  const hooks = await ctx.db.selectFrom('webhooks').innerJoin('teams', 'teams.id', 'webhooks.team_id')
    .select(['webhooks.id', 'webhooks.min_severity', 'teams.region_code']).where('webhooks.active', '=', 1).execute();
  for (const event of events) {
    const alert = alerts.get(String(event.data.alertId));
    if (!alert) continue;
    const notice: AlertNotice = {
      alertId: alert.id, rule: alert.rule, severity: alert.severity, source: alert.source, regionCode: alert.region_code, at: alert.created_at,
      url: `${ctx.config.publicUrl.replace(/\/$/, '')}/alerts?open=${alert.id}`,
    };
    for (const r of await recipientsOf(alert)) await enqueue(ctx.db, event.id, 'email', r.userId, notice);
    if (alert.source !== 'rule') continue;
    for (const h of hooks) {
      if (isWithinArea(h.region_code, alert.region_code) && SEVERITY_RANK[alert.severity] >= SEVERITY_RANK[h.min_severity]) {
        await enqueue(ctx.db, event.id, 'webhook', h.id, notice);
      }
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance { notificationsIdle: () => Promise<void> }
}
