import type { Actor } from '../../auth/actor';
import { sees } from '../../policies/fields';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// Joint operations (operasi gabungan) of a team's area. Any officer of the area may plan one
// (the team decides together; Sinergi records it). An operation's results name persons checked,
// so reading it is for those who take part (the participating agencies and the agency that
// planned it) and for the area's immigration and enforcement agencies (who see screening
// material by the field matrix); other members of the area get 403, anyone outside 404.
// Results are recorded by immigration or a participating/planning agency.
export interface OperationRecord { region_code: string; created_by_agency_id: string | null; agency_ids: readonly string[] }

const isImmigration = (actor: Actor) => actor.role === 'immigration_officer' || actor.agencyKind === 'imigrasi';
const takesPart = (actor: Actor, op: OperationRecord) =>
  actor.agencyId !== null && (op.agency_ids.includes(actor.agencyId) || op.created_by_agency_id === actor.agencyId);
const mayRead = (actor: Actor, op: OperationRecord) =>
  isOfficer(actor) && inArea(actor, op.region_code) && (sees(actor, 'screening') || takesPart(actor, op));

export const operationsPolicy = {
  operation: {
    list: (actor) => isOfficer(actor),
    plan: (actor) => isOfficer(actor),
    read: mayRead,
    recordResults: (actor, op: OperationRecord) => mayRead(actor, op) && (isImmigration(actor) || takesPart(actor, op)),
  },
} satisfies PolicyRules;
