// Sightings kept on the phone until the office has them (the clerk form's approach, see
// ../offline/queue.ts). Each queued report gets its Idempotency-Key once, when it is saved, so
// however often it is sent (a reply lost in a weak signal, two tabs, a reload mid-send) the
// server stores it once. A photo follows its report (PUT, so a retry just replaces it).
import { api, ApiError, type FieldError } from '../../api/client';
import { backoffMs, outcomeOf } from '../offline/rules';
import { keyedStore } from '../offline/idb';
import type { SightingInput } from './types';

// the field form's own database, apart from the clerk form's queue; a queued photo is a Blob beside its report
const { idbAll, idbDelete, idbPut } = keyedStore('sinergi-sightings');

export type QueuedState = 'queued' | 'sent' | 'refused';

export interface QueuedSighting {
  /** also the Idempotency-Key */
  id: string;
  userId: string;
  createdAt: string;
  input: SightingInput;
  photo?: Blob;
  photoSent?: boolean;
  state: QueuedState;
  attempts: number;
  nextAttemptAt: number;
  sentAt?: string;
  sightingId?: string;
  error?: { message: string; fieldErrors: FieldError[] };
}

type Listener = (reports: QueuedSighting[]) => void;
const listeners = new Set<Listener>();
let cache: QueuedSighting[] = [];

async function reload(): Promise<QueuedSighting[]> {
  cache = (await idbAll<QueuedSighting>()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const l of listeners) l(cache);
  return cache;
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  listener(cache);
  void reload();
  return () => listeners.delete(listener);
}

/** A fresh Idempotency-Key: made once, stored with the report, never remade. */
export function newReportId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return `sgt-${crypto.randomUUID()}`;
  const bytes = (globalThis.crypto as Crypto).getRandomValues(new Uint8Array(16)); // plain http (no secure context): still unguessable
  return `sgt-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export async function enqueue(args: { userId: string; input: SightingInput; photo?: Blob }): Promise<QueuedSighting> {
  const report: QueuedSighting = {
    id: newReportId(), userId: args.userId, createdAt: new Date().toISOString(), input: args.input,
    ...(args.photo ? { photo: args.photo, photoSent: false } : {}),
    state: 'queued', attempts: 0, nextAttemptAt: 0,
  };
  await idbPut(report);
  await reload();
  return report;
}

export async function removeQueued(id: string): Promise<void> {
  await idbDelete(id);
  await reload();
}

let flushing: Promise<void> | null = null;

/** Sends the user's due reports one at a time; `force` ignores the backoff (the network just came back). */
export function flush(userId: string, force = false): Promise<void> {
  if (navigator.onLine === false) return Promise.resolve();
  flushing ??= (async () => {
    try {
      for (const r of await reload()) {
        const pending = r.state === 'queued' || (r.state === 'sent' && r.photo && !r.photoSent);
        if (r.userId !== userId || !pending || (!force && r.nextAttemptAt > Date.now())) continue;
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

async function sendOne(r: QueuedSighting): Promise<void> {
  let next: QueuedSighting = r;
  try {
    if (r.state === 'queued') {
      const res = await api<{ id: string }>('/api/v1/sightings', { method: 'POST', body: r.input, headers: { 'Idempotency-Key': r.id } });
      next = { ...r, state: 'sent', sentAt: new Date().toISOString(), sightingId: res.id, error: undefined };
      await idbPut(next);
    }
    if (next.photo && !next.photoSent && next.sightingId) {
      const res = await fetch(`/api/v1/sightings/${next.sightingId}/photo`, {
        method: 'PUT', body: next.photo, headers: { 'Content-Type': next.photo.type || 'image/jpeg' }, credentials: 'same-origin',
      }).catch(() => null);
      if (!res) throw new ApiError(0, 'network', 'network');
      // a refused photo (wrong type, too large) does not hold the report back
      next = { ...next, photoSent: true, ...(res.ok ? {} : { photo: undefined }) };
    }
  } catch (err) {
    const status = err instanceof ApiError ? err.status : 0;
    const attempts = next.attempts + 1;
    next = outcomeOf(status) === 'refused' && next.state === 'queued'
      ? { ...next, state: 'refused', attempts, error: { message: (err as Error).message, fieldErrors: err instanceof ApiError ? err.fieldErrors : [] } }
      : { ...next, attempts, nextAttemptAt: Date.now() + backoffMs(attempts) };
  }
  await idbPut(next);
}

let started: { userId: string; stop: () => void } | null = null;

/** Sends this user's reports for the life of the page: now, whenever the connection returns, and on a timer for backoff. */
export function startSightingSender(userId: string): void {
  if (started?.userId === userId) return;
  started?.stop();
  const online = () => void flush(userId, true);
  window.addEventListener('online', online);
  const timer = window.setInterval(() => { if (cache.some((r) => r.state === 'queued' || (r.photo && !r.photoSent))) void flush(userId); }, 3_000);
  started = { userId, stop: () => { window.removeEventListener('online', online); window.clearInterval(timer); } };
  void flush(userId);
}
