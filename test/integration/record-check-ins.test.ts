import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { localDate } from '../../src/domain/regions/timezones';
import { verifyAuditChain } from '../../src/server/audit/log';
import type { Actor } from '../../src/server/auth/actor';
import { actorForToken } from '../../src/server/auth/sessions';
import type { Database } from '../../src/server/db/schema';
import { createImport } from '../../src/server/features/imports/commands';
import { beginImport, performImport } from '../../src/server/features/imports/run';
import { checkIn, checkOut, recordCheckIn, recordCheckIns } from '../../src/server/features/stays/commands';
import { writesTogether } from '../../src/server/db/write-group';
import type { CheckInInput } from '../../src/server/features/stays/schemas';
import { HEADERS, guestRows, toCsv } from '../fixtures/guest-file';
import { mulberry32, synthPerson } from '../fixtures/people';
import { dialectMatrix } from '../fixtures/scratch-db';
import { type TestServer, startTestServer } from '../fixtures/server';

// Imports store a chunk of check-ins in one pass (recordCheckIns); a clerk's check-in is the
// same code with one, held to its own tests elsewhere. What is held here is that the size of
// the pass changes nothing: stored one at a time or all at once, the same check-ins leave the
// same records (persons and their links, name tokens, documents, stays, identity conflicts,
// audit entries, events). Two servers on fresh demo databases are given the same reports.

// the lodging is in Soppeng (WITA): its today, not UTC's
const today = localDate(new Date(), 'WITA');

/** Seeded check-ins: lone guests, families, and returning passports (some with another spelling). */
function reports(seed: number, returning: CheckInInput['guest'][]): CheckInInput[] {
  const rng = mulberry32(seed);
  const out: CheckInInput[] = [];
  const guest = () => synthPerson(rng, { arrivalDate: addDays(today, -2) }) as CheckInInput['guest'];
  for (let i = 0; i < 24; i++) {
    const arrivalDate = addDays(today, -Math.floor(rng() * 3));
    const back = i % 4 === 1 ? returning[(i - 1) / 4] : undefined;
    const head = back ? { ...back, givenNames: i % 8 === 1 ? `${back.givenNames} ${'ABC'[i % 3]}` : back.givenNames } : guest();
    const members = i % 5 === 2 ? [guest(), guest()] : i % 7 === 3 ? [guest()] : undefined;
    out.push({ guest: head, arrivalDate, plannedDeparture: addDays(today, 3 + (i % 4)), room: String(200 + i), ...(members ? { members } : {}) });
  }
  return out;
}

/** What was stored for the lodging's stays reported at `at`, with every generated id replaced by its order of appearance. */
async function snapshot(db: Kysely<Database>, lodgingId: string, at: string) {
  const stays = await db.selectFrom('stays').selectAll().where('lodging_id', '=', lodgingId).where('created_at', '=', at).orderBy('receipt_number').execute();
  const labels = new Map<string, string>();
  const label = (id: string | null, kind: string) => {
    if (id === null) return null;
    if (!labels.has(id)) labels.set(id, `${kind}${labels.size}`);
    return labels.get(id)!;
  };
  // audit entries are compared by their order among these stays' entries, not by raw seq:
  // a background job (the alert sweep) may write between one-at-a-time check-ins
  const seqs = stays.length === 0 ? [] : await db.selectFrom('audit_log').select('seq').where('resource_id', 'in', stays.map((s) => s.id)).orderBy('seq').execute();
  const rankOf = new Map(seqs.map((r, i) => [Number(r.seq), i]));
  const out = [];
  for (const s of stays) {
    const person = await db.selectFrom('persons').select(['surname', 'given_names', 'sex', 'date_of_birth', 'nationality', 'name_key'])
      .where('id', '=', s.person_id).executeTakeFirstOrThrow();
    const tokens = (await db.selectFrom('person_name_tokens').select('token').where('person_id', '=', s.person_id).execute()).map((t) => t.token).sort();
    const document = await db.selectFrom('person_documents').select(['type', 'number', 'issuing_state', 'expiry_date']).where('id', '=', s.document_id).executeTakeFirstOrThrow();
    const conflicts = await db.selectFrom('identity_conflicts').select(['fields', 'status', 'region_code']).where('stay_id', '=', s.id).execute();
    const audit = await db.selectFrom('audit_log').select(['seq', 'action', 'actor_id', 'region_code', 'detail']).where('resource_id', '=', s.id).orderBy('seq').execute();
    const events = await db.selectFrom('outbox').select(['event', 'region_code', 'payload']).where('payload', 'like', `%${s.id}%`).orderBy('id').execute();
    const { id, person_id, document_id, audit_seq, ...stay } = s;
    const stayLabel = label(id, 'stay');
    const personLabel = label(person_id, 'person');
    const relabel = (json: string) => JSON.parse(json.replaceAll(id, stayLabel!).replaceAll(person_id, personLabel!)) as Record<string, unknown>;
    out.push({
      stay: { ...stay, person: personLabel, document: label(document_id, 'document'), auditSeq: rankOf.get(Number(audit_seq)) },
      person, tokens, document, conflicts,
      audit: audit.map((a) => {
        const detail = relabel(a.detail);
        if (typeof detail.identityConflict === 'string') detail.identityConflict = 'conflict';
        return { ...a, seq: rankOf.get(Number(a.seq)), detail };
      }),
      events: events.map((e) => ({ ...e, payload: relabel(e.payload) })),
    });
  }
  return out;
}

