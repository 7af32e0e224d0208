import type { Actor } from '../../auth/actor';
import { type PolicyRules, isOfficer } from '../../policies/rules';

// Other report kinds. A verified company or sponsor reports its foreign workers; a verified
// private host reports a foreigner living with them. Officers read both in their area through
// the stays list and the work-report list; ending an employment is a stay check-out.

const verifiedReporterOf = (actor: Actor, kind: 'company' | 'private') =>
  actor.role === 'reporter' && actor.reporterOrg?.kind === kind && actor.reporterOrg.verified;

export const workReportPolicy = {
  workReport: {
    create: (actor) => verifiedReporterOf(actor, 'company'),
    /** the company's own workers, or an officer's area */
    list: (actor) => (actor.role === 'reporter' && actor.reporterOrg?.kind === 'company') || isOfficer(actor),
  },
  residenceReport: {
    create: (actor) => verifiedReporterOf(actor, 'private'),
  },
} satisfies PolicyRules;
