import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { preregMessage } from '../../src/domain/preregistration/errors';
import { submitDraft } from '../../src/server/features/preregistration/commands';
import { housekeeping } from '../../src/server/jobs/housekeeping';
import { pdfText } from '../fixtures/pdf-text';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Guest pre-registration: a guest fills in their own data from the lodging's link; it stays a
// draft (no stay, no event, nothing an officer sees) until the lodging's clerk confirms it.

const today = () => new Date().toISOString().slice(0, 10);
let counter = 0;
const answers = (over: Record<string, unknown> = {}) => {
  counter += 1;
  return {
    language: 'en', arrivalDate: today(), plannedDeparture: addDays(today(), 4), permitKind: 'visa_on_arrival',
    guest: {
      surname: 'PRERADOVIC', givenNames: `MILA ${counter}`, sex: 'F', dateOfBirth: '1991-06-02', nationality: 'SRB',
      document: { number: `PR${100000 + counter}${process.pid % 100}`, issuingState: 'SRB', expiryDate: addDays(today(), 1500) },
    },
    ...over,
  };
};

for (const kind of dialectMatrix()) {
  describe(`guest pre-registration on ${kind}`, () => {
    let server: TestServer;
    let hotel: string;
    let villa: string;
    let token: string;
    const as = (cookie: string | undefined, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      server.app.inject({ method, url, headers: { ...(cookie ? { cookie } : {}), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    const submit = (body: unknown, t = token, headers: Record<string, string> = {}) => as(undefined, 'POST', `/api/v1/prereg/${t}`, body, headers);
    const count = async (table: 'stays' | 'outbox' | 'preregistrations') =>
      Number((await server.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      server = await startTestServer({ kind });
      hotel = await server.login('hotel.maryam');
      villa = await server.login('villa.lejja');
      const res = await as(hotel, 'POST', '/api/v1/prereg-link');
      expect(res.statusCode).toBe(201);
      token = res.json().link.token;
      expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    });
    afterAll(async () => server?.close());

    it('shows a guest only the lodging\'s name', async () => {
      const res = await as(undefined, 'GET', `/api/v1/prereg/${token}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ lodgingName: 'Hotel Maryam' });
      expect((await as(undefined, 'GET', '/api/v1/prereg/not-a-token')).statusCode).toBe(404);
    });

    it('stores a guest\'s submission as a draft: no stay, no event', async () => {
      const [stays, outbox] = [await count('stays'), await count('outbox')];
      const body = answers({ language: 'ar' });
      const res = await submit(body);
      expect(res.statusCode).toBe(201);
      expect(res.json().reference).toMatch(/^[0-9A-F]{8}$/);
      expect(await count('stays')).toBe(stays);
      expect(await count('outbox')).toBe(outbox);
      const draft = await server.db.selectFrom('preregistrations').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      expect(draft.language).toBe('ar');
      expect(JSON.parse(draft.data).guest.document.number).toBe(body.guest.document.number);
      // officers learn nothing of it: not even the routes answer them
      const officer = await server.login('imigrasi.parepare');
      expect((await as(officer, 'GET', '/api/v1/preregistrations')).statusCode).toBe(403);
      expect((await as(officer, 'GET', `/api/v1/stays?q=${body.guest.document.number}`)).json().total).toBe(0);
    });

    it('names bad fields in the guest\'s language, with language-neutral keys', async () => {
      const body = answers({ language: 'ar' });
      body.guest.dateOfBirth = addDays(today(), 3);
      body.guest.surname = '  ';
      body.guest.nationality = 'QQQ';
      const res = await submit(body);
      expect(res.statusCode).toBe(400);
      const errors = res.json().errors as { field: string; key: string; message: string }[];
      expect(errors).toEqual(expect.arrayContaining([
        { field: 'guest.surname', key: 'field.required', message: preregMessage('ar', 'field.required') },
        { field: 'guest.dateOfBirth', key: 'field.date_in_future', message: preregMessage('ar', 'field.date_in_future') },
        { field: 'guest.nationality', key: 'field.unknown_country', message: preregMessage('ar', 'field.unknown_country') },
      ]));
      expect(errors.find((e) => e.field === 'guest.surname')!.message).toBe('حقل مطلوب');

      // schema problems too, in the body's language (Japanese) and failing the schema
      const ja = await submit({ ...answers({ language: 'ja' }), guest: { ...answers().guest, sex: 'Q' }, extra: 1 });
      expect(ja.statusCode).toBe(400);
      expect(ja.json().errors).toEqual(expect.arrayContaining([
        expect.objectContaining({ field: 'guest.sex', key: 'field.bad_choice', message: preregMessage('ja', 'field.bad_choice') }),
      ]));
      // no language in the body: the browser's
      const ko = await submit({ guest: answers().guest, arrivalDate: today() }, token, { 'accept-language': 'ko-KR,ko;q=0.9' });
      expect(ko.statusCode).toBe(400);
      expect(ko.json().errors[0]).toMatchObject({ field: 'language', message: preregMessage('ko', 'field.required') });
    });

    it('lets a guest pre-register a week ahead, not further', async () => {
      expect((await submit(answers({ arrivalDate: addDays(today(), 6), plannedDeparture: addDays(today(), 9) }))).statusCode).toBe(201);
      const far = await submit(answers({ language: 'ru', arrivalDate: addDays(today(), 30), plannedDeparture: addDays(today(), 33) }));
      expect(far.statusCode).toBe(400);
      expect(far.json().errors[0]).toMatchObject({ field: 'arrivalDate', key: 'field.arrival_far_future', message: preregMessage('ru', 'field.arrival_far_future', { days: 7 }) });
    });

    it('the clerk confirms a draft with corrections: a stay, a receipt, audited; another lodging gets 404', async () => {
      const body = answers();
      expect((await submit(body)).statusCode).toBe(201);
      const list = await as(hotel, 'GET', '/api/v1/preregistrations');
      expect(list.statusCode).toBe(200);
      const item = list.json().items.find((d: { guest: { document: { number: string } } }) => d.guest.document.number === body.guest.document.number);
      expect(item).toBeDefined();
      expect(item.proposed.guest.permit).toEqual({ kind: 'visa_on_arrival', validFrom: today(), validUntil: addDays(today(), 29) });

      // another lodging's clerk: not found, whatever it tries
      expect((await as(villa, 'GET', `/api/v1/preregistrations/${item.id}`)).statusCode).toBe(404);
      expect((await as(villa, 'POST', `/api/v1/preregistrations/${item.id}/confirm`, {})).statusCode).toBe(404);
      expect((await as(villa, 'DELETE', `/api/v1/preregistrations/${item.id}`)).statusCode).toBe(404);
      expect((await as(villa, 'GET', '/api/v1/preregistrations')).json().items).toEqual([]);

      expect((await as(hotel, 'GET', `/api/v1/preregistrations/${item.id}`)).json().guest.surname).toBe('PRERADOVIC');
      const stays = await count('stays');
      const corrected = { ...item.proposed.guest, givenNames: 'MILA JOVANA' };
      const res = await as(hotel, 'POST', `/api/v1/preregistrations/${item.id}/confirm`, { guest: corrected, room: '12' });
      expect(res.statusCode).toBe(201);
      const { id, receiptNumber } = res.json();
      expect(receiptNumber).toMatch(/^STTP\/73\.12\/\d{8}\/\d{6}$/);
      expect(await count('stays')).toBe(stays + 1);
      const stay = await server.db.selectFrom('stays').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect([stay.room, stay.reported_given_names, stay.permit_kind]).toEqual(['12', 'MILA JOVANA', 'visa_on_arrival']);
      const events = await server.db.selectFrom('outbox').select('payload').where('event', '=', 'stay.checked_in').execute();
      expect(events.some((e) => JSON.parse(e.payload).stayId === id)).toBe(true);
      const audit = await server.db.selectFrom('audit_log').select(['action', 'resource_id']).where('action', 'in', ['stay.check_in', 'preregistration.confirm']).orderBy('seq', 'desc').limit(2).execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['preregistration.confirm', 'stay.check_in']);
      expect(audit.find((a) => a.action === 'stay.check_in')!.resource_id).toBe(id);
      // the draft is gone; the receipt is the check-in's own
      expect((await as(hotel, 'GET', `/api/v1/preregistrations/${item.id}`)).statusCode).toBe(404);
      const pdf = await as(hotel, 'GET', `/api/v1/stays/${id}/receipt.pdf`);
      expect(pdfText(pdf.rawPayload)).toContain(receiptNumber);
    });

    it('refuses a confirmation the check-in rules refuse, naming the field, and keeps the draft', async () => {
      expect((await submit(answers())).statusCode).toBe(201);
      const item = (await as(hotel, 'GET', '/api/v1/preregistrations')).json().items[0];
      const res = await as(hotel, 'POST', `/api/v1/preregistrations/${item.id}/confirm`, { arrivalDate: '1999-01-01' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('arrivalDate');
      expect((await as(hotel, 'GET', `/api/v1/preregistrations/${item.id}`)).statusCode).toBe(200);
    });

    it('the clerk discards a draft (audited)', async () => {
      expect((await submit(answers())).statusCode).toBe(201);
      const item = (await as(hotel, 'GET', '/api/v1/preregistrations')).json().items[0];
      expect((await as(hotel, 'DELETE', `/api/v1/preregistrations/${item.id}`)).statusCode).toBe(204);
      expect((await as(hotel, 'GET', `/api/v1/preregistrations/${item.id}`)).statusCode).toBe(404);
      const audit = await server.db.selectFrom('audit_log').select('action').where('resource_id', '=', item.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['preregistration.submit', 'preregistration.discard']);
    });

    it('a rotated or revoked link is 404; the poster carries the new one', async () => {
      const old = token;
      const rotated = await as(hotel, 'POST', '/api/v1/prereg-link');
      token = rotated.json().link.token;
      expect(token).not.toBe(old);
      expect((await as(undefined, 'GET', `/api/v1/prereg/${old}`)).statusCode).toBe(404);
      expect((await submit(answers(), old)).statusCode).toBe(404);
      expect((await submit(answers())).statusCode).toBe(201);

      const poster = await as(hotel, 'GET', '/api/v1/prereg-link/poster.pdf');
      expect(poster.statusCode).toBe(200);
      expect(poster.headers['content-type']).toBe('application/pdf');
      const text = pdfText(poster.rawPayload);
      expect(text).toContain('Hotel Maryam');
      expect(text).toContain('Scan to pre-register your stay');
      expect(text).toContain(`/pra-registrasi/${token}`);

      expect((await as(villa, 'GET', '/api/v1/prereg-link')).json().link).toBeNull();
      expect((await as(villa, 'GET', '/api/v1/prereg-link/poster.pdf')).statusCode).toBe(404);
      await as(villa, 'POST', '/api/v1/prereg-link');
      expect((await as(villa, 'DELETE', '/api/v1/prereg-link')).statusCode).toBe(204);
      expect((await as(villa, 'GET', '/api/v1/prereg-link')).json().link).toBeNull();
    });

    it('limits submissions per address and refuses big bodies', async () => {
      const from = (remoteAddress: string, payload: unknown) => server.app.inject({ method: 'POST', url: `/api/v1/prereg/${token}`, remoteAddress, payload: payload as object });
      const codes: number[] = [];
      for (let i = 0; i < 22; i++) codes.push((await from('10.9.9.9', { language: 'en' })).statusCode);
      expect(codes.slice(0, 20).every((c) => c === 400)).toBe(true);
      expect(codes.at(-1)).toBe(429);
      // guessing tokens counts too
      expect((await from('10.9.9.9', answers())).statusCode).toBe(429);
      expect((await from('10.9.9.8', answers())).statusCode).toBe(201);
      const big = answers();
      big.guest.givenNames = 'A'.repeat(20_000);
      expect((await from('10.9.9.7', big)).statusCode).toBe(413);
    });

    it('expired drafts are gone at once and purged by housekeeping', async () => {
      const lodging = await server.db.selectFrom('reporter_orgs').select(['id', 'village_code']).where('name', '=', 'Hotel Maryam').executeTakeFirstOrThrow();
      const old = await submitDraft(server.db, lodging, { ...answers(), language: undefined } as never, 'en', new Date(Date.now() - 8 * 86_400_000));
      expect((await as(hotel, 'GET', `/api/v1/preregistrations/${old.id}`)).statusCode).toBe(404);
      expect((await as(hotel, 'GET', '/api/v1/preregistrations')).json().items.map((d: { id: string }) => d.id)).not.toContain(old.id);
      const before = await count('preregistrations');
      expect((await housekeeping(server.db)).preregistrations).toBe(1);
      expect(await count('preregistrations')).toBe(before - 1);
    });
  });
}
