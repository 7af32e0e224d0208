import { createHmac, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, NotificationDeliveriesTable } from '../../db/schema';
import { bilingualText, type MailConfig, sendMail } from '../../mail';
import type { NoticeMail } from './inbox';

// Sending what was queued: e-mails through the mail module, webhooks as a signed JSON POST.
// A failure is retried with growing waits (30 s, 1 min, 2 min, ... at most 1 h) and given up
// after MAX_ATTEMPTS. A claimed row is moved forward first, so two instances never send it twice.

export const MAX_ATTEMPTS = 8;
const WEBHOOK_TIMEOUT_MS = 10_000;

export interface AlertNotice { alertId: string; rule: string; severity: string; source: string; regionCode: string; at: string; url: string }

export function backoffMs(attempts: number): number {
  return Math.min(3600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe-style receivers expect. */
export function signWebhook(secret: string, body: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

export async function enqueue(db: Kysely<Database>, eventId: string, channel: 'email' | 'webhook', target: string, payload: unknown, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await db.insertInto('notification_deliveries').values({
    id: randomUUID(), event_id: eventId, channel, target, payload: JSON.stringify(payload), status: 'pending', attempts: 0,
    next_attempt_at: at, last_error: null, created_at: at, delivered_at: null,
  }).onConflict((oc) => oc.columns(['event_id', 'channel', 'target']).doNothing()).execute();
}

export const DELIVERY_PAGE = 50;

/**
 * Sends up to a page of deliveries that are due; returns how many were tried and delivered. An
 * aborted run (shutdown) stops before its next row and gives a row it was sending back untouched.
 */
export async function deliverDue(db: Kysely<Database>, mail: { config: MailConfig }, now = new Date(), signal?: AbortSignal): Promise<{ tried: number; delivered: number }> {
  const due = await db.selectFrom('notification_deliveries').selectAll().where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString()).orderBy('next_attempt_at').limit(DELIVERY_PAGE).execute();
  let delivered = 0;
  for (const row of due) {
    if (signal?.aborted) break;
    // claim: push the next attempt out before trying, so nobody else picks the row meanwhile
    const claimed = await db.updateTable('notification_deliveries')
      .set({ attempts: row.attempts + 1, next_attempt_at: new Date(now.getTime() + backoffMs(row.attempts + 1)).toISOString() })
      .where('id', '=', row.id).where('attempts', '=', row.attempts).where('status', '=', 'pending').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    try {
      await send(db, mail, row, now, signal);
      await db.updateTable('notification_deliveries').set({ status: 'delivered', delivered_at: new Date().toISOString(), last_error: null }).where('id', '=', row.id).execute();
      delivered++;
    } catch (err) {
      if (signal?.aborted) { // not the receiver's failure: the row is due again at the next start
        await db.updateTable('notification_deliveries').set({ attempts: row.attempts, next_attempt_at: row.next_attempt_at }).where('id', '=', row.id).execute();
        break;
      }
      await db.updateTable('notification_deliveries')
        .set({ last_error: String((err as Error).message ?? err).slice(0, 500), ...(row.attempts + 1 >= MAX_ATTEMPTS ? { status: 'failed' } : {}) })
        .where('id', '=', row.id).execute();
    }
  }
  return { tried: due.length, delivered };
}

async function send(db: Kysely<Database>, mail: { config: MailConfig }, row: NotificationDeliveriesTable, now: Date, signal?: AbortSignal): Promise<void> {
  const notice = JSON.parse(row.payload) as AlertNotice;
  if (row.channel === 'email') {
    const user = await db.selectFrom('users').select(['email', 'active']).where('id', '=', row.target).executeTakeFirst();
    if (!user?.email || !Number(user.active)) return; // nobody to tell any more: done
    const inbox = JSON.parse(row.payload) as Partial<NoticeMail>;
    if (inbox.kind) { await sendMail(mail, { to: user.email, ...noticeMail(inbox as NoticeMail) }); return; }
    await sendMail(mail, {
      to: user.email,
      // no personal data leaves by mail: what, how severe, where, and the link to look (signed in)
      subject: `[Sinergi] Peringatan ${notice.severity.toUpperCase()} / ${notice.severity} alert: ${notice.rule} (${notice.regionCode})`,
      text: bilingualText(
        `Ada peringatan baru (${notice.rule}, tingkat ${notice.severity}) di wilayah ${notice.regionCode}.\nBuka: ${notice.url}\n\nData pribadi hanya dapat dilihat setelah masuk.`,
        `A new alert (${notice.rule}, ${notice.severity}) was raised in region ${notice.regionCode}.\nOpen: ${notice.url}\n\nPersonal data is shown only after signing in.`,
      ),
    });
    return;
  }
  const hook = await db.selectFrom('webhooks').selectAll().where('id', '=', row.target).executeTakeFirst();
  if (!hook || !Number(hook.active)) return;
  const body = JSON.stringify({ event: 'alert.raised', ...notice });
  const res = await fetch(hook.url, {
    method: 'POST', body, signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]) : AbortSignal.timeout(WEBHOOK_TIMEOUT_MS), redirect: 'error',
    headers: { 'content-type': 'application/json', 'x-sinergi-event': 'alert.raised', 'x-sinergi-delivery': row.id, 'x-sinergi-signature': signWebhook(hook.secret, body, now) },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
}

/** A mention's or a task's e-mail: who, which team, the link; not the message (it may name a case). */
export function noticeMail(n: NoticeMail): { subject: string; text: string } {
  const by = n.actorName ?? 'Sinergi';
  const [id, en] = n.kind === 'mention'
    ? [`${by} menyebut Anda di kanal ${n.teamName}.`, `${by} mentioned you in the ${n.teamName} channel.`]
    : n.kind === 'task_assigned'
      ? [`${by} memberi Anda tugas tindak lanjut di ${n.teamName}.`, `${by} assigned you a follow-up task in ${n.teamName}.`]
      : [`Tugas Anda di ${n.teamName} jatuh tempo.`, `A task of yours in ${n.teamName} is due.`];
  const subject = n.kind === 'mention' ? `[Sinergi] Anda disebut / You were mentioned: ${n.teamName}` : `[Sinergi] Tugas / Task: ${n.teamName}`;
  return { subject, text: bilingualText(`${id}\nBuka: ${n.url}`, `${en}\nOpen: ${n.url}`) };
}
