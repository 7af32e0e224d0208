import type { Actor } from '../../auth/actor';
import type { CaseEventsTable, CasesTable } from '../../db/schema';
import { abilities } from '../../policies';
import { sees } from '../../policies/fields';
import type { loadCaseDetail } from './queries';

// What a case shows. Linked persons pass the field matrix like everywhere else: a name only to
// those who see identity, a date of birth only to those who see documents.

type CaseRow = CasesTable & { assigned_agency_name?: string | null; assigned_user_name?: string | null };

export function presentCase(actor: Actor, c: CaseRow) {
  return {
    id: c.id, number: c.number, title: c.title, summary: c.summary, status: c.status,
    source: { kind: c.source_kind, id: c.source_id }, regionCode: c.region_code,
    assignedAgency: c.assigned_agency_id ? { id: c.assigned_agency_id, name: c.assigned_agency_name ?? null } : null,
    assignedUser: c.assigned_user_id ? { id: c.assigned_user_id, name: c.assigned_user_name ?? null } : null,
    action: c.action_kind ? { kind: c.action_kind, measure: c.action_measure, note: c.action_note, at: c.action_at } : null,
    createdAt: c.created_at, updatedAt: c.updated_at, closedAt: c.closed_at,
    abilities: abilities(actor, 'case', {
      comment: 'comment', attach: 'attach', assign: 'assign', linkPerson: 'linkPerson', start: 'start', act: 'act',
      actAdministrative: 'actAdministrative', actCriminal: 'actCriminal', close: 'close',
    }, c),
  };
}

export function presentEvent(e: CaseEventsTable) {
  return { id: e.id, at: e.at, actorName: e.actor_name, kind: e.kind, detail: JSON.parse(e.detail) as Record<string, unknown> };
}

export function presentCaseDetail(actor: Actor, d: Awaited<ReturnType<typeof loadCaseDetail>>) {
  const identity = sees(actor, 'identity');
  const documents = sees(actor, 'document');
  return {
    ...presentCase(actor, d.c),
    timeline: d.events.map(presentEvent),
    persons: d.persons.map((p) => ({
      id: p.id, surname: identity ? p.surname : null, givenNames: identity ? p.given_names : null,
      nationality: identity ? p.nationality : null, dateOfBirth: documents ? p.date_of_birth : null, addedAt: p.added_at,
    })),
    attachments: d.attachments.map((a) => ({ id: a.id, eventId: a.event_id, filename: a.filename, contentType: a.content_type, size: Number(a.size), createdAt: a.created_at })),
  };
}
