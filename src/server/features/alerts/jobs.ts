import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { DEFAULT_RULE_SETTINGS } from '../../../domain/rules';
import { raiseRuleAlertsFor, sweepPresentPersons } from './raise';

// When rules run: after every committed report that changes a person's stays (from the event
// bus, so a report's answer never waits for them), and every hour over everyone present, since
// time alone turns a valid permit into an overstay. Every instance hears every event on
// PostgreSQL; the alerts' unique keys make a double evaluation harmless.

const STAY_EVENTS = /^stay\./;
/** a sighting linked to a person: that person's rules run again (it carries personId, not stayId) */
const PERSON_EVENTS = new Set(['sighting.linked']);
const BATCH_MS = 250;
const FLUSH_AT_MOST = 500;
/** runs at once while a backlog lasts */
const RUNS_AT_MOST = 2;
const FIRST_SWEEP_MS = 60_000;

declare module 'fastify' {
  /** stays and persons whose rules are still to run (1 while a run is due or under way): 0 when caught up */
  interface FastifyInstance { alertRules: { backlog(): number } }
}

export function startAlertJobs(app: FastifyInstance, ctx: AppContext): void {
  const pendingStays = new Set<string>();
  const pendingPersons = new Set<string>();
  const runs = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const flush = async () => {
    const stayIds = takeFirst(pendingStays, FLUSH_AT_MOST); // the rest go in the next run
    const personIds = takeFirst(pendingPersons, FLUSH_AT_MOST);
    const persons = stayIds.length ? await ctx.reads.selectFrom('stays').select('person_id').distinct().where('id', 'in', stayIds).execute() : [];
    const personsToRun = [...new Set([...persons.map((p) => p.person_id), ...personIds])];
    const raised = await raiseRuleAlertsFor(ctx.db, personsToRun, new Date(), DEFAULT_RULE_SETTINGS, ctx.reads);
    if (raised.length) void ctx.relay.kick();
  };
  const left = () => pendingStays.size + pendingPersons.size;
  // A backlog (an import stores thousands a second) is worked off at once, not 500 every quarter
  // second, by two runs: one reads its persons' facts on the read workers while the other
  // evaluates and stores, so neither the event loop nor the workers wait for each other. Their
  // persons differ, and the alerts' unique keys decide what is new, so the order does not matter.
  const start = () => {
    while (!closed && left() > 0 && runs.size < (left() >= FLUSH_AT_MOST ? RUNS_AT_MOST : 1)) {
      const run: Promise<void> = flush().catch((err) => app.log.error({ err }, 'alert rules')).finally(() => {
        runs.delete(run);
        if (left()) (left() >= FLUSH_AT_MOST ? start() : schedule());
      });
      runs.add(run);
    }
  };
  const schedule = (after = BATCH_MS) => {
    if (timer || closed) return;
    timer = setTimeout(() => { timer = null; start(); }, after);
  };
  app.decorate('alertRules', { backlog: () => left() + runs.size + (timer ? 1 : 0) });
  const unsubscribe = ctx.bus.subscribe((event) => {
    const { stayId, personId } = event.data;
    if (PERSON_EVENTS.has(event.name) && typeof personId === 'string') pendingPersons.add(personId);
    else if (STAY_EVENTS.test(event.name) && typeof stayId === 'string') pendingStays.add(stayId);
    else return;
    schedule();
  });

  const shutdown = new AbortController();
  let sweeping: Promise<void> | null = null;
  const sweep = () => {
    if (sweeping) return; // a slow sweep is not run twice at once
    sweeping = sweepPresentPersons(ctx.db, new Date(), undefined, shutdown.signal).then((n) => { if (n) void ctx.relay.kick(); })
      .catch((err) => app.log.error({ err }, 'alert sweep')).finally(() => { sweeping = null; });
  };
  // a sweep every SINERGI_ALERT_SWEEP_MINUTES (0: none; the bus still runs the rules on every report)
  const every = ctx.config.alertSweepMinutes * 60_000;
  const first = every > 0 ? setTimeout(sweep, Math.min(FIRST_SWEEP_MS, every)).unref() : undefined;
  const hourly = every > 0 ? setInterval(sweep, every).unref() : undefined;

  app.addHook('onClose', async () => {
    closed = true;
    unsubscribe();
    clearTimeout(first);
    clearInterval(hourly);
    if (timer) clearTimeout(timer);
    shutdown.abort();
    await Promise.all([...runs, sweeping]); // nothing may touch the database once it closes
  });
}

/** Removes and returns up to `n` of the set's oldest entries (a copy of the whole set per run was quadratic in an import's backlog). */
function takeFirst(set: Set<string>, n: number): string[] {
  const taken: string[] = [];
  for (const id of set) {
    if (taken.length === n) break;
    taken.push(id);
  }
  for (const id of taken) set.delete(id);
  return taken;
}