for (const kind of dialectMatrix()) {
  describe(`check-ins recorded together on ${kind}`, () => {
    let one: TestServer;
    let many: TestServer;
    const actors = new Map<TestServer, Actor>();
    beforeAll(async () => {
      [one, many] = await Promise.all([startTestServer({ kind }), startTestServer({ kind })]);
      for (const server of [one, many]) {
        const cookie = await server.login('hotel.maryam');
        actors.set(server, (await actorForToken(server.db, cookie.split('=')[1]!))!);
      }
    }, 120_000);
    afterAll(async () => { await one?.close(); await many?.close(); });

    it('stores the same records whether the check-ins come one at a time or all at once', async () => {
      // guests who stayed before and left: their passports come back, some spelled another way
      const rng = mulberry32(99);
      const earlier = Array.from({ length: 6 }, () => synthPerson(rng, { arrivalDate: addDays(today, -9) }) as CheckInInput['guest']);
      const now = new Date();
      const at = now.toISOString();
      const inputs = reports(2026, earlier);
      for (const server of [one, many]) {
        const actor = actors.get(server)!;
        const lodging = { id: actor.reporterOrg!.id, village_code: actor.reporterOrg!.villageCode };
        for (const guest of earlier) {
          const stay = await server.db.transaction().execute((trx) => recordCheckIn(trx, actor, lodging, { guest, arrivalDate: addDays(today, -9) }, new Date(now.getTime() - 60_000)));
          await checkOut(server.db, actor, stay.id, { departureDate: addDays(today, -8) });
        }
        if (server === one) {
          for (const input of inputs) await server.db.transaction().execute((trx) => recordCheckIn(trx, actor, lodging, input, now));
        } else {
          await server.db.transaction().execute((trx) => recordCheckIns(trx, actor, lodging, inputs, now));
        }
      }
      const lodgingId = actors.get(one)!.reporterOrg!.id;
      const [a, b] = await Promise.all([snapshot(one.db, lodgingId, at), snapshot(many.db, lodgingId, at)]);
      expect(a.length).toBe(inputs.reduce((n, i) => n + 1 + (i.members?.length ?? 0), 0));
      // the test means something only if it saw returning persons, families and conflicts
      expect(a.filter((s) => s.audit[0]!.detail.personMatched).length).toBe(6);
      expect(a.filter((s) => s.conflicts.length > 0).length).toBeGreaterThanOrEqual(3);
      expect(a.filter((s) => s.stay.receipt_group !== s.stay.receipt_number).length).toBeGreaterThanOrEqual(5);
      expect(b).toEqual(a);
      expect((await verifyAuditChain(many.db)).ok).toBe(true);
    }, 120_000);

    it('refuses one passport in two check-ins of one call, storing nothing', async () => {
      const actor = actors.get(many)!;
      const lodging = { id: actor.reporterOrg!.id, village_code: actor.reporterOrg!.villageCode };
      const guest = synthPerson(mulberry32(5), { arrivalDate: today }) as CheckInInput['guest'];
      const before = await many.db.selectFrom('stays').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      await expect(many.db.transaction().execute((trx) => recordCheckIns(trx, actor, lodging, [
        { guest, arrivalDate: today }, { guest: { ...guest, givenNames: 'OTHER' }, arrivalDate: today },
      ], new Date()))).rejects.toMatchObject({ status: 400, fieldErrors: [{ field: 'guest.document.number', key: 'field.duplicate_in_group' }] });
      const after = await many.db.selectFrom('stays').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('stores a clerk\'s check-ins that arrive at once in one pass, and each alone when one of them is refused', async () => {
      const actor = actors.get(many)!;
      const rng = mulberry32(77);
      const guest = () => synthPerson(rng, { arrivalDate: today }) as CheckInInput['guest'];
      const send = (inputs: CheckInInput[]) => Promise.allSettled(inputs.map((input) => checkIn(many.db, actor, input)));
      const outcome = (o: PromiseSettledResult<unknown>) => (o.status === 'fulfilled' ? 201 : (o.reason as { status: number }).status);
      const before = { ...writesTogether };
      const first = await send(Array.from({ length: 5 }, () => ({ guest: guest(), arrivalDate: today })));
      expect(first.map(outcome)).toEqual([201, 201, 201, 201, 201]);
      expect(writesTogether.stored - before.stored).toBe(5);

      const twice = guest();
      const second = await send([
        { guest: guest(), arrivalDate: today }, { guest: twice, arrivalDate: today }, { guest: guest(), arrivalDate: '2026-02-30' },
        { guest: { ...twice, givenNames: 'ANOTHER' }, arrivalDate: today }, { guest: guest(), arrivalDate: today },
      ]);
      expect(second.map(outcome)).toEqual([201, 201, 400, 409, 201]);
      expect(writesTogether.sentBack - before.sentBack).toBe(5);
      const receipts = [...first, ...second].flatMap((o) => (o.status === 'fulfilled' ? [(o.value as { receiptNumber: string }).receiptNumber] : []));
      expect(new Set(receipts).size).toBe(8);
      expect((await verifyAuditChain(many.db)).ok).toBe(true);
    });

    it('imports a guest who came twice in one file: the first visit checked out, both linked to one person', async () => {
      const actor = actors.get(one)!;
      const rows = guestRows(3, { seed: 41, prefix: 'RT', today });
      // row 2 is row 1's passport a week later: row 1 becomes a past visit, row 2 the present one
      const [first, , third] = rows;
      const second = [...first!];
      const dmy = (d: string) => d.split('-').reverse().join('/');
      first![HEADERS.indexOf('Tanggal Kedatangan')] = dmy(addDays(today, -12));
      first![HEADERS.indexOf('Rencana Keluar')] = '';
      first![HEADERS.indexOf('Tanggal Keluar')] = dmy(addDays(today, -10));
      second[HEADERS.indexOf('Tanggal Kedatangan')] = dmy(addDays(today, -1));
      second[HEADERS.indexOf('Tanggal Keluar')] = '';
      second[HEADERS.indexOf('Rencana Keluar')] = dmy(addDays(today, 3));
      const created = await createImport(one.db, actor, { bytes: Buffer.from(toCsv(HEADERS, [first!, second, third!])), format: 'csv', name: 'twice.csv' });
      await beginImport(one.db, actor, created.imp.id, created.suggested);
      const done = await performImport(one.db, actor, created.imp.id);
      expect(done).toMatchObject({ stored: 3, failed: 0, skipped: 0 });
      const visits = await one.db.selectFrom('stays').innerJoin('person_documents', 'person_documents.id', 'stays.document_id')
        .select(['stays.person_id', 'stays.arrival_date', 'stays.departure_date']).where('person_documents.number', '=', second[HEADERS.indexOf('No Paspor')]!)
        .orderBy('stays.arrival_date').execute();
      expect(visits).toHaveLength(2);
      expect(visits[0]!.person_id).toBe(visits[1]!.person_id);
      expect(visits.map((v) => v.departure_date)).toEqual([addDays(today, -10), null]);
    }, 60_000);
  });
}
