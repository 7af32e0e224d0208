import type { Kysely } from 'kysely';
import { maskTail } from '../../../domain/access/field-matrix';
import { localDateTime } from '../../../domain/regions';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { ifSees } from '../../policies/fields';
import { receiptAuditPosition } from '../../audit/position';
import { regionTimeZone } from '../reference/queries';
import { loadReceiptGroup, type StayRecord } from './queries';
import { receiptToken } from './receipt-token';

// One presenter for the Surat Tanda Terima Pelaporan Orang Asing: the PDF, the web's print
// view and screen, and the public /verify page all print what this returns, so they cannot
// disagree. A receipt lists every guest of its group with nationality, the passport number
// masked, the dates and the permit. A signed-in viewer gets it through the field matrix; the
// public verify page gets the receipt as issued, names reduced to initials after the surname.

export type Audience = Actor | 'public';

export const PERMIT_LABEL: Record<string, { id: string; en: string }> = {
  visa_free_visit: { id: 'Bebas Visa Kunjungan', en: 'Visa-free visit' },
  visa_on_arrival: { id: 'Visa on Arrival (VoA)', en: 'Visa on arrival' },
  visit_visa: { id: 'Izin Tinggal Kunjungan (ITK)', en: 'Visit stay permit' },
  itas: { id: 'Izin Tinggal Terbatas (ITAS)', en: 'Limited stay permit' },
  itap: { id: 'Izin Tinggal Tetap (ITAP)', en: 'Permanent stay permit' },
  diplomatic: { id: 'Izin Tinggal Diplomatik', en: 'Diplomatic stay permit' },
  official: { id: 'Izin Tinggal Dinas', en: 'Official stay permit' },
};

const initials = (names: string) => names.split(/\s+/).filter(Boolean).map((n) => `${n[0]}.`).join(' ');

/** The Kantor Imigrasi answering for a lodging's regency: one seated there, else the office running the regency's Timpora, else one in the province. */
export async function immigrationOffice(db: Kysely<Database>, villageCode: string): Promise<string> {
  const regency = villageCode.split('.').slice(0, 2).join('.');
  const province = regency.slice(0, 2);
  const seated = await db.selectFrom('agencies').select('name').where('kind', '=', 'imigrasi').where('region_code', '=', regency).orderBy('name').executeTakeFirst();
  if (seated) return seated.name;
  const team = await db.selectFrom('teams').innerJoin('agencies', 'agencies.id', 'teams.office_agency_id').select('agencies.name')
    .where('agencies.kind', '=', 'imigrasi').where('teams.region_code', 'in', [regency, province])
    .orderBy('teams.region_code', 'desc').orderBy('agencies.name').executeTakeFirst();
  if (team) return team.name;
  const inProvince = await db.selectFrom('agencies').select('name').where('kind', '=', 'imigrasi')
    .where((eb) => eb.or([eb('region_code', '=', province), eb('region_code', 'like', `${province}.%`)])).orderBy('name').executeTakeFirst();
  return inProvince?.name ?? 'Direktorat Jenderal Imigrasi';
}

export function verifyUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/verify/${token}`;
}

/** The receipt that lists `stay` (its whole group). `base` is the public URL the QR points to. */
export async function presentReceipt(db: Kysely<Database>, key: Buffer, stay: StayRecord, audience: Audience, base: string) {
  const group = stay.receipt_group ?? stay.receipt_number;
  const rows = await loadReceiptGroup(db, group);
  const head = rows[0]!;
  const zone = await regionTimeZone(db, head.region_code);
  const lodging = await db.selectFrom('reporter_orgs').select(['name', 'address']).where('id', '=', head.lodging_id).executeTakeFirstOrThrow();
  const codes = [...new Set(rows.map((r) => r.nationality).filter((c): c is string => !!c))];
  const countries = new Map((codes.length ? await db.selectFrom('countries').select(['code', 'name_id', 'name_en']).where('code', 'in', codes).execute() : [])
    .map((c) => [c.code, c]));
  const see = <T>(group: Parameters<typeof ifSees>[1], v: T) => (audience === 'public' ? v : ifSees(audience, group, v));
  const token = receiptToken(key, head.id);
  return {
    receiptNumber: group,
    office: await immigrationOffice(db, head.region_code),
    lodging: see('whereabouts', { name: lodging.name, address: lodging.address }),
    reportedAt: localDateTime(head.created_at, zone),
    /** the check-in's place in the tamper-evident audit chain */
    auditPosition: await receiptAuditPosition(db, head.id),
    token,
    verifyUrl: verifyUrl(base, token),
    guests: rows.map((s, i) => {
      const country = s.nationality ? countries.get(s.nationality) : undefined;
      const name = audience === 'public' ? `${s.surname ?? ''}${s.given_names ? `, ${initials(s.given_names)}` : ''}` : `${s.surname ?? ''}${s.given_names ? `, ${s.given_names}` : ''}`;
      return {
        line: i + 1,
        receiptNumber: s.receipt_number,
        stayId: audience === 'public' ? null : s.id,
        name: see('identity', name),
        nationality: see('identity', { code: s.nationality ?? '', nameId: country?.name_id ?? s.nationality ?? '', nameEn: country?.name_en ?? s.nationality ?? '' }),
        document: see('document', { number: maskTail(s.document_number), issuingState: s.issuing_state }),
        arrivalDate: see('whereabouts', s.arrival_date),
        plannedDeparture: see('whereabouts', s.planned_departure),
        departureDate: see('whereabouts', s.departure_date),
        permit: see('permit', { kind: s.permit_kind, label: PERMIT_LABEL[s.permit_kind] ?? { id: s.permit_kind, en: s.permit_kind }, validUntil: s.permit_valid_until }),
        status: s.cancelled_at ? 'cancelled' as const : s.departure_date ? 'checked_out' as const : 'present' as const,
      };
    }),
  };
}

export type ReceiptView = Awaited<ReturnType<typeof presentReceipt>>;

const NULLABLE_OBJ = (properties: Record<string, unknown>) => ({ type: ['object', 'null'], properties } as const);
const S = { type: 'string' } as const;
const NS = { type: ['string', 'null'] } as const;

/** Response schema of a receipt (the route's second guard on what leaves). */
export const receiptJson = {
  type: 'object',
  properties: {
    receiptNumber: S, office: S, reportedAt: S, auditPosition: NS, token: S, verifyUrl: S,
    lodging: NULLABLE_OBJ({ name: S, address: S }),
    guests: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          line: { type: 'integer' }, receiptNumber: S, stayId: NS, name: NS,
          nationality: NULLABLE_OBJ({ code: S, nameId: S, nameEn: S }),
          document: NULLABLE_OBJ({ number: S, issuingState: S }),
          arrivalDate: NS, plannedDeparture: NS, departureDate: NS,
          permit: NULLABLE_OBJ({ kind: S, label: { type: 'object', properties: { id: S, en: S } }, validUntil: NS }),
          status: { type: 'string', enum: ['present', 'checked_out', 'cancelled'] },
        },
      },
    },
  },
} as const;
