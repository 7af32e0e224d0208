import { pick, pickWeighted, randInt, seededUuid, type Rng } from '../../../domain/random';
import type { Insertable } from 'kysely';
import type { PersonDocumentsTable, PersonsTable, StayEmploymentsTable, StaysTable } from '../schema';
import { localDate } from '../../../domain/regions';
import { addDays } from '../../../domain/dates';
import type { PermitKind } from '../../../domain/permits/kinds';
import { pickNationality, pickPermitKind, synthGuest, synthPermit } from './guests';

// Plans the demo's foreigners and their stays over the last 90 days: pure, so the same seed
// and date always give the same rows.

export interface PlanLodging {
  id: string; kind: 'lodging' | 'company'; villageCode: string; regencyCode: string;
  reporterUserId: string; rooms: readonly string[]; weight: number;
}

export interface PlanOptions {
  today: string; // 'YYYY-MM-DD' in the regions' zone (WITA)
  now: string; // ISO instant; nothing is reported after it
  soppeng: readonly PlanLodging[];
  makassar: readonly PlanLodging[];
  soppengPersons: number;
  makassarPersons: number;
  soppengPresent: number;
  makassarPresent: number;
  overstayers: number;
}

export interface DemoPlan {
  persons: Insertable<PersonsTable>[];
  documents: Insertable<PersonDocumentsTable>[];
  stays: Insertable<StaysTable>[];
  /** the last running number given per receipt prefix, so live check-ins continue after the demo's */
  receiptCounters: { prefix: string; last: number }[];
  /** the company's workers' employment (work reports), one per stay at the company */
  employments: Insertable<StayEmploymentsTable>[];
}

// Synthetic positions and a worksite at the company's premises; chosen by the worker's running
// number, not by the random stream, so adding them left every other demo row as it was.
const POSITIONS = ['Teknisi Mesin Pemintal', 'Ahli Pewarnaan Sutera', 'Supervisor Produksi', 'Instruktur Tenun', 'Manajer Pabrik', 'Ahli Kendali Mutu'];
function employmentOf(stay: { id: string; arrival_date: string; planned_departure?: string | null }, villageCode: string, n: number): Insertable<StayEmploymentsTable> {
  return {
    stay_id: stay.id, position: POSITIONS[n % POSITIONS.length]!, worksite_address: 'Kompleks Pabrik Sutera, Ujung, Lilirilau',
    worksite_village_code: villageCode, lat: -4.3321 + (n % 5) * 0.0004, lng: 119.8703 + (n % 3) * 0.0004,
    work_permit_ref: `RPTKA-SINTETIS/${String(1000 + n)}/2025`, period_from: stay.arrival_date, period_until: stay.planned_departure ?? stay.arrival_date,
  };
}

