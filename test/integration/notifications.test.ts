import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { localDate } from '../../src/domain/regions';
import { deliverDue } from '../../src/server/features/notifications/deliver';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';
import { startTestSmtp, type TestSmtp } from '../fixtures/smtp';

// Alerts reach people outside the app: an e-mail (real SMTP server in-process) to officers who
// may read the alert and asked for its severity, and a signed POST to the team's gateway,
// retried until it answers 2xx. No personal data leaves by either.

interface Received { headers: http.IncomingHttpHeaders; body: string }

async function startGateway(failFirst: number) {
  const received: Received[] = [];
  let failures = failFirst;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      if (failures-- > 0) { res.statusCode = 503; res.end(); return; }
      received.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, close: () => new Promise((r) => server.close(r)) };
}

const overstayer = () => {
  const today = localDate(new Date(), 'WITA');
  const body = checkInBody(today);
  body.guest.surname = 'NOTIFYSON';
  body.guest.permit = { kind: 'visa_free_visit', validFrom: addDays(today, -40), validUntil: addDays(today, -2) };
  return { ...body, arrivalDate: addDays(today, -1) };
};

for (const kind of dialectMatrix()) {
  describe(`alert notifications on ${kind}`, () => {
    let server: TestServer;
    let smtp: TestSmtp;
    let gateway: Awaited<ReturnType<typeof startGateway>>;
    const cookies: Record<string, string> = {};
    const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who: string, payload?: object) =>
      server.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

    beforeAll(async () => {
      smtp = await startTestSmtp();
      gateway = await startGateway(1);
      server = await startTestServer({ kind, listen: true, env: { SINERGI_SMTP_URL: smtp.url } });
      for (const u of ['hotel.maryam', 'imigrasi.parepare', 'polres.soppeng', 'disnaker.soppeng']) cookies[u] = await server.login(u);
      for (const [u, email] of [['imigrasi.parepare', 'imigrasi@example.test'], ['polres.soppeng', 'polres@example.test'], ['disnaker.soppeng', 'disnaker@example.test']]) {
        await server.db.updateTable('users').set({ email }).where('username', '=', u!).execute();
      }
    });
    afterAll(async () => { await server?.close(); await smtp?.close(); await gateway?.close(); });

    it('keeps each officer\'s preferences; a reporter has none', async () => {
      expect((await call('GET', '/api/v1/me/notifications', 'polres.soppeng')).json()).toEqual({ email: true, minSeverity: 'high', mentions: true, tasks: true });
      expect((await call('PUT', '/api/v1/me/notifications', 'polres.soppeng', { email: false, minSeverity: 'low' })).statusCode).toBe(200);
      expect((await call('GET', '/api/v1/me/notifications', 'polres.soppeng')).json()).toEqual({ email: false, minSeverity: 'low', mentions: true, tasks: true });
      expect((await call('PUT', '/api/v1/me/notifications', 'polres.soppeng', { email: 'yes', minSeverity: 'low' })).statusCode).toBe(400);
      expect((await call('GET', '/api/v1/me/notifications', 'hotel.maryam')).statusCode).toBe(403);
    });

    it('lets immigration add a team webhook (https, or http to this machine), secret shown once', async () => {
      const team = await server.db.selectFrom('teams').select('id').where('region_code', '=', '73.12').executeTakeFirstOrThrow();
      expect((await call('POST', '/api/v1/webhooks', 'imigrasi.parepare', { teamId: team.id, url: 'http://gateway.example/x' })).json().errors[0].field).toBe('url');
      expect((await call('POST', '/api/v1/webhooks', 'polres.soppeng', { teamId: team.id, url: gateway.url })).statusCode).toBe(403);
      const created = await call('POST', '/api/v1/webhooks', 'imigrasi.parepare', { teamId: team.id, url: gateway.url, minSeverity: 'high' });
      expect(created.statusCode).toBe(201);
      expect(created.json().secret).toHaveLength(43);
      const listed = (await call('GET', '/api/v1/webhooks', 'imigrasi.parepare')).json();
      expect(listed.map((w: { id: string }) => w.id)).toContain(created.json().id);
      expect(JSON.stringify(listed)).not.toContain(created.json().secret);
      (globalThis as { hookSecret?: string }).hookSecret = created.json().secret;
    });

    it('mails immigration (not police, who opted out, nor the manpower office) and signs the webhook, retrying a failure', async () => {
      const before = smtp.messages.length;
      const res = await call('POST', '/api/v1/stays', 'hotel.maryam', overstayer());
      expect(res.statusCode).toBe(201);
      const mail = await smtp.waitFor('imigrasi@example.test', before, 10_000);
      expect(mail.subject).toMatch(/overstay/);
      expect(mail.text).toMatch(/\/alerts\?open=/);
      expect(mail.text).not.toMatch(/NOTIFYSON/); // no personal data by mail
      // the first webhook attempt got 503; the retry (due later) succeeds
      await server.app.notificationsIdle();
      await deliverDue(server.db, { config: { smtpUrl: smtp.url, mailFrom: 'x@example.test', mailOutboxDir: '/tmp' } }, new Date(Date.now() + 60_000));
      expect(gateway.received).toHaveLength(1);
      const hit = gateway.received[0]!;
      const [t, v1] = String(hit.headers['x-sinergi-signature']).split(',').map((p) => p.split('=')[1]);
      const secret = (globalThis as { hookSecret?: string }).hookSecret!;
      expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${hit.body}`).digest('hex'));
      expect(JSON.parse(hit.body)).toMatchObject({ event: 'alert.raised', rule: 'overstay', severity: 'high' });
      expect(hit.body).not.toMatch(/NOTIFYSON/);
      await new Promise((r) => setTimeout(r, 300));
      const to = smtp.messages.slice(before).flatMap((m) => [m.to].flat().flatMap((a) => a?.value ?? []).map((v) => v.address));
      expect(to).not.toContain('polres@example.test');
      expect(to).not.toContain('disnaker@example.test');
      const deliveries = await server.db.selectFrom('notification_deliveries').select(['channel', 'status', 'attempts']).where('channel', '=', 'webhook').execute();
      expect(deliveries).toEqual([{ channel: 'webhook', status: 'delivered', attempts: 2 }]);
    });

    it('queues a burst of alerts together, each to its own recipients once', async () => {
      const before = await server.db.selectFrom('notification_deliveries').select('id').execute();
      const posted = await Promise.all([0, 1, 2].map(() => call('POST', '/api/v1/stays', 'hotel.maryam', overstayer())));
      expect(posted.map((r) => r.statusCode)).toEqual([201, 201, 201]);
      const stayIds = posted.map((r) => r.json().id as string);
      const alerts = async () => server.db.selectFrom('alerts').select(['id', 'rule']).where('stay_id', 'in', stayIds).where('rule', '=', 'overstay').execute();
      await expect.poll(async () => (await alerts()).length, { timeout: 10_000 }).toBe(3);
      const imigrasi = await server.db.selectFrom('users').select('id').where('username', '=', 'imigrasi.parepare').executeTakeFirstOrThrow();
      const newDeliveries = () => server.db.selectFrom('notification_deliveries').select(['event_id', 'channel', 'target'])
        .where('id', 'not in', before.length ? before.map((d) => d.id) : ['-']).execute();
      // the alerts' events reach the notifier through the outbox relay, a moment after the alerts are stored
      await expect.poll(async () => (await newDeliveries()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
      await server.app.notificationsIdle();
      const added = await newDeliveries();
      const emails = added.filter((d) => d.channel === 'email');
      expect(emails.map((d) => d.target)).toEqual([imigrasi.id, imigrasi.id, imigrasi.id]);
      expect(new Set(emails.map((d) => d.event_id)).size).toBe(3);
      expect(added.filter((d) => d.channel === 'webhook')).toHaveLength(3);
    });
  });
}

describe('a team gateway that never answers', () => {
  it('does not hold the server at shutdown; its delivery stays queued, its attempt not counted', async () => {
    let asked = 0;
    const silent = http.createServer(() => { asked++; }); // reads the request, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const server = await startTestServer({ kind: 'sqlite' });
    try {
      const cookie = await server.login('imigrasi.parepare');
      const team = await server.db.selectFrom('teams').select('id').where('region_code', '=', '73.12').executeTakeFirstOrThrow();
      const hookUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`;
      expect((await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: { cookie }, payload: { teamId: team.id, url: hookUrl, minSeverity: 'high' } })).statusCode).toBe(201);
      const hotel = await server.login('hotel.maryam');
      expect((await server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie: hotel }, payload: overstayer() })).statusCode).toBe(201);
      await expect.poll(() => asked, { timeout: 15_000 }).toBe(1); // the POST is out and waiting
      await server.app.close(); // returns without waiting for the gateway's 10 s timeout to pass
      const rows = await server.db.selectFrom('notification_deliveries').select(['status', 'attempts']).where('channel', '=', 'webhook').execute();
      expect(rows).toEqual([{ status: 'pending', attempts: 0 }]);
    } finally {
      await server.close();
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  }, 30_000);
});
