import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { raiseRuleAlerts, sweepPresentPersons } from './raise';

// When rules run: after every committed report that changes a person's stays (from the event
// bus, so a report's answer never waits for them), and every hour over everyone present, since
// time alone turns a valid permit into an overstay. Every instance hears every event on
// PostgreSQL; the alerts' unique keys make a double evaluation harmless.

const STAY_EVENTS = /^stay\./;
const BATCH_MS = 250;
const SWEEP_EVERY_MS = 3600_000;
const FIRST_SWEEP_MS = 60_000;

export function startAlertJobs(app: FastifyInstance, ctx: AppContext): void {
  const pendingStays = new Set<string>();
  let flushing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const flush = async () => {
    const stayIds = [...pendingStays].slice(0, 500); // the rest go in the next run
    for (const id of stayIds) pendingStays.delete(id);
    const persons = await ctx.db.selectFrom('stays').select('person_id').distinct().where('id', 'in', stayIds).execute();
    let raised = 0;
    for (const { person_id } of persons) raised += (await raiseRuleAlerts(ctx.db, person_id)).length;
    if (raised) void ctx.relay.kick();
  };
  const schedule = () => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = null;
      flushing = (flushing ?? Promise.resolve()).then(flush).catch((err) => app.log.error({ err }, 'alert rules')).finally(() => {
        flushing = null;
        if (pendingStays.size) schedule();
      });
    }, BATCH_MS);
  };
  let closed = false;
  const unsubscribe = ctx.bus.subscribe((event) => {
    const stayId = event.data.stayId;
    if (!STAY_EVENTS.test(event.name) || typeof stayId !== 'string') return;
    pendingStays.add(stayId);
    schedule();
  });

  const sweep = () => void sweepPresentPersons(ctx.db).then((n) => { if (n) void ctx.relay.kick(); })
    .catch((err) => app.log.error({ err }, 'alert sweep'));
  const first = setTimeout(sweep, FIRST_SWEEP_MS).unref();
  const hourly = setInterval(sweep, SWEEP_EVERY_MS).unref();

  app.addHook('onClose', async () => {
    closed = true;
    unsubscribe();
    clearTimeout(first);
    clearInterval(hourly);
    if (timer) clearTimeout(timer);
    await flushing;
  });
}
