// Reports kept on the device until the office has them. Each is made once with its own
// Idempotency-Key, so however often it is sent (a reply lost, two tabs, a reload mid-send)
// the server stores it once. Sending starts when the connection returns and retries with backoff.
import { api, ApiError, type FieldError } from '../../api/client';
import type { TimeZoneName } from '../../../domain/regions/types';
import type { FamilyCreated, FamilyInput } from '../stays/checkInForm';
import { keyedStore } from './idb';
import { backoffMs, outcomeOf, reportDeadline } from './rules';

const { idbAll, idbDelete, idbPut } = keyedStore('sinergi-offline');

export type ReportState = 'queued' | 'sent' | 'refused';

export interface QueuedReport {
  /** also the Idempotency-Key */
  id: string;
  userId: string;
  createdAt: string;
  zone: TimeZoneName;
  deadline: string;
  input: FamilyInput;
  state: ReportState;
  attempts: number;
  nextAttemptAt: number;
  sentAt?: string;
  stayId?: string;
  receiptNumber?: string;
  error?: { message: string; fieldErrors: FieldError[] };
}

type Listener = (reports: QueuedReport[]) => void;
const listeners = new Set<Listener>();
let cache: QueuedReport[] = [];

async function reload(): Promise<QueuedReport[]> {
  cache = (await idbAll<QueuedReport>()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const l of listeners) l(cache);
  return cache;
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  listener(cache);
  void reload();
  return () => listeners.delete(listener);
}

export async function enqueue(args: { id: string; userId: string; zone: TimeZoneName; input: FamilyInput }): Promise<QueuedReport> {
  const createdAt = new Date().toISOString();
  const report: QueuedReport = {
    ...args, createdAt, deadline: reportDeadline(args.input.arrivalDate, createdAt, args.zone),
    state: 'queued', attempts: 0, nextAttemptAt: 0,
  };
  await idbPut(report);
  await reload();
  return report;
}

export async function getReport(id: string): Promise<QueuedReport | undefined> {
  return (await reload()).find((r) => r.id === id);
}

export async function removeReport(id: string): Promise<void> {
  await idbDelete(id);
  await reload();
}

let flushing: Promise<void> | null = null;

/** Sends the user's due reports, one at a time; `force` ignores the backoff (the network just came back). */
export function flush(userId: string, force = false): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return Promise.resolve();
  flushing ??= (async () => {
    try {
      for (const r of await reload()) {
        if (r.userId !== userId || r.state !== 'queued' || (!force && r.nextAttemptAt > Date.now())) continue;
        await sendOne(r);
        if (navigator.onLine === false) break;
      }
    } finally {
      flushing = null;
      await reload();
    }
  })();
  return flushing;
}

async function sendOne(r: QueuedReport): Promise<void> {
  let next: QueuedReport;
  try {
    const res = await api<FamilyCreated>('/api/v1/stays', { method: 'POST', body: r.input, headers: { 'Idempotency-Key': r.id } });
    next = { ...r, state: 'sent', sentAt: new Date().toISOString(), stayId: res.id, receiptNumber: res.receiptNumber, error: undefined };
  } catch (err) {
    const status = err instanceof ApiError ? err.status : 0;
    const outcome = outcomeOf(status);
    const attempts = r.attempts + 1;
    next = outcome === 'refused'
      ? { ...r, state: 'refused', attempts, error: { message: (err as Error).message, fieldErrors: err instanceof ApiError ? err.fieldErrors : [] } }
      : { ...r, attempts, nextAttemptAt: Date.now() + backoffMs(attempts) };
  }
  await idbPut(next);
}

let started: { userId: string; stop: () => void } | null = null;

/** Sends this user's reports for the life of the page: at once, whenever the connection returns, and on a timer for backoff. */
export function startSender(userId: string): void {
  if (started?.userId === userId) return;
  started?.stop();
  const online = () => void flush(userId, true);
  window.addEventListener('online', online);
  const timer = window.setInterval(() => { if (cache.some((r) => r.state === 'queued')) void flush(userId); }, 3_000);
  started = { userId, stop: () => { window.removeEventListener('online', online); window.clearInterval(timer); } };
  void flush(userId);
}
