import type { Kysely } from 'kysely';
import { permitStatus } from '../../../domain/permits/kinds';
import { PROFILE_WARN_DAYS } from '../../../domain/permits/status';
import { localDateTime } from '../../../domain/regions';
import type { Actor } from '../../auth/actor';
import type { Database, TimeZoneName } from '../../db/schema';
import { can } from '../../policies';
import { ifSees, sees } from '../../policies/fields';
import type { PersonRecord } from './queries';

// The rest of a person's picture beside its stays: who reported each stay and through which
// channel, every stay permit with its status, and the field sightings, alerts and cases that
// name the person. Each entry is there only when the actor may read it (the feature's own
// policy), each field only when the field matrix lets the actor see it. Instants are shown in
// the region's own zone (Soppeng: WITA).

/** Sighting categories that are study details (field group `study`, Disdik). */
const STUDY_CATEGORIES = new Set(['studying']);

export async function loadProfileExtras(db: Kysely<Database>, personId: string, stayIds: string[]) {
  const reports = stayIds.length === 0 ? [] : await db.selectFrom('stays')
    .leftJoin('users', 'users.id', 'stays.reported_by')
    .leftJoin('person_documents as doc', 'doc.id', 'stays.document_id')
    .select((eb) => [
      'stays.id', 'stays.created_at', 'stays.permit_number', 'stays.permit_valid_from', 'stays.permit_valid_until', 'stays.permit_kind',
      'stays.reported_document_expiry', 'users.display_name as user_name', 'doc.number as doc_number', 'doc.issuing_state as doc_state',
      'doc.type as doc_type',
      eb.exists(eb.selectFrom('import_rows').select('import_rows.stay_id').whereRef('import_rows.stay_id', '=', 'stays.id')).as('imported'),
    ])
    .where('stays.id', 'in', stayIds).execute();
  const sightings = await db.selectFrom('sightings')
    .select(['id', 'observed_at', 'village_code', 'category', 'status', 'reported_by', 'subject_description', 'note'])
    .where('person_id', '=', personId).orderBy('observed_at', 'desc').execute();
  const alerts = await db.selectFrom('alerts')
    .select(['id', 'created_at', 'region_code', 'rule', 'severity', 'status', 'source'])
    .where('person_id', '=', personId).orderBy('created_at', 'desc').execute();
  const cases = await db.selectFrom('case_persons').innerJoin('cases', 'cases.id', 'case_persons.case_id')
    .select(['cases.id', 'cases.number', 'cases.title', 'cases.status', 'cases.created_at', 'cases.region_code',
      'cases.assigned_agency_id', 'cases.opened_by_agency_id'])
    .where('case_persons.person_id', '=', personId).orderBy('cases.created_at', 'desc').execute();
  return { reports, sightings, alerts, cases };
}

export type ProfileExtras = Awaited<ReturnType<typeof loadProfileExtras>>;

const local = (iso: string, zone: TimeZoneName) => {
  const at = localDateTime(iso, zone);
  return { date: at.slice(0, 10), at };
};

export function presentProfileExtras(actor: Actor, record: PersonRecord, x: ProfileExtras, zone: TimeZoneName, today: string) {
  const byId = new Map(x.reports.map((r) => [r.id, r]));
  const stays = record.stays;
  const study = sees(actor, 'study');
  return {
    zone,
    /** one entry per report (stay): who reported it, when, through which channel, with which document */
    reports: stays.map((s) => {
      const r = byId.get(s.id);
      return {
        stayId: s.id, reportKind: s.report_kind,
        reportedAt: r ? local(r.created_at, zone).at : null,
        org: { id: s.lodging_id, name: s.lodging_name },
        user: r?.user_name ?? null,
        channel: r && Number(r.imported) ? 'import' : 'direct',
        document: ifSees(actor, 'document', r?.doc_number ? {
          type: r.doc_type ?? 'passport', number: r.doc_number, issuingState: r.doc_state ?? '', expiryDate: r.reported_document_expiry ?? null,
        } : null),
      };
    }),
    /** every stay permit the reports gave, with its status today (in the region's zone) */
    permits: ifSees(actor, 'permit', stays.map((s) => {
      const r = byId.get(s.id);
      return {
        stayId: s.id, kind: s.permit_kind, number: r?.permit_number ?? null, validFrom: r?.permit_valid_from ?? null,
        validUntil: s.permit_valid_until, status: permitStatus(s.permit_valid_until, today, PROFILE_WARN_DAYS),
      };
    })),
    /** sightings, alerts and cases, newest first; each only if its own policy lets the actor read it */
    events: [
      ...x.sightings.filter((s) => can(actor, 'sighting', 'read', s)).map((s) => {
        const hidden = STUDY_CATEGORIES.has(s.category) && !study;
        return {
          kind: 'sighting' as const, id: s.id, ...local(s.observed_at, zone), regionCode: s.village_code, status: s.status,
          category: hidden ? null : s.category, note: hidden ? null : s.note ?? s.subject_description ?? null,
          title: null, number: null, severity: null,
        };
      }),
      ...x.alerts.filter((a) => can(actor, 'alert', 'read', a)).map((a) => ({
        kind: 'alert' as const, id: a.id, ...local(a.created_at, zone), regionCode: a.region_code, status: a.status,
        category: a.rule, note: null, title: null, number: null, severity: a.severity,
      })),
      ...x.cases.filter((c) => can(actor, 'case', 'read', c)).map((c) => ({
        kind: 'case' as const, id: c.id, ...local(c.created_at, zone), regionCode: c.region_code, status: c.status,
        category: null, note: null, title: c.title, number: c.number, severity: null,
      })),
    ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
  };
}

const str = { type: ['string', 'null'] } as const;

/** The response schema of the extras (merged into personJson's properties). */
export const profileExtrasJson = {
  zone: { type: 'string', description: 'the time zone of the dates and times below (the region\'s own: WIB, WITA, WIT)' },
  reports: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        stayId: { type: 'string' }, reportKind: { type: 'string' }, reportedAt: str, user: str,
        org: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
        channel: { type: 'string', enum: ['direct', 'import'] },
        document: {
          type: ['object', 'null'],
          properties: { type: { type: 'string' }, number: { type: 'string' }, issuingState: { type: 'string' }, expiryDate: str },
        },
      },
    },
  },
  permits: {
    type: ['array', 'null'],
    items: {
      type: 'object',
      properties: {
        stayId: { type: 'string' }, kind: { type: 'string' }, number: str, validFrom: str, validUntil: str,
        status: { type: 'string', enum: ['valid', 'expiring', 'expired'] },
      },
    },
  },
  events: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['sighting', 'alert', 'case'] }, id: { type: 'string' }, date: { type: 'string' }, at: { type: 'string' },
        regionCode: { type: 'string' }, status: { type: 'string' }, category: str, note: str, title: str, number: str, severity: str,
      },
    },
  },
} as const;
