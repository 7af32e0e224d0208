import type { Actor } from '../../auth/actor';
import { abilities } from '../../policies';
import { sees } from '../../policies/fields';
import type { OperationDetail, OperationRow } from './queries';

// An operation as the caller may see it: names of persons checked only to those who see identity.

export function presentOperation(actor: Actor, o: OperationRow) {
  return {
    id: o.id, number: o.number, title: o.title, plannedOn: o.planned_on, regionCode: o.region_code, notes: o.notes, status: o.status,
    agencyIds: [...o.agency_ids], createdAt: o.created_at, updatedAt: o.updated_at,
    abilities: abilities(actor, 'operation', { recordResults: 'recordResults' }, o),
  };
}

export function presentOperationDetail(actor: Actor, d: OperationDetail) {
  const identity = sees(actor, 'identity');
  return {
    ...presentOperation(actor, d.op),
    targets: d.targets.map((t) => ({ id: t.id, kind: t.kind, reporterOrgId: t.reporter_org_id, villageCode: t.village_code, name: t.org_name ?? t.label ?? t.village_name ?? t.village_code, villageName: t.village_name })),
    participants: d.participants.map((p) => ({ agencyId: p.agency_id, agencyName: p.agency_name, agencyKind: p.agency_kind, userId: p.user_id || null, userName: p.user_name ?? null })),
    checks: d.checks.map((c) => ({
      id: c.id, personId: c.person_id,
      name: identity ? (c.surname ? `${c.surname}, ${c.given_names ?? ''}`.trim() : c.name) : null,
      nationality: identity ? c.person_nationality ?? c.nationality : null,
      documentsSeen: c.documents_seen, note: c.note, createdAt: c.created_at,
    })),
    findings: d.findings.map((f) => ({
      id: f.id, description: f.description, villageCode: f.village_code, personId: f.person_id,
      case: f.case_id ? { id: f.case_id, number: f.case_number, status: f.case_status } : null, createdAt: f.created_at,
    })),
  };
}
