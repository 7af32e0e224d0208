import { isWithinArea } from '../../domain/regions';
import type { Actor } from '../auth/actor';

// Building blocks of every feature's policy.ts. Kept apart from index.ts so a feature's
// rules can import them while index.ts imports the features' rules (no import cycle).

/** A rule: may this actor do this action (to this record)? Pure, synchronous, no I/O. */
export type Rule<R = void> = (actor: Actor, record: R) => boolean;

/** A feature's rules: kind → action → rule. Declared with `satisfies PolicyRules`. */
export type PolicyRules = Record<string, Record<string, Rule<any>>>;

const OFFICER_ROLES: readonly string[] = ['immigration_officer', 'timpora_member'];
export const isOfficer = (actor: Actor): boolean => OFFICER_ROLES.includes(actor.role);

/**
 * Same region or a descendant of any of the actor's areas: an area of 73.12 covers
 * 73.12.04.1001, not 73.71. The areas are the user's own and those of its active teams.
 */
export function inArea(actor: Actor, regionCode: string): boolean {
  return actor.areas.some((area) => isWithinArea(area, regionCode));
}

/** A reporter acting for its own organisation. */
export const ownOrg = (actor: Actor, orgId: string): boolean => actor.role === 'reporter' && actor.reporterOrg?.id === orgId;
