import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { rescreenPresent } from './raise';
import type { ListChange } from './service';

// Re-screening everyone present when a list changes, one run at a time, with its progress kept
// for the status route. A change asks only about the entries it added or changed (a removed
// entry raises nothing); when that is much of the list, or the change is unknown, everyone is
// screened against the whole index. A change during a run schedules one more run after it,
// from the earliest change not yet screened.

export interface RescreenProgress {
  running: boolean; done: number; total: number; raised: number; finishedAt: string | null;
  /** entries the run screens against: the changed ones, or the whole index */
  entries: number; changedOnly: boolean;
}

/** A change of more than this share of the list (and over DELTA_MIN entries) is screened against the whole index. */
const DELTA_SHARE = 0.2;
const DELTA_MIN = 10_000;

const earlier = (a: ListChange | null, b: ListChange): ListChange =>
  (a === null ? b : { since: a.since === null || b.since === null ? null : a.since < b.since ? a.since : b.since });

export function rescreenRunner(app: FastifyInstance, ctx: Pick<AppContext, 'db' | 'relay'> & { screening: AppContext['screening'] }) {
  const progress: RescreenProgress = { running: false, done: 0, total: 0, raised: 0, finishedAt: null, entries: 0, changedOnly: false };
  let pending: ListChange | null = null;
  let stopped = false;
  const shutdown = new AbortController();
  let run: Promise<void> | null = null;

  const screenerFor = async (change: ListChange) => {
    const whole = await ctx.screening.current();
    if (change.since === null) return { screener: ctx.screening, entries: whole.entries, changedOnly: false };
    const delta = await ctx.screening.changedSince(change.since, Math.max(DELTA_MIN, whole.entries * DELTA_SHARE));
    return delta
      ? { screener: delta, entries: delta.entries, changedOnly: true }
      : { screener: ctx.screening, entries: whole.entries, changedOnly: false };
  };

  const start = (change: ListChange = { since: null }): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (run) { pending = earlier(pending, change); return run; }
    Object.assign(progress, { running: true, done: 0, total: 0, raised: 0, entries: 0, changedOnly: false });
    run = screenerFor(change)
      .then(({ screener, entries, changedOnly }) => {
        Object.assign(progress, { entries, changedOnly });
        return entries === 0 ? 0 : rescreenPresent(ctx.db, screener, (done, total) => Object.assign(progress, { done, total }), shutdown.signal);
      })
      .then((raised) => { progress.raised = raised; if (raised) void ctx.relay.kick(); })
      .catch((err) => app.log.error({ err }, 're-screening'))
      .finally(() => {
        Object.assign(progress, { running: false, finishedAt: new Date().toISOString() });
        run = null;
        const next = pending;
        pending = null;
        if (next && !stopped) void start(next);
      });
    return run;
  };
  // at shutdown: no further run, and the one under way ends after its page (alerts are committed page by page)
  const stop = () => { stopped = true; shutdown.abort(); return run ?? Promise.resolve(); };
  return { start, stop, progress: () => ({ ...progress }), idle: () => run ?? Promise.resolve() };
}
