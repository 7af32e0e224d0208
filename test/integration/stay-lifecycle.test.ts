import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { localDate, localDateTime } from '../../src/domain/regions';
import { remindOpenStays } from '../../src/server/jobs/reminders';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// A stay after its check-in: duplicates refused with a link, bulk check-out, extension, room
// change, correction with the original kept, cancellation of a report and of a check-out,
// the "to close" list and the daily reminder.

// the lodgings are in Soppeng (WITA): "today" is theirs, not UTC's (they differ from 16:00 UTC)
const today = () => localDate(new Date(), 'WITA');

for (const kind of dialectMatrix()) {
  describe(`stay lifecycle on ${kind}`, () => {
    let server: TestServer;
    const cookies: Record<string, string> = {};
    const call = (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      server.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload === undefined ? {} : { payload: payload as object }) });
    const checkIn = async (body = checkInBody(), user = 'hotel.maryam') => {
      const res = await call(user, 'POST', '/api/v1/stays', body);
      expect(res.statusCode, res.body).toBe(201);
      return { ...(res.json() as { id: string; receiptNumber: string; verifyUrl: string; members: { id: string }[] }), body };
    };
    const stay = async (id: string, user = 'hotel.maryam') => (await call(user, 'GET', `/api/v1/stays/${id}`)).json();
    const history = async (id: string, user = 'hotel.maryam') => (await call(user, 'GET', `/api/v1/stays/${id}/history`)).json();

    beforeAll(async () => {
      server = await startTestServer({ kind });
      for (const u of ['hotel.maryam', 'villa.lejja', 'imigrasi.parepare', 'polres.soppeng', 'polres.makassar']) cookies[u] = await server.login(u);
    });
    afterAll(async () => server?.close());

    it('refuses a passport already present at the lodging with a link to its stay, and allows it at another lodging', async () => {
      const first = await checkIn();
      const again = await call('hotel.maryam', 'POST', '/api/v1/stays', { ...checkInBody(), guest: first.body.guest });
      expect(again.statusCode).toBe(409);
      expect(again.headers['content-type']).toContain('application/problem+json');
      expect(again.json().existing).toEqual({ id: first.id, receiptNumber: first.receiptNumber, href: `/api/v1/stays/${first.id}` });
      expect(again.json().errors[0].field).toBe('guest.document.number');
      // a member of a group is named by its line
      const group = { ...checkInBody(), members: [checkInBody().guest, first.body.guest] };
      expect((await call('hotel.maryam', 'POST', '/api/v1/stays', group)).json().errors[0].field).toBe('members.1.document.number');
      // lodging-hopping is for supervision to see, not refused
      await checkIn({ ...checkInBody(), guest: first.body.guest }, 'villa.lejja');
      // once checked out, the passport may come back
      expect((await call('hotel.maryam', 'POST', `/api/v1/stays/${first.id}/checkout`, { departureDate: today() })).statusCode).toBe(200);
      await checkIn({ ...checkInBody(), guest: first.body.guest });
    });

    it('checks several guests out at once with a result per stay', async () => {
      const a = await checkIn();
      const b = await checkIn();
      const other = await checkIn(checkInBody(), 'villa.lejja');
      const res = await call('hotel.maryam', 'POST', '/api/v1/stays/checkout', { stayIds: [a.id, b.id, other.id, 'no-such-stay'], departureDate: today() });
      expect(res.statusCode).toBe(200);
      expect(res.json().checkedOut).toBe(2);
      expect(res.json().results.map((r: { status: number }) => r.status)).toEqual([200, 200, 404, 404]);
      const twice = await call('hotel.maryam', 'POST', '/api/v1/stays/checkout', { stayIds: [a.id], departureDate: today() });
      expect(twice.json().results[0]).toMatchObject({ status: 409, ok: false });
      expect((await stay(a.id)).present).toBe(false);
      expect((await stay(other.id, 'villa.lejja')).present).toBe(true);
      expect((await call('hotel.maryam', 'POST', '/api/v1/stays/checkout', { stayIds: Array.from({ length: 201 }, (_, i) => `s${i}`), departureDate: today() })).statusCode).toBe(400);
      expect((await call('polres.soppeng', 'POST', '/api/v1/stays/checkout', { stayIds: [b.id], departureDate: today() })).statusCode).toBe(403);
    });

    it('extends a stay and changes its room, each kept in the history', async () => {
      const s = await checkIn();
      const later = addDays(today(), 20);
      const ext = await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/extension`, { plannedDeparture: later, permitValidUntil: addDays(today(), 40), reason: 'perpanjangan' });
      expect(ext.statusCode, ext.body).toBe(200);
      expect(ext.json()).toMatchObject({ plannedDeparture: later, permit: { validUntil: addDays(today(), 40) } });
      expect((await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/extension`, { plannedDeparture: '2000-01-01' })).statusCode).toBe(400);
      expect((await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/room`, { room: '305' })).json().room).toBe('305');
      const h = await history(s.id);
      expect(h.changes.map((c: { kind: string }) => c.kind)).toEqual(['extend', 'room']);
      expect(h.changes[0].before).toEqual({ plannedDeparture: s.body.plannedDeparture, permitValidUntil: s.body.guest.permit.validUntil });
      expect(h.changes[1]).toMatchObject({ before: { room: '101' }, after: { room: '305' } });
      expect(h.original).toMatchObject({ room: '101', plannedDeparture: s.body.plannedDeparture });
      const audit = await server.db.selectFrom('audit_log').select(['action', 'detail']).where('resource_id', '=', s.id).where('action', 'like', 'stay.%').where('action', '!=', 'stay.history').orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['stay.check_in', 'stay.extend', 'stay.room']);
      expect(JSON.parse(audit[2]!.detail)).toMatchObject({ before: { room: '101' }, after: { room: '305' } });
    });

    it('corrects a typo with a reason, keeping the original beside it', async () => {
      const body = checkInBody();
      body.guest.surname = 'TESTSON';
      const s = await checkIn(body);
      const res = await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/correction`, { reason: 'Salah ketik nama', fields: { surname: ' TESTSSON ', sex: 'M' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().guest).toMatchObject({ surname: 'TESTSSON', sex: 'M' });
      const h = await history(s.id);
      expect(h.original).toMatchObject({ surname: 'TESTSON', sex: 'F' });
      expect(h.changes[0]).toMatchObject({ kind: 'correct', reason: 'Salah ketik nama', before: { surname: 'TESTSON', sex: 'F' }, after: { surname: 'TESTSSON', sex: 'M' } });
      // a person known only from this report follows it: no conflict with itself
      const row = await server.db.selectFrom('stays').innerJoin('persons', 'persons.id', 'stays.person_id').select(['persons.surname', 'stays.person_id'])
        .where('stays.id', '=', s.id).executeTakeFirstOrThrow();
      expect(row.surname).toBe('TESTSSON');
      expect(await server.db.selectFrom('identity_conflicts').select('id').where('stay_id', '=', s.id).where('status', '=', 'open').execute()).toHaveLength(0);
      // the reason is required; a bad value is named
      expect((await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/correction`, { fields: { surname: 'X' } })).statusCode).toBe(400);
      const bad = await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/correction`, { reason: 'tanggal', fields: { dateOfBirth: '2999-01-01' } });
      expect(bad.json().errors[0].field).toBe('fields.dateOfBirth');
      expect((await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/correction`, { reason: 'sama', fields: { surname: 'TESTSSON' } })).statusCode).toBe(400);
    });

    it('relinks a corrected passport number to the person who holds it, raising a conflict where they differ', async () => {
      const known = await checkIn(checkInBody(), 'villa.lejja');
      const body = checkInBody();
      body.guest.surname = 'LAIN';
      const s = await checkIn(body);
      const res = await call('imigrasi.parepare', 'POST', `/api/v1/stays/${s.id}/correction`, {
        reason: 'Nomor paspor salah ketik, diperiksa petugas', fields: { documentNumber: known.body.guest.document.number },
      });
      expect(res.statusCode, res.body).toBe(200);
      const rows = await server.db.selectFrom('stays').select(['id', 'person_id']).where('id', 'in', [s.id, known.id]).execute();
      expect(new Set(rows.map((r) => r.person_id)).size).toBe(1);
      const conflicts = await server.db.selectFrom('identity_conflicts').select(['fields', 'status']).where('stay_id', '=', s.id).execute();
      expect(conflicts.filter((c) => c.status === 'open').map((c) => Object.keys(JSON.parse(c.fields)))).toEqual([expect.arrayContaining(['surname'])]);
      // another Timpora member only reads
      expect((await call('polres.soppeng', 'POST', `/api/v1/stays/${s.id}/correction`, { reason: 'coba', fields: { room: 'x' } })).statusCode).toBe(400);
      expect((await call('polres.soppeng', 'POST', `/api/v1/stays/${s.id}/correction`, { reason: 'coba', fields: { surname: 'X' } })).statusCode).toBe(403);
      expect((await call('polres.makassar', 'POST', `/api/v1/stays/${s.id}/correction`, { reason: 'coba', fields: { surname: 'X' } })).statusCode).toBe(404);
    });

    it('cancels a mistaken report: kept, shown cancelled, no longer present or counted', async () => {
      const s = await checkIn();
      const count = async () => (await call('imigrasi.parepare', 'GET', '/api/v1/stats/present')).json().presentCount as number;
      const before = await count();
      const res = await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/cancellation`, { reason: 'Tamu salah dilaporkan' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ cancelled: true, present: false, cancelReason: 'Tamu salah dilaporkan', abilities: { correct: false, checkOut: false } });
      expect(await count()).toBe(before - 1);
      const present = (await call('hotel.maryam', 'GET', '/api/v1/stays?present=true&pageSize=200')).json().items.map((i: { id: string }) => i.id);
      expect(present).not.toContain(s.id);
      expect((await stay(s.id)).cancelled).toBe(true);
      expect((await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/checkout`, { departureDate: today() })).statusCode).toBe(409);
      expect((await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/cancellation`, { reason: 'lagi' })).statusCode).toBe(409);
      // the passport may be reported again
      await checkIn({ ...checkInBody(), guest: s.body.guest });
      expect((await history(s.id)).changes[0]).toMatchObject({ kind: 'cancel_report', before: { status: 'present' }, after: { status: 'cancelled' } });
    });

    it('cancels a mistaken check-out: the guest is present again', async () => {
      const s = await checkIn();
      await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/checkout`, { departureDate: today() });
      expect((await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/room`, { room: '9' })).statusCode).toBe(409);
      const res = await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/checkout-cancellation`, { reason: 'Kamar yang salah di-check-out' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ present: true, departureDate: null });
      expect((await history(s.id)).changes[0]).toMatchObject({ kind: 'cancel_checkout', before: { departureDate: today() }, after: { departureDate: null } });
      expect((await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/checkout-cancellation`, { reason: 'lagi dong' })).statusCode).toBe(409);
      // not while the same passport is present here again
      await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/checkout`, { departureDate: today() });
      const back = await checkIn({ ...checkInBody(), guest: s.body.guest });
      const refused = await call('hotel.maryam', 'POST', `/api/v1/stays/${s.id}/checkout-cancellation`, { reason: 'Kamar yang salah' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().existing.id).toBe(back.id);
    });

    it('marks a report more than 24 hours after the arrival time late', async () => {
      const yesterday = addDays(today(), -1);
      const early = await checkIn(checkInBody(today(), { arrivalDate: addDays(today(), -2) }));
      expect((await stay(early.id)).findings).toContain('late_report');
      // arrived 24 hours and 2 minutes ago, by the clock: late, though only yesterday by the calendar
      // (the check compares whole minutes, so an arrival at 00:00 is not yet late at 00:00:30)
      const [arrivalDate, arrivalTime] = localDateTime(new Date(Date.now() - (24 * 60 + 2) * 60_000).toISOString(), 'WITA').split(' ');
      const timed = await checkIn(checkInBody(today(), { arrivalDate: arrivalDate!, arrivalTime: arrivalTime! }));
      expect((await stay(timed.id)).findings).toContain('late_report');
      const untimed = await checkIn(checkInBody(today(), { arrivalDate: yesterday }));
      expect((await stay(untimed.id)).findings).not.toContain('late_report');
      expect((await stay(timed.id)).arrivalTime).toBe(arrivalTime);
    });

    it('lists stays past their planned departure to close, and reminds the lodging once a day', async () => {
      const overdue = await checkIn(checkInBody(today(), { arrivalDate: addDays(today(), -5), plannedDeparture: addDays(today(), -1) }));
      const due = await checkIn(checkInBody(today(), { plannedDeparture: today() }));
      const list = (await call('hotel.maryam', 'GET', '/api/v1/stays?toClose=true&pageSize=200')).json();
      const ids = list.items.map((i: { id: string }) => i.id);
      expect(ids).toContain(overdue.id);
      expect(ids).not.toContain(due.id);
      const seen: string[] = [];
      const made = await remindOpenStays(server.db, new Date(), async (r) => { seen.push(r.orgName); });
      const maryam = made.find((r) => r.orgName === 'Hotel Maryam')!;
      expect(maryam.stayIds).toContain(overdue.id);
      expect(seen).toContain('Hotel Maryam');
      expect(await remindOpenStays(server.db)).toHaveLength(0); // once a day
      const home = (await call('hotel.maryam', 'GET', '/api/v1/reminders')).json();
      expect(home.toClose).toBe(list.total);
      expect(home.reminder).toMatchObject({ id: maryam.id, count: maryam.count });
      await call('hotel.maryam', 'POST', `/api/v1/stays/${overdue.id}/checkout`, { departureDate: today() });
      expect((await call('hotel.maryam', 'GET', '/api/v1/reminders')).json().toClose).toBe(list.total - 1);
    });
  });
}
