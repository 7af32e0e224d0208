import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

const PASSWORD = 'a-long-password';

// Finding 4: an administrator gave himself personal data by creating an officer account and
// signing in with it. Accounts that can see personal data now wait for a second administrator.
for (const kind of dialectMatrix()) {
  describe(`accounts under the two-person rule on ${kind}`, () => {
    let server: TestServer;
    let admin: string;
    let admin2: string;
    let imigrasiId: string;
    beforeAll(async () => {
      server = await startTestServer({ kind });
      admin = await server.login('admin');
      imigrasiId = (await api('GET', '/api/v1/admin/agencies', admin)).json().items.find((a: { kind: string }) => a.kind === 'imigrasi').id;
      // bootstrap: the sole administrator may add the second one without approval
      const second = await api('POST', '/api/v1/admin/users', admin, { username: 'admin.kedua', displayName: 'Admin Kedua', password: PASSWORD, role: 'admin' });
      expect(second.json()).toMatchObject({ active: true, approval: 'approved' });
      admin2 = await server.login('admin.kedua', PASSWORD);
    });
    afterAll(async () => server?.close());

    const api = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
      server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const signIn = (username: string, password = PASSWORD) => server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    const officer = (username: string) => ({ username, displayName: 'Petugas Uji', password: PASSWORD, role: 'immigration_officer', agencyId: imigrasiId, areaCode: '73.12' });

    it('creates an officer account inactive; it cannot sign in, and its creator cannot approve it', async () => {
      const created = await api('POST', '/api/v1/admin/users', admin, officer('petugas.satu'));
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ active: false, approval: 'pending', abilities: { approve: false, reject: true } });
      const pendingLogin = await signIn('petugas.satu');
      const wrongPassword = await signIn('hotel.maryam', 'wrong-password');
      expect(pendingLogin.statusCode).toBe(401);
      expect(pendingLogin.json()).toEqual(wrongPassword.json()); // same answer as wrong credentials

      const self = await api('POST', `/api/v1/admin/users/${created.json().id}/approve`, admin);
      expect(self.statusCode).toBe(403);
      expect((await signIn('petugas.satu')).statusCode).toBe(401);

      const listed = (await api('GET', '/api/v1/admin/users', admin2)).json().items.find((u: { username: string }) => u.username === 'petugas.satu');
      expect(listed.abilities).toEqual({ approve: true, reject: true });
      const approved = await api('POST', `/api/v1/admin/users/${created.json().id}/approve`, admin2);
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({ active: true, approval: 'approved' });
      expect((await signIn('petugas.satu')).statusCode).toBe(200);
      expect((await api('POST', `/api/v1/admin/users/${created.json().id}/approve`, admin2)).statusCode).toBe(409);

      const entries = await server.db.selectFrom('audit_log').select(['action', 'actor_username']).where('resource_id', '=', created.json().id).where('action', 'like', 'user.%').orderBy('seq').execute();
      expect(entries.slice(0, 2)).toEqual([{ action: 'user.create', actor_username: 'admin' }, { action: 'user.approve', actor_username: 'admin.kedua' }]);
    });

    it('rejects with a reason; a rejected account stays out', async () => {
      const created = (await api('POST', '/api/v1/admin/users', admin, officer('petugas.dua'))).json();
      expect((await api('POST', `/api/v1/admin/users/${created.id}/reject`, admin2, {})).statusCode).toBe(400);
      const rejected = await api('POST', `/api/v1/admin/users/${created.id}/reject`, admin2, { reason: 'tidak dikenal kantor' });
      expect(rejected.statusCode).toBe(200);
      expect(rejected.json()).toMatchObject({ active: false, approval: 'rejected' });
      expect((await api('POST', `/api/v1/admin/users/${created.id}/approve`, admin2)).statusCode).toBe(409);
      expect((await signIn('petugas.dua')).statusCode).toBe(401);
      const entry = await server.db.selectFrom('audit_log').select(['detail']).where('resource_id', '=', created.id).where('action', '=', 'user.reject').executeTakeFirstOrThrow();
      expect(JSON.parse(entry.detail)).toMatchObject({ reason: 'tidak dikenal kantor' });
    });

    it('once two administrators exist, a new administrator waits for the other one as well', async () => {
      const created = await api('POST', '/api/v1/admin/users', admin, { username: 'admin.ketiga', displayName: 'Admin Ketiga', password: PASSWORD, role: 'admin' });
      expect(created.json()).toMatchObject({ active: false, approval: 'pending' });
      expect((await signIn('admin.ketiga')).statusCode).toBe(401);
      const auditor = await server.login('auditor');
      const pending = await api('GET', '/api/v1/audit/pending-accounts', auditor);
      expect(pending.statusCode).toBe(200);
      expect(pending.json().items.map((u: { username: string }) => u.username)).toContain('admin.ketiga');
      expect(pending.json().items.find((u: { username: string }) => u.username === 'admin.ketiga').createdByUsername).toBe('admin');
      expect((await api('POST', `/api/v1/admin/users/${created.json().id}/approve`, auditor)).statusCode).toBe(403);
      const hotel = await server.login('hotel.maryam');
      expect((await api('GET', '/api/v1/audit/pending-accounts', hotel)).statusCode).toBe(403);
    });

    it('keeps the seeded demo accounts active', async () => {
      const users = (await api('GET', '/api/v1/admin/users', admin)).json().items as { username: string; active: boolean; approval: string }[];
      expect(users.find((u) => u.username === 'imigrasi.parepare')).toMatchObject({ active: true, approval: 'approved' });
    });
  });
}
