import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInBody } from '../fixtures/check-in';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// A family in one submission: one receipt lists them all, each guest is its own stay (a line
// of the receipt), and numbering continues from the demo's stays without scanning them.

for (const kind of dialectMatrix()) {
  describe(`group check-in on ${kind}`, () => {
    let server: TestServer;
    let hotel: string;
    const post = (payload: object, cookie = hotel) => server.app.inject({ method: 'POST', url: '/api/v1/stays', headers: { cookie }, payload });
    const family = () => {
      const head = checkInBody();
      return { ...head, members: [checkInBody().guest, checkInBody().guest] };
    };

    beforeAll(async () => {
      server = await startTestServer({ kind });
      hotel = await server.login('hotel.maryam');
    });
    afterAll(async () => server?.close());

    it('stores a family of three under one receipt, members as its lines', async () => {
      const res = await post(family());
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.members).toHaveLength(2);
      expect(body.members.map((m: { receiptNumber: string }) => m.receiptNumber)).toEqual([`${body.receiptNumber}-2`, `${body.receiptNumber}-3`]);
      expect(body.personId).toBeNull(); // a lodging learns nothing about person links
      const rows = await server.db.selectFrom('stays').select(['id', 'receipt_group', 'room', 'arrival_date'])
        .where('receipt_group', '=', body.receiptNumber).execute();
      expect(rows).toHaveLength(3);
      expect(new Set(rows.map((r) => r.room))).toEqual(new Set(['101']));
    });

    it('gives the next submission the next running number of the day', async () => {
      const a = (await post(checkInBody())).json().receiptNumber as string;
      const b = (await post(family())).json().receiptNumber as string;
      expect(Number(b.slice(-6))).toBe(Number(a.slice(-6)) + 1);
      const seeded = await server.db.selectFrom('stays').select('receipt_number').where('receipt_number', '<', a)
        .where('receipt_number', 'like', `${a.slice(0, -6)}%`).execute();
      expect(seeded.every((s) => s.receipt_number < a)).toBe(true); // no number given twice
    });

    it('names a bad member field and stores nothing of the group', async () => {
      const before = await server.db.selectFrom('stays').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const body = family();
      body.members[1]!.dateOfBirth = '2999-01-01';
      body.members[0]!.document = { ...body.guest.document };
      const res = await post(body);
      expect(res.statusCode).toBe(400);
      const fields = res.json().errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['members.1.dateOfBirth', 'members.0.document.number']));
      const after = await server.db.selectFrom('stays').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('refuses more than 20 guests on one receipt', async () => {
      const body = { ...checkInBody(), members: Array.from({ length: 20 }, () => checkInBody().guest) };
      expect((await post(body)).statusCode).toBe(400);
    });
  });
}
