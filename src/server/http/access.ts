import type { FastifyInstance } from 'fastify';
import type { Actor } from '../auth/actor';
import { unauthenticated } from '../errors';
import { type ActionOf, type Kind, authorize, policies } from '../policies';

// Every API route declares who may call it, in its options: `config: { access: ... }`.
//   public      → anyone (sign-in itself, public verification pages)
//   signedIn    → any signed-in account (its own profile, reference data)
//   gate        → a policy rule without a record, checked here before the body is even
//                 validated (so a caller who may not use a route learns nothing from it)
//   record      → the rule the handler checks on the loaded record (documentation for the
//                 authorization-matrix test; the handler calls authorize with the record)
// A route under /api/ without a declaration refuses to register: access is denied unless a
// policy allows it, and a forgotten declaration is a start-up error, not an open door.

type ArgCount<F> = F extends (...args: infer P) => boolean ? P['length'] : never;
type RecordlessAction<K extends Kind> = { [A in ActionOf<K>]: ArgCount<(typeof policies)[K][A]> extends 1 ? A : never }[ActionOf<K>];
type RecordAction<K extends Kind> = Exclude<ActionOf<K>, RecordlessAction<K>>;

export type Rule = { [K in Kind]: { kind: K; action: RecordlessAction<K> } }[Kind];
export type RecordRule = { [K in Kind]: { kind: K; action: RecordAction<K> } }[Kind];
export type Access = 'public' | 'signedIn' | { gate: Rule; record?: RecordRule };

declare module 'fastify' {
  interface FastifyContextConfig { access?: Access }
  interface FastifyInstance { accessTable: DeclaredRoute[] }
}

/** `gate('stay', 'list')` with typed kind and action. */
export function gate<K extends Kind>(kind: K, action: RecordlessAction<K>, record?: RecordRule): Access {
  return { gate: { kind, action } as Rule, record };
}
export function onRecord<K extends Kind>(kind: K, action: RecordAction<K>): RecordRule {
  return { kind, action } as RecordRule;
}

/** Checks a gate for an actor (null: not signed in). Throws 401 or 403. */
export function checkAccess(access: Access, actor: Actor | null): void {
  if (access === 'public') return;
  if (!actor) throw unauthenticated();
  if (access === 'signedIn') return;
  (authorize as (a: Actor, k: string, act: string) => void)(actor, access.gate.kind, access.gate.action);
}

export interface DeclaredRoute { method: string; url: string; access: Access }

/** Registers the gate; returns the table of declared routes (for the authorization-matrix test). */
export function registerAccessGate(app: FastifyInstance): DeclaredRoute[] {
  const table: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    const access = route.config?.access;
    if (!access) throw new Error(`${String(route.method)} ${route.url} declares no access policy (config.access)`);
    for (const method of [route.method].flat()) table.push({ method, url: route.url, access });
  });
  app.addHook('preValidation', async (request) => {
    // API routes cannot exist without a declaration (onRoute above); what has none is a page,
    // a static file or the not-found handler, which answer for themselves.
    const access = request.routeOptions.config?.access;
    if (access) checkAccess(access, request.actor);
  });
  return table;
}
