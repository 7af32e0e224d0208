import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../src/server/db/reference';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../src/server/db/seed';
import { verifyPassword } from '../../src/server/auth/passwords';
import { isWithinArea } from '../../src/domain/regions';
import { dialectMatrix, openScratchDatabase, type ScratchDb } from '../fixtures/scratch-db';
import { mulberry32, synthPerson } from '../fixtures/people';

const NOW = new Date('2026-11-27T03:00:00Z');

describe.each(dialectMatrix())('reference data and demo seed on %s', (kind) => {
  let scratch: ScratchDb;
  const db = () => scratch.db.kysely;

  beforeAll(async () => {
    scratch = await openScratchDatabase(kind);
    const first = await loadReferenceData(db());
    expect(first.regions.skipped).toBe(false);
  });
  afterAll(async () => { await scratch?.dispose(); });

  const countLevel = async (level: number) => Number((await db().selectFrom('regions')
    .select((eb) => eb.fn.countAll().as('n')).where('level', '=', level).executeTakeFirstOrThrow()).n);

  it('loads every province, regency, district and village', async () => {
    expect(await countLevel(1)).toBe(38);
    expect(await countLevel(2)).toBe(514);
    expect(await countLevel(3)).toBe(7277);
    expect(await countLevel(4)).toBe(83763);
  });

  it('names, nests and zones regions', async () => {
    const byCode = async (code: string) => db().selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(await byCode('73.12')).toEqual({ code: '73.12', name: 'Kabupaten Soppeng', level: 2, parent_code: '73', time_zone: 'WITA' });
    expect((await byCode('73')).name).toBe('Sulawesi Selatan');
    expect(await byCode('31')).toMatchObject({ name: 'DKI Jakarta', time_zone: 'WIB' });
    expect(await byCode('91')).toMatchObject({ name: 'Papua', time_zone: 'WIT' });
    expect(await byCode('73.12.04.1001')).toMatchObject({ name: 'Lalabata Rilau', level: 4, parent_code: '73.12.04' });
    const districts = await db().selectFrom('regions').select('code').where('parent_code', '=', '73.12').execute();
    expect(districts).toHaveLength(8);
    // Every non-province row has a parent that exists.
    const orphans = await db().selectFrom('regions as r').leftJoin('regions as p', 'p.code', 'r.parent_code')
      .select('r.code').where('r.level', '>', 1).where('p.code', 'is', null).execute();
    expect(orphans).toEqual([]);
  });

  it('loads countries by ICAO code with Indonesian and English names', async () => {
    const rows = await db().selectFrom('countries').selectAll().where('code', 'in', ['IDN', 'DEU', 'D', 'UTO', 'XXA', 'GBD']).execute();
    const by = new Map(rows.map((r) => [r.code, r]));
    expect(by.get('IDN')).toMatchObject({ alpha2: 'ID', name_id: 'Indonesia', name_en: 'Indonesia', icao_only: 0 });
    expect(by.get('DEU')).toMatchObject({ name_id: 'Jerman', icao_only: 0 });
    expect(by.get('D')).toMatchObject({ alpha2: 'DE', name_id: 'Jerman', name_en: 'Germany', icao_only: 1 });
    for (const code of ['UTO', 'XXA', 'GBD']) {
      expect(by.get(code)?.icao_only).toBe(1);
      expect(by.get(code)?.name_id).toBeTruthy();
      expect(by.get(code)?.name_en).toBeTruthy();
    }
  });

  it('skips a second reference load', async () => {
    const again = await loadReferenceData(db());
    expect(again.regions.skipped).toBe(true);
    expect(again.countries.skipped).toBe(true);
    expect(await countLevel(4)).toBe(83763);
  });

  it('seeds the Soppeng demo once', async () => {
    const first = await seedDemo(db(), { now: NOW });
    expect(first.skipped).toBe(false);
    expect(first.persons).toBeGreaterThanOrEqual(190);
    expect(first.presentStays).toBeGreaterThanOrEqual(30);
    const second = await seedDemo(db(), { now: NOW });
    expect(second.skipped).toBe(true);
    const persons = await db().selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(persons.n)).toBe(first.persons);
  });

  it('creates the Timpora team and the demo accounts', async () => {
    const team = await db().selectFrom('teams').selectAll().where('name', '=', 'Timpora Kabupaten Soppeng').executeTakeFirstOrThrow();
    expect(team).toMatchObject({ level: 'regency', region_code: '73.12', budget_year: 2025, sk_issuer: 'Kepala Kantor Imigrasi Kelas II TPI Parepare' });
    const members = await db().selectFrom('team_members').innerJoin('agencies', 'agencies.id', 'team_members.agency_id')
      .select('agencies.kind').where('team_id', '=', team.id).execute();
    expect(new Set(members.map((m) => m.kind))).toEqual(new Set(['imigrasi', 'kesbangpol', 'kodim', 'polres', 'kejaksaan', 'bin', 'disnaker', 'disdik', 'dukcapil', 'kemenag', 'pemerintah_desa']));

    const users = await db().selectFrom('users').selectAll().execute();
    expect(users.map((u) => u.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    const byName = new Map(users.map((u) => [u.username, u]));
    expect(byName.get('imigrasi.parepare')).toMatchObject({ role: 'immigration_officer', area_code: '73.12' });
    expect(byName.get('polres.makassar')).toMatchObject({ role: 'timpora_member', area_code: '73.71' });
    expect(byName.get('desa.lalabata')).toMatchObject({ role: 'field_officer', area_code: '73.12.04' });
    expect(byName.get('admin')).toMatchObject({ role: 'admin', agency_id: null });
    const maryam = await db().selectFrom('reporter_orgs').selectAll().where('name', '=', 'Hotel Maryam').executeTakeFirstOrThrow();
    expect(maryam).toMatchObject({ kind: 'lodging', lodging_type: 'hotel', village_code: '73.12.04.1001' });
    expect(maryam.verified_at).not.toBeNull();
    expect(byName.get('hotel.maryam')?.reporter_org_id).toBe(maryam.id);
    expect(await verifyPassword(byName.get('polres.soppeng')!.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('places present foreigners in Soppeng and in Makassar, each reported by its lodging', async () => {
    const present = await db().selectFrom('stays').innerJoin('reporter_orgs', 'reporter_orgs.id', 'stays.lodging_id')
      .innerJoin('users', 'users.id', 'stays.reported_by')
      .select(['stays.region_code', 'stays.receipt_number', 'reporter_orgs.village_code', 'users.reporter_org_id', 'stays.lodging_id'])
      .where('stays.departure_date', 'is', null).execute();
    const soppeng = present.filter((s) => isWithinArea('73.12', s.region_code));
    const makassar = present.filter((s) => isWithinArea('73.71', s.region_code));
    expect(soppeng.length).toBeGreaterThan(10);
    expect(makassar.length).toBeGreaterThan(2);
    expect(soppeng.length + makassar.length).toBe(present.length);
    for (const s of present) {
      expect(s.region_code).toBe(s.village_code);
      expect(s.reporter_org_id).toBe(s.lodging_id);
      expect(s.receipt_number).toMatch(/^STTP\/73\.(12|71)\/\d{8}\/\d{6}$/);
    }
    // Nobody is present at two lodgings (a guest may also be reported as a worker), and German passports carry ICAO code D.
    const people = await db().selectFrom('stays').select('person_id').where('departure_date', 'is', null).where('report_kind', '=', 'lodging').execute();
    expect(new Set(people.map((p) => p.person_id)).size).toBe(people.length);
    const deu = await db().selectFrom('person_documents').select('issuing_state').where('issuing_state', '=', 'DEU').execute();
    expect(deu).toEqual([]);
  });

  it('keeps stays inside the last 90 days and in order', async () => {
    const stays = await db().selectFrom('stays').select(['arrival_date', 'departure_date', 'permit_valid_from']).execute();
    for (const s of stays) {
      expect(s.arrival_date >= '2026-08-29').toBe(true);
      expect(s.arrival_date <= '2026-11-27').toBe(true);
      if (s.departure_date) expect(s.departure_date >= s.arrival_date).toBe(true);
      expect(s.permit_valid_from <= s.arrival_date).toBe(true);
    }
  });

  it('is deterministic for a seed and date', async () => {
    const other = await openScratchDatabase(kind);
    try {
      await loadReferenceData(other.db.kysely);
      await seedDemo(other.db.kysely, { now: NOW });
      const snapshot = async (k: typeof scratch) => ({
        persons: await k.db.kysely.selectFrom('persons').selectAll().orderBy('id').execute(),
        documents: await k.db.kysely.selectFrom('person_documents').selectAll().orderBy('id').execute(),
        stays: await k.db.kysely.selectFrom('stays').selectAll().orderBy('id').execute(),
      });
      expect(await snapshot(other)).toEqual(await snapshot(scratch));
    } finally {
      await other.dispose();
    }
  });
});

describe('synthPerson fixture', () => {
  it('builds API-shaped guests deterministically', () => {
    const a = synthPerson(mulberry32(5), { arrivalDate: '2026-11-27' });
    const b = synthPerson(mulberry32(5), { arrivalDate: '2026-11-27' });
    expect(a).toEqual(b);
    expect(a.document.type).toBe('passport');
    expect(a.document.issuingState).toBe(a.nationality);
    expect(a.permit.validFrom <= '2026-11-27').toBe(true);
    expect(a.dateOfBirth < '2024-01-01').toBe(true);
    const german = synthPerson(mulberry32(1), { nationality: 'D', permitKind: 'visa_on_arrival', arrivalDate: '2026-11-27' });
    expect(german).toMatchObject({ nationality: 'D', document: { issuingState: 'D' }, permit: { kind: 'visa_on_arrival' } });
  });
});
