import { isWithinArea } from '../../domain/regions';
import type { Actor } from '../auth/actor';
import { forbidden, notFound } from '../errors';

// Policies as rules (deny unless a rule allows). Each feature declares its rules with
// allow(); routes call authorize(); presenters call abilities() so the web shows only
// what the server would accept.

type Rule<R> = (actor: Actor, record: R) => boolean;
const rules = new Map<string, Rule<any>[]>();

export function allow<R = undefined>(kind: string, action: string, rule: Rule<R>): void {
  const key = `${kind}:${action}`;
  rules.set(key, [...(rules.get(key) ?? []), rule]);
}

export function can<R>(actor: Actor, kind: string, action: string, record?: R): boolean {
  return (rules.get(`${kind}:${action}`) ?? []).some((rule) => rule(actor, record as R));
}

/** Throws 403 unless allowed. Check scope first (outside the area answers 404). */
export function authorize<R>(actor: Actor, kind: string, action: string, record?: R): void {
  if (!can(actor, kind, action, record)) throw forbidden();
}

/** The actor's allowed actions on a record, for the response's `abilities`. */
export function abilities<R>(actor: Actor, kind: string, actions: Record<string, string>, record?: R): Record<string, boolean> {
  return Object.fromEntries(Object.entries(actions).map(([name, action]) => [name, can(actor, kind, action, record)]));
}

/** Same region or a descendant: an area of 73.12 covers 73.12.04.1001, not 73.71. */
export function inArea(actor: Actor, regionCode: string): boolean {
  return actor.areaCode !== null && isWithinArea(actor.areaCode, regionCode);
}

/** 404 for records the actor may not even know of (outside its area). */
export function ensureVisible(visible: boolean): void {
  if (!visible) throw notFound();
}

const OFFICER_ROLES = ['immigration_officer', 'timpora_member'] as const;
export const isOfficer = (actor: Actor) => (OFFICER_ROLES as readonly string[]).includes(actor.role);