const LONG_TERM: readonly PermitKind[] = ['itas', 'itap', 'diplomatic', 'official'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Receipt number: STTP/<regency code>/<yyyymmdd>/<six-digit running number of that regency and day>, as check-in makes them. */
export function demoReceiptNumber(regencyCode: string, date: string, seq: number): string {
  return `STTP/${regencyCode}/${date.replaceAll('-', '')}/${String(seq).padStart(6, '0')}`;
}

/** k distinct indices out of 0..n-1. */
function sample(rng: Rng, n: number, k: number): Set<number> {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randInt(rng, 0, i);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return new Set(idx.slice(0, Math.min(k, n)));
}

// Reports arrive in the afternoon or evening local time (WITA = UTC+8); check-outs in the morning.
function reportedAt(rng: Rng, now: string, date: string, fromLocalHour: number, toLocalHour: number): string {
  const h = randInt(rng, fromLocalHour, toLocalHour) - 8;
  const at = `${date}T${pad2(h)}:${pad2(randInt(rng, 0, 59))}:${pad2(randInt(rng, 0, 59))}.000Z`;
  // Today's reports cannot lie in the future: move them to a few minutes before now.
  return at <= now ? at : new Date(Date.parse(now) - randInt(rng, 1, 30) * 60_000).toISOString();
}

interface Visit { arrival: string; departure: string | null; nights: number; entryDaysBefore?: number }

function planVisits(rng: Rng, today: string, kind: PermitKind, present: boolean, overstay: boolean): Visit[] {
  const longTerm = LONG_TERM.includes(kind);
  const visits: Visit[] = [];
  if (present) {
    if (overstay) {
      // Entered on a 30-day permit 31-45 days ago and is still here: an overstay for the rules to find.
      visits.push({ arrival: addDays(today, -randInt(rng, 31, 45)), departure: null, nights: randInt(rng, 3, 10), entryDaysBefore: 0 });
    } else {
      const back = longTerm ? randInt(rng, 0, 85) : randInt(rng, 0, 20);
      visits.push({ arrival: addDays(today, -back), departure: null, nights: longTerm ? randInt(rng, 30, 180) : randInt(rng, 1, 10) });
    }
  } else {
    const nights = longTerm ? randInt(rng, 14, 60) : randInt(rng, 1, 7);
    const departure = addDays(today, -randInt(rng, 1, 89 - nights));
    visits.push({ arrival: addDays(departure, -nights), departure, nights });
  }
  // Some short-term visitors came before, too (a repeat visit within the 90 days).
  const earlier = longTerm ? 0 : pickWeighted(rng, [[0, 80], [1, 17], [2, 3]] as const);
  const oldest = addDays(today, -90);
  for (let i = 0; i < earlier; i++) {
    const departure = addDays(visits[0].arrival, -randInt(rng, 3, 20));
    const nights = randInt(rng, 1, 5);
    const arrival = addDays(departure, -nights);
    if (arrival < oldest) break;
    visits.unshift({ arrival, departure, nights });
  }
  return visits;
}

export function planDemo(rng: Rng, opts: PlanOptions): DemoPlan {
  const plan: DemoPlan = { persons: [], documents: [], stays: [], receiptCounters: [], employments: [] };
  const usedDocs = new Set<string>();
  const groups = [
    { lodgings: opts.soppeng, count: opts.soppengPersons, present: sample(rng, opts.soppengPersons, opts.soppengPresent) },
    { lodgings: opts.makassar, count: opts.makassarPersons, present: sample(rng, opts.makassarPersons, opts.makassarPresent) },
  ];
  let overstaysLeft = opts.overstayers;
  const stays: (Insertable<StaysTable> & { regencyCode: string })[] = [];

  for (const group of groups) {
    const lodgings = group.lodgings.filter((l) => l.kind === 'lodging');
    const company = group.lodgings.find((l) => l.kind === 'company');
    for (let i = 0; i < group.count; i++) {
      const nationality = pickNationality(rng);
      const kind = pickPermitKind(rng, nationality);
      const present = group.present.has(i);
      const overstay = present && overstaysLeft > 0 && (kind === 'visa_free_visit' || kind === 'visa_on_arrival');
      if (overstay) overstaysLeft--;
      const visits = planVisits(rng, opts.today, kind, present, overstay);
      const last = visits[visits.length - 1];

      let guest = synthGuest(rng, { arrivalDate: last.arrival, nationality: nationality.code, permitKind: kind, entryDaysBefore: last.entryDaysBefore });
      while (usedDocs.has(`${guest.document.issuingState}|${guest.document.number}`)) {
        guest = { ...guest, document: { ...guest.document, number: nationality.passportNumber(rng) } };
      }
      usedDocs.add(`${guest.document.issuingState}|${guest.document.number}`);

      const personId = seededUuid(rng);
      const documentId = seededUuid(rng);
      const worker = kind === 'itas' && company !== undefined && rng() < 0.5;
      const home = worker ? company : pickWeighted(rng, lodgings.map((l) => [l, l.weight] as const));

      let firstAt = '';
      let lastAt = '';
      for (const v of visits) {
        const lodging = v === last ? home : pickWeighted(rng, lodgings.map((l) => [l, l.weight] as const));
        const permit = v === last || LONG_TERM.includes(kind) ? guest.permit : synthPermit(rng, kind, v.arrival);
        const createdAt = reportedAt(rng, opts.now, v.arrival, 12, 21);
        const checkedOutAt = v.departure ? reportedAt(rng, opts.now, v.departure, 9, 12) : null;
        firstAt ||= createdAt;
        lastAt = checkedOutAt ?? createdAt;
        stays.push({
          id: seededUuid(rng),
          receipt_number: '', // numbered below, in reporting order
          person_id: personId,
          document_id: documentId,
          lodging_id: lodging.id,
          region_code: lodging.villageCode,
          arrival_date: v.arrival,
          planned_departure: addDays(v.arrival, v.nights),
          departure_date: v.departure,
          room: pick(rng, lodging.rooms),
          permit_kind: permit.kind,
          permit_number: permit.number ?? null,
          permit_valid_from: permit.validFrom,
          permit_valid_until: permit.validUntil ?? null,
          reported_by: lodging.reporterUserId,
          reported_surname: guest.surname,
          reported_given_names: guest.givenNames,
          reported_sex: guest.sex,
          reported_date_of_birth: guest.dateOfBirth,
          reported_nationality: guest.nationality,
          reported_document_expiry: guest.document.expiryDate,
          created_at: createdAt,
          checked_out_at: checkedOutAt,
          checked_out_by: checkedOutAt ? lodging.reporterUserId : null,
          report_kind: lodging.kind === 'company' ? 'work' : 'lodging',
          regencyCode: lodging.regencyCode,
        });
        const stay = stays[stays.length - 1]!;
        if (lodging.kind === 'company') plan.employments.push(employmentOf(stay, lodging.villageCode, plan.employments.length));
      }

      plan.persons.push({
        id: personId, surname: guest.surname, given_names: guest.givenNames, sex: guest.sex, date_of_birth: guest.dateOfBirth,
        nationality: guest.nationality, created_at: firstAt, updated_at: lastAt,
      });
      plan.documents.push({
        id: documentId, person_id: personId, type: 'passport', number: guest.document.number,
        issuing_state: guest.document.issuingState, expiry_date: guest.document.expiryDate, created_at: firstAt,
      });
    }
  }

  // Running numbers per regency and day (the local WITA day of the report) follow the order
  // the reports came in.
  stays.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
  const seqByDay = new Map<string, number>();
  for (const { regencyCode, ...row } of stays) {
    const day = localDate(new Date(row.created_at), 'WITA');
    const seq = (seqByDay.get(`${regencyCode}/${day}`) ?? 0) + 1;
    seqByDay.set(`${regencyCode}/${day}`, seq);
    const receiptNumber = demoReceiptNumber(regencyCode, day, seq);
    plan.stays.push({ ...row, receipt_number: receiptNumber, receipt_group: receiptNumber });
  }
  for (const [key, last] of seqByDay) plan.receiptCounters.push({ prefix: demoReceiptNumber(key.split('/')[0]!, key.split('/')[1]!, 0).slice(0, -6), last });
  return plan;
}
