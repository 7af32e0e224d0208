import type { Actor } from '../../auth/actor';
import type { AlertActivityTable, AlertsTable } from '../../db/schema';
import { abilities } from '../../policies';
import { sees } from '../../policies/fields';

// What an alert shows: why it was raised (an i18n key with values), whom it is about (as far as
// the field matrix lets the viewer see), and where it stands in the workflow.

type AlertRow = AlertsTable & { surname: string | null; given_names: string | null; nationality: string | null };

export function presentAlert(actor: Actor, a: AlertRow) {
  const identity = sees(actor, 'identity');
  return {
    id: a.id, source: a.source, rule: a.rule, severity: a.severity, status: a.status, regionCode: a.region_code,
    person: { id: a.person_id, surname: identity ? a.surname : null, givenNames: identity ? a.given_names : null, nationality: identity ? a.nationality : null },
    stayId: a.stay_id, explanation: JSON.parse(a.explanation) as { key: string; params: Record<string, unknown> },
    score: a.score, assignedAgencyId: a.assigned_agency_id, assignedUserId: a.assigned_user_id,
    resolution: a.resolution, reason: a.reason, createdAt: a.created_at, updatedAt: a.updated_at, resolvedAt: a.resolved_at,
    abilities: abilities(actor, 'alert', {
      acknowledge: 'acknowledge', assign: 'assign', resolve: 'resolve', confirm: 'confirm', reopen: 'reopen', comment: 'comment',
    }, a),
  };
}

export function presentActivity(a: AlertActivityTable) {
  return { id: a.id, at: a.at, actorName: a.actor_name, kind: a.kind, detail: JSON.parse(a.detail) as Record<string, unknown> };
}
