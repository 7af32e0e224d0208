import type { Actor } from '../auth/actor';
import { forbidden, notFound } from '../errors';
import { adminPolicy } from '../features/admin/policy';
import { alertsPolicy } from '../features/alerts/policy';
import { apiKeyPolicy } from '../features/apikeys/policy';
import { auditPolicy } from '../features/audit/policy';
import { casesPolicy } from '../features/cases/policy';
import { operationsPolicy } from '../features/operations/policy';
import { authPolicy } from '../features/auth/policy';
import { channelPolicy } from '../features/channel/policy';
import { eventsPolicy } from '../features/events/policy';
import { exportsPolicy } from '../features/exports/policy';
import { identityPolicy } from '../features/identity/policy';
import { importPolicy } from '../features/imports/policy';
import { lodgingsPolicy } from '../features/lodgings/policy';
import { mapPolicy } from '../features/map/policy';
import { meetingsPolicy } from '../features/meetings/policy';
import { notificationsPolicy } from '../features/notifications/policy';
import { personLinksPolicy } from '../features/person-links/policy';
import { personPolicy } from '../features/persons/policy';
import { presentPolicy } from '../features/present/policy';
import { preregistrationPolicy } from '../features/preregistration/policy';
import { screeningPolicy } from '../features/screening/policy';
import { registrationPolicy } from '../features/registrations/policy';
import { sightingsPolicy } from '../features/sightings/policy';
import { statsPolicy } from '../features/stats/policy';
import { stayPolicy } from '../features/stays/policy';
import { teamsPolicy } from '../features/teams/policy';
import { watchlistPolicy } from '../features/watchlists/policy';
import { workReportPolicy } from '../features/work-reports/policy';
import type { Rule } from './rules';

// Policies as rules (deny unless a rule allows), one registry. Each feature exports its
// rules from its policy.ts; they are joined here by name, so kinds and actions are types:
// a misspelt kind or action does not compile. Routes call authorize(); presenters call
// abilities() so the web shows only what the server would accept.

export const policies = {
  ...adminPolicy, ...alertsPolicy, ...auditPolicy, ...authPolicy, ...eventsPolicy, ...identityPolicy, ...lodgingsPolicy, ...notificationsPolicy, ...personPolicy, ...presentPolicy, ...screeningPolicy, ...statsPolicy, ...stayPolicy, ...registrationPolicy, ...preregistrationPolicy, ...workReportPolicy, ...importPolicy,
  ...sightingsPolicy,
  ...teamsPolicy, ...meetingsPolicy,
  ...casesPolicy, ...operationsPolicy,
  ...channelPolicy, ...apiKeyPolicy,
  ...personLinksPolicy,
  ...mapPolicy,
  ...watchlistPolicy,
  ...exportsPolicy,
} as const;

type Policies = typeof policies;
export type Kind = keyof Policies;
export type ActionOf<K extends Kind> = keyof Policies[K] & string;
/** The record argument: absent for rules that take none, typed as the rule takes it. */
type RecordArg<K extends Kind, A extends ActionOf<K>> =
  Policies[K][A] extends (...args: infer P) => boolean ? (P extends [Actor] ? [] : P extends [Actor, infer R] ? [record: R] : never) : never;

export function can<K extends Kind, A extends ActionOf<K>>(actor: Actor, kind: K, action: A, ...record: RecordArg<K, A>): boolean {
  const rule = policies[kind][action] as Rule<unknown>;
  return rule(actor, record[0]);
}

/** Throws 403 unless allowed. Check scope first (outside the area answers 404). */
export function authorize<K extends Kind, A extends ActionOf<K>>(actor: Actor, kind: K, action: A, ...record: RecordArg<K, A>): void {
  if (!can(actor, kind, action, ...record)) throw forbidden();
}

/** The actor's allowed actions on a record, for the response's `abilities`: { name: action }. */
export function abilities<K extends Kind, N extends string>(
  actor: Actor, kind: K, actions: Record<N, ActionOf<K>>, ...record: unknown[]
): Record<N, boolean> {
  const out = {} as Record<N, boolean>;
  for (const [name, action] of Object.entries(actions) as [N, ActionOf<K>][]) {
    out[name] = (policies[kind][action] as Rule<unknown>)(actor, record[0]);
  }
  return out;
}

/** 404 for records the actor may not even know of (outside its scope). */
export function ensureVisible(visible: boolean): asserts visible {
  if (!visible) throw notFound();
}

export { inArea, isOfficer, ownOrg } from './rules';
