import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { rescreenPresent } from './raise';

// Re-screening everyone present when a list changes, one run at a time, with its progress kept
// for the status route. A change during a run schedules one more run after it.

export interface RescreenProgress { running: boolean; done: number; total: number; raised: number; finishedAt: string | null }

export function rescreenRunner(app: FastifyInstance, ctx: Pick<AppContext, 'db' | 'relay'> & { screening: AppContext['screening'] }) {
  const progress: RescreenProgress = { running: false, done: 0, total: 0, raised: 0, finishedAt: null };
  let again = false;
  let stopped = false;
  const shutdown = new AbortController();
  let run: Promise<void> | null = null;
  const start = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (run) { again = true; return run; }
    Object.assign(progress, { running: true, done: 0, total: 0, raised: 0 });
    run = rescreenPresent(ctx.db, ctx.screening, (done, total) => Object.assign(progress, { done, total }), shutdown.signal)
      .then((raised) => { progress.raised = raised; if (raised) void ctx.relay.kick(); })
      .catch((err) => app.log.error({ err }, 're-screening'))
      .finally(() => {
        Object.assign(progress, { running: false, finishedAt: new Date().toISOString() });
        run = null;
        if (again && !stopped) { again = false; void start(); }
      });
    return run;
  };
  // at shutdown: no further run, and the one under way ends after its page (alerts are committed page by page)
  const stop = () => { stopped = true; shutdown.abort(); return run ?? Promise.resolve(); };
  return { start, stop, progress: () => ({ ...progress }), idle: () => run ?? Promise.resolve() };
}
