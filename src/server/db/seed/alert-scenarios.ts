import type { Insertable, Kysely } from 'kysely';
import { addDays } from '../../../domain/dates';
import { type Rng, seededUuid } from '../../../domain/random';
import type { Database, StaysTable } from '../schema';
import { SOPPENG } from './organisations';
import { demoReceiptNumber } from './plan';

// The demo's early warnings: Soppeng cases that make each alert rule fire once, and a local
// wanted list with one present guest on it under another spelling of the name. The rules and
// the screening themselves raise the alerts (see raiseDemoAlerts); this only shapes the facts.

type StayRow = Insertable<StaysTable> & { id: string; person_id: string; document_id: string; lodging_id: string };

export async function addAlertScenarios(db: Kysely<Database>, rng: Rng, today: string): Promise<void> {
  const present = await db.selectFrom('stays').selectAll().where('departure_date', 'is', null).where('report_kind', '=', 'lodging')
    .where('region_code', '>', `${SOPPENG}.`).where('region_code', '<', `${SOPPENG}/`)
    // not the stays the present-list flags made overstaying, ending within a week, late or passport-expired
    .where('findings', '=', '[]').where((eb) => eb.or([eb('permit_valid_until', 'is', null), eb('permit_valid_until', '>', addDays(today, 7))]))
    .orderBy('receipt_number').execute() as StayRow[];
  const lodgings = await db.selectFrom('reporter_orgs').select(['id', 'village_code']).where('kind', '=', 'lodging')
    .where('village_code', '>', `${SOPPENG}.`).where('village_code', '<', `${SOPPENG}/`).orderBy('name').execute();
  const company = await db.selectFrom('reporter_orgs').select(['id', 'village_code']).where('kind', '=', 'company')
    .where('village_code', '>', `${SOPPENG}.`).where('village_code', '<', `${SOPPENG}/`).orderBy('name').executeTakeFirst();
  const fieldOfficer = await db.selectFrom('users').select(['id', 'agency_id']).where('username', '=', 'desa.lalabata').executeTakeFirst();
  const clerks = new Map((await db.selectFrom('users').select(['id', 'reporter_org_id']).where('reporter_org_id', 'is not', null).orderBy('username').execute())
    .map((u) => [u.reporter_org_id!, u.id]));
  if (present.length < 7 || lodgings.length < 3 || !company || !fieldOfficer) return;
  const [expiredPassport, late, mover, worker, conflicted, listed, departed] = present;
  const at = (day: string, hour = '02') => `${day}T${hour}:00:00.000Z`;
  let seq = 900_000;
  const stamp = at(today, '00');
  // another report of the same person: by the clerk of its own lodging or company, its permit valid from arrival at the latest
  const copy = (s: StayRow, changes: Partial<StayRow> & { lodging_id: string; arrival_date: string }): StayRow => {
    const row = { ...s, id: seededUuid(rng), receipt_number: demoReceiptNumber(s.region_code.slice(0, 5), changes.arrival_date, ++seq), receipt_group: null, ...changes };
    return { ...row, reported_by: clerks.get(row.lodging_id) ?? s.reported_by, permit_valid_from: row.permit_valid_from > row.arrival_date ? row.arrival_date : row.permit_valid_from };
  };

  // passport expired while present
  await db.updateTable('person_documents').set({ expiry_date: addDays(today, -20) }).where('id', '=', expiredPassport!.document_id).execute();
  await db.updateTable('stays').set({ reported_document_expiry: addDays(today, -20), changed_at: stamp }).where('id', '=', expiredPassport!.id).execute();

  // reported three days after arrival
  await db.updateTable('stays').set({ arrival_date: addDays(today, -3), created_at: at(today, '01'), findings: JSON.stringify(['late_report']), changed_at: stamp })
    .where('id', '=', late!.id).execute();

  // three lodgings within a week
  const others = lodgings.filter((l) => l.id !== mover!.lodging_id).slice(0, 2);
  await db.updateTable('stays').set({ arrival_date: addDays(today, -2), created_at: at(addDays(today, -2)), changed_at: stamp }).where('id', '=', mover!.id).execute();
  mover!.arrival_date = addDays(today, -2);
  for (const [i, l] of others.entries()) {
    const arrival = addDays(today, -6 + i * 2);
    await db.insertInto('stays').values(copy(mover!, {
      lodging_id: l.id, region_code: l.village_code, arrival_date: arrival, departure_date: addDays(arrival, 2), created_at: at(arrival),
      checked_out_at: at(addDays(arrival, 2)), checked_out_by: mover!.reported_by,
    })).execute();
  }

  // a tourist with a visit permit whom a company reports as its worker
  await db.updateTable('stays').set({ permit_kind: 'visa_on_arrival', changed_at: stamp }).where('id', '=', worker!.id).execute();
  const work = copy(worker!, { lodging_id: company.id, region_code: company.village_code, report_kind: 'work', arrival_date: addDays(today, -5), created_at: at(addDays(today, -5)) });
  await db.insertInto('stays').values(work).execute();
  await db.insertInto('stay_employments').values({
    stay_id: work.id, position: 'Teknisi mesin', worksite_address: 'Pabrik PT Sutera, Lilirilau', worksite_village_code: company.village_code,
    lat: -4.3045, lng: 119.9602, work_permit_ref: '-', period_from: addDays(today, -5), period_until: addDays(today, 60),
  }).execute();

  // one passport, two names: an earlier report at another lodging spelt the name and birth date differently
  const earlier = copy(conflicted!, {
    lodging_id: others[0]!.id, region_code: others[0]!.village_code, arrival_date: addDays(today, -30), departure_date: addDays(today, -27),
    created_at: at(addDays(today, -30)), checked_out_at: at(addDays(today, -27)), checked_out_by: conflicted!.reported_by,
    reported_surname: `${conflicted!.reported_surname ?? ''}E`, reported_date_of_birth: '1979-02-03',
  });
  await db.insertInto('stays').values(earlier).execute();
  await db.insertInto('identity_conflicts').values({
    id: seededUuid(rng), person_id: conflicted!.person_id, stay_id: earlier.id, region_code: earlier.region_code,
    fields: JSON.stringify({ surname: { person: conflicted!.reported_surname, reported: earlier.reported_surname }, dateOfBirth: { person: conflicted!.reported_date_of_birth, reported: '1979-02-03' } }),
    status: 'open', resolution: null, reason: null, resolved_by: null, resolved_at: null, created_at: earlier.created_at,
  }).execute();

  // seen in a village after checking out: present without a report
  await db.updateTable('stays').set({ departure_date: addDays(today, -10), arrival_date: addDays(today, -14), checked_out_at: at(addDays(today, -10)), checked_out_by: departed!.reported_by, changed_at: stamp })
    .where('id', '=', departed!.id).execute();
  await db.insertInto('sightings').values({
    id: seededUuid(rng), reported_by: fieldOfficer.id, reporter_agency_id: fieldOfficer.agency_id, idempotency_key: `demo-${seededUuid(rng)}`,
    request_hash: 'demo', observed_at: at(addDays(today, -2), '03'), village_code: lodgings[0]!.village_code, rw: '002', rt: '001', lat: -4.3506, lon: 119.8853,
    subject_name: `${departed!.reported_given_names ?? ''} ${departed!.reported_surname ?? ''}`.trim(), subject_nationality: departed!.reported_nationality,
    subject_description: 'Terlihat di pasar, mengaku menginap di rumah warga', category: 'staying_unreported', note: null, status: 'linked',
    person_id: departed!.person_id, case_id: null, outcome_reason: null, triaged_by: fieldOfficer.id, triaged_at: at(addDays(today, -1)),
    photo_type: null, photo_size: null, created_at: at(addDays(today, -2), '03'), updated_at: at(addDays(today, -1)),
  }).execute();

  // a local wanted list naming a present guest with the given and family names swapped and no diacritics
  const listId = seededUuid(rng);
  await db.insertInto('watchlists').values({ id: listId, name: 'DPO Polda Sulsel (demo)', source: 'Polda Sulawesi Selatan', kind: 'dpo', threshold: null, created_at: at(addDays(today, -60)) }).execute();
  await db.insertInto('watchlist_entries').values({
    id: seededUuid(rng), watchlist_id: listId, external_id: 'DPO/SULSEL/2026/014',
    names: JSON.stringify([`${listed!.reported_surname ?? ''} ${listed!.reported_given_names ?? ''}`.normalize('NFD').replace(/\p{M}/gu, '')]),
    birth_dates: JSON.stringify(listed!.reported_date_of_birth ? [listed!.reported_date_of_birth] : []), nationalities: JSON.stringify([listed!.reported_nationality]),
    document_numbers: '[]', reason: 'Penipuan (demo)', valid_until: null, version: 1, updated_at: at(addDays(today, -60)), removed_at: null,
  }).execute();
  await db.insertInto('watchlist_versions').values({ watchlist_id: listId, version: 1, imported_at: at(addDays(today, -60)), added: 1, updated: 0, removed: 0, source_file: null }).execute();

  // the arrivals moved above: a permit is valid from arrival at the latest
  await db.updateTable('stays').set((eb) => ({ permit_valid_from: eb.ref('arrival_date'), changed_at: at(today, '01') }))
    .where('id', 'in', [late!.id, mover!.id, departed!.id]).whereRef('permit_valid_from', '>', 'arrival_date').execute();
}
