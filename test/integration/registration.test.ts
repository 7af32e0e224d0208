import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';
import { type TestSmtp, startTestSmtp, tokenFrom } from '../fixtures/smtp';

const PASSWORD = 'kata-sandi-penginapan';
let counter = 0;

/** A lodging in Kelurahan Lalabata Rilau (Soppeng), unique per call. */
function lodging(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    kind: 'lodging', name: `Homestay Uji ${counter}`, lodgingType: 'homestay', nib: '9120001234567', address: `Jl. Uji No. ${counter}`,
    villageCode: '73.12.04.1001', lat: -4.35, lng: 119.88, personInCharge: 'Sitti Penguji', phone: '0812 3456 7890',
    email: `homestay${counter}@example.id`, username: `homestay.uji${counter}.${process.pid % 1000}`, password: PASSWORD, ...overrides,
  };
}

for (const kind of dialectMatrix()) {
  describe(`reporter registration on ${kind}`, () => {
    let server: TestServer;
    let smtp: TestSmtp;
    let officer: string;
    beforeAll(async () => {
      smtp = await startTestSmtp();
      server = await startTestServer({ kind, env: { SINERGI_SMTP_URL: smtp.url, SINERGI_MAIL_FROM: 'Kanim Parepare <sinergi@imigrasi.example.id>', SINERGI_PUBLIC_URL: 'https://sinergi.example.id' } });
      officer = await server.login('imigrasi.parepare');
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await smtp?.close();
    });

    const api = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
      server.app.inject({ method, url, headers: { ...(cookie ? { cookie } : {}), 'accept-language': 'id' }, ...(payload ? { payload } : {}) });
    const signIn = (username: string) => server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
    const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `sinergi_session=${res.cookies.find((c) => c.name === 'sinergi_session')!.value}`;

    /** Registers, reads the link from the SMTP server, verifies; returns the registration and a signed-in cookie. */
    async function registerAndVerify(body = lodging()) {
      const since = smtp.messages.length;
      const created = await api('POST', '/api/v1/registrations', undefined, body);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toEqual({ id: expect.any(String), status: 'pending', emailSent: true });
      const mail = await smtp.waitFor(body.email as string, since);
      const verified = await api('POST', '/api/v1/registrations/verify-email', undefined, { token: tokenFrom(mail) });
      expect(verified.statusCode, verified.body).toBe(200);
      const login = await signIn(body.username as string);
      expect(login.statusCode).toBe(200);
      return { id: created.json().id as string, body, mail, cookie: cookieOf(login) };
    }

    it('a lodging registers, verifies its e-mail by the link, is approved by imigrasi.parepare and checks a guest in', async () => {
      const body = lodging();
      const since = smtp.messages.length;
      const created = await api('POST', '/api/v1/registrations', undefined, body);
      expect(created.statusCode, created.body).toBe(201);
      const mail = await smtp.waitFor(body.email, since);
      expect(mail.from?.text).toContain('sinergi@imigrasi.example.id');
      expect(mail.subject).toMatch(/verifikasi alamat e-mail.*verify your e-mail/);
      expect(mail.text).toContain('https://sinergi.example.id/verifikasi-email?token=');
      expect(mail.text).toMatch(/Terima kasih[\s\S]*-- English --[\s\S]*Thank you/); // Indonesian first, English below
      const token = tokenFrom(mail);
      // the database keeps only the token's hash
      const stored = await server.db.selectFrom('email_tokens').selectAll().execute();
      expect(stored.some((t) => t.token_hash === token || t.token_hash.includes(token.split('.')[0]!))).toBe(false);

      // not before the e-mail is verified: the same answer as a wrong password
      const early = await signIn(body.username);
      expect(early.statusCode).toBe(401);

      expect((await api('POST', '/api/v1/registrations/verify-email', undefined, { token })).statusCode).toBe(200);
      const reused = await api('POST', '/api/v1/registrations/verify-email', undefined, { token });
      expect(reused.statusCode).toBe(400);
      expect(reused.json().errors).toEqual([{ field: 'token', message: expect.stringMatching(/Tautan tidak valid/) }]);

      const login = await signIn(body.username);
      expect(login.statusCode).toBe(200);
      const cookie = cookieOf(login);
      const me = (await api('GET', '/api/v1/me', cookie)).json();
      expect(me.reporterOrg).toMatchObject({ name: body.name, verified: false, registrationStatus: 'pending' });
      expect(me.abilities).toMatchObject({ checkIn: false, reviewRegistrations: false });
      // an unverified reporter cannot report
      expect((await api('POST', '/api/v1/stays', cookie, checkInBody())).statusCode).toBe(403);

      const queue = await api('GET', '/api/v1/registrations?status=pending', officer);
      expect(queue.statusCode).toBe(200);
      const item = queue.json().items.find((r: { id: string }) => r.id === created.json().id);
      expect(item).toMatchObject({
        kind: 'lodging', lodgingType: 'homestay', nib: '9120001234567', personInCharge: 'Sitti Penguji', phone: '081234567890', emailVerified: true,
        username: body.username, status: 'pending', lat: -4.35, lng: 119.88,
        village: { code: '73.12.04.1001', name: expect.stringMatching(/LALABATA RILAU/i), regency: expect.stringMatching(/SOPPENG/i) },
        abilities: { approve: true, reject: true },
      });
      expect((await api('GET', '/api/v1/me', officer)).json().abilities.reviewRegistrations).toBe(true);

      const before = smtp.messages.length;
      const approved = await api('POST', `/api/v1/registrations/${item.id}/approve`, officer);
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({ status: 'approved', abilities: { approve: false, reject: false } });
      const told = await smtp.waitFor(body.email, before);
      expect(told.subject).toMatch(/disetujui/);
      expect(told.text).toContain('Kantor Imigrasi Kelas II TPI Parepare');
      expect((await api('POST', `/api/v1/registrations/${item.id}/approve`, officer)).statusCode).toBe(409);

      // the same session now reports
      expect((await api('GET', '/api/v1/me', cookie)).json()).toMatchObject({ reporterOrg: { verified: true, registrationStatus: 'approved' }, abilities: { checkIn: true } });
      const stay = await api('POST', '/api/v1/stays', cookie, checkInBody());
      expect(stay.statusCode, stay.body).toBe(201);
      expect(stay.json().receiptNumber).toEqual(expect.any(String));

      const audit = await server.db.selectFrom('audit_log').select(['action', 'actor_username']).where('resource_id', '=', item.id).orderBy('seq').execute();
      expect(audit).toEqual([
        { action: 'registration.submit', actor_username: body.username },
        { action: 'registration.email_verified', actor_username: body.username },
        { action: 'registration.approve', actor_username: 'imigrasi.parepare' },
      ]);
    });

    it('rejects with a reason the registrant is told, by mail and on sign-in', async () => {
      const { id, body, cookie } = await registerAndVerify(lodging({ kind: 'company', lodgingType: undefined, lat: undefined, lng: undefined, name: 'PT Uji Sutera' }));
      expect((await api('POST', `/api/v1/registrations/${id}/reject`, officer, { reason: '' })).statusCode).toBe(400);
      const before = smtp.messages.length;
      const rejected = await api('POST', `/api/v1/registrations/${id}/reject`, officer, { reason: 'NIB tidak terdaftar di OSS' });
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect(rejected.json()).toMatchObject({ status: 'rejected', rejectedReason: 'NIB tidak terdaftar di OSS' });
      const mail = await smtp.waitFor(body.email as string, before);
      expect(mail.subject).toMatch(/ditolak/);
      expect(mail.text).toContain('NIB tidak terdaftar di OSS');
      expect((await api('GET', '/api/v1/me', cookie)).json().reporterOrg).toMatchObject({ verified: false, registrationStatus: 'rejected', rejectedReason: 'NIB tidak terdaftar di OSS' });
      expect((await api('POST', `/api/v1/registrations/${id}/approve`, officer)).statusCode).toBe(409);
      const listed = (await api('GET', '/api/v1/registrations?status=rejected', officer)).json().items.map((r: { id: string }) => r.id);
      expect(listed).toContain(id);
      const entry = await server.db.selectFrom('audit_log').select('detail').where('resource_id', '=', id).where('action', '=', 'registration.reject').executeTakeFirstOrThrow();
      expect(JSON.parse(entry.detail)).toMatchObject({ reason: 'NIB tidak terdaftar di OSS' });
    });

    it('approves only registrations whose e-mail is verified', async () => {
      const body = lodging();
      const created = await api('POST', '/api/v1/registrations', undefined, body);
      const item = (await api('GET', '/api/v1/registrations', officer)).json().items.find((r: { id: string }) => r.id === created.json().id);
      expect(item).toMatchObject({ emailVerified: false, abilities: { approve: false, reject: true } });
      const refused = await api('POST', `/api/v1/registrations/${item.id}/approve`, officer);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toMatch(/belum memverifikasi/);
    });

    it('an officer of another area does not see the registration (404); a Timpora member may not decide (403)', async () => {
      const { id } = await registerAndVerify();
      const agency = await server.db.selectFrom('agencies').select('id').where('name', 'like', '%Makassar%').where('kind', '=', 'imigrasi').executeTakeFirstOrThrow();
      await server.db.insertInto('users').values({
        id: randomUUID(), username: 'imigrasi.makassar', display_name: 'Petugas Kanim Makassar', email: null, password_hash: await hashPassword(PASSWORD),
        role: 'immigration_officer', agency_id: agency.id, area_code: '73.71', reporter_org_id: null, totp_secret: null, locale: 'id', active: 1,
        failed_logins: 0, locked_until: null, created_at: new Date().toISOString(), approval: 'approved',
      }).execute();
      const makassar = cookieOf(await signIn('imigrasi.makassar'));
      const queue = await api('GET', '/api/v1/registrations', makassar);
      expect(queue.statusCode).toBe(200);
      expect(queue.json().items.map((r: { id: string }) => r.id)).not.toContain(id);
      expect((await api('POST', `/api/v1/registrations/${id}/approve`, makassar)).statusCode).toBe(404);
      expect((await api('POST', `/api/v1/registrations/${id}/reject`, makassar, { reason: 'bukan wilayah kami' })).statusCode).toBe(404);
      const polres = await server.login('polres.soppeng');
      expect((await api('GET', '/api/v1/registrations', polres)).statusCode).toBe(403);
      expect((await api('POST', `/api/v1/registrations/${id}/approve`, polres)).statusCode).toBe(403);
      expect((await api('GET', '/api/v1/registrations')).statusCode).toBe(401);
    });

    it('names each bad field in a 400, and says a taken username is taken (409)', async () => {
      const bad = await api('POST', '/api/v1/registrations', undefined, lodging({ nib: '12345', lat: 35.68, lng: 139.69, villageCode: '73.12.04.9999', phone: 'abc', password: 'short' }));
      expect(bad.statusCode).toBe(400);
      const fields = Object.fromEntries(bad.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
      expect(fields).toEqual({
        nib: 'NIB harus 13 angka', lat: 'Titik GPS berada di luar wilayah Indonesia', villageCode: 'Kode wilayah tidak dikenal',
        phone: expect.stringMatching(/Nomor telepon/), password: 'Kata sandi minimal 10 karakter',
      });
      const privatePerson = await server.app.inject({
        method: 'POST', url: '/api/v1/registrations', headers: { 'accept-language': 'en' },
        payload: lodging({ kind: 'private', nib: undefined, nik: '12', personInCharge: undefined, villageCode: '73.12' }),
      });
      expect(privatePerson.json().errors).toEqual([
        { field: 'nik', message: expect.stringMatching(/NIK must be the 16 digits/) },
        { field: 'villageCode', message: expect.stringMatching(/Choose a village/) },
      ]);
      expect((await api('POST', '/api/v1/registrations', undefined, lodging({ lodgingType: 'castle' }))).json().errors[0].field).toBe('lodgingType');
      const taken = await api('POST', '/api/v1/registrations', undefined, lodging({ username: 'hotel.maryam' }));
      expect(taken.statusCode).toBe(409);
      expect(taken.json().errors).toEqual([{ field: 'username', message: 'Nama pengguna sudah dipakai' }]);
    });

    it('refuses an altered token and an unknown one alike', async () => {
      const body = lodging();
      const since = smtp.messages.length;
      await api('POST', '/api/v1/registrations', undefined, body);
      const token = tokenFrom(await smtp.waitFor(body.email, since));
      const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
      for (const altered of [flip(token, 3), flip(token, token.length - 2), `${token}x`, 'not-a-token', token.split('.')[0]!]) {
        const res = await api('POST', '/api/v1/registrations/verify-email', undefined, { token: altered });
        expect(res.statusCode, altered).toBe(400);
        expect(res.json().errors[0].field).toBe('token');
      }
      expect((await signIn(body.username)).statusCode).toBe(401);
      expect((await api('POST', '/api/v1/registrations/verify-email', undefined, { token })).statusCode).toBe(200); // the genuine one still works
    });

    it('lists villages for the public form without sign-in', async () => {
      const provinces = (await api('GET', '/api/v1/registrations/regions')).json().items;
      expect(provinces.find((p: { code: string }) => p.code === '73')).toMatchObject({ level: 1 });
      const villages = (await api('GET', '/api/v1/registrations/regions?parent=73.12.04')).json().items;
      expect(villages.map((v: { code: string }) => v.code)).toContain('73.12.04.1001');
    });
  });
}

describe('mail without an SMTP server', () => {
  it('writes the verification mail to <data dir>/outbox as an .eml file', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const server = await startTestServer({ kind: 'sqlite' });
    try {
      const body = lodging();
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
      expect(res.statusCode, res.body).toBe(201);
      const dir = path.join(server.dataDir, 'outbox');
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml'));
      expect(files).toHaveLength(1);
      const eml = fs.readFileSync(path.join(dir, files[0]!), 'utf8');
      expect(eml).toContain(`To: ${body.email}`);
      expect(eml).toMatch(/verifikasi-email\?token=/);
    } finally {
      await server.close();
    }
  });
});
