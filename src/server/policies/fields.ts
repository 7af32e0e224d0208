import { type FieldGroup, fieldGroupsOf } from '../../domain/access/field-matrix';
import type { Actor } from '../auth/actor';

// The field matrix (src/domain/access/field-matrix.ts) as the server asks it.

/** The field groups the actor may see; computed once per actor object. */
const cache = new WeakMap<Actor, ReadonlySet<FieldGroup>>();
export function fieldGroups(actor: Actor): ReadonlySet<FieldGroup> {
  let groups = cache.get(actor);
  if (!groups) cache.set(actor, (groups = fieldGroupsOf(actor)));
  return groups;
}

export const sees = (actor: Actor, group: FieldGroup): boolean => fieldGroups(actor).has(group);

/** The value when the actor sees its group, else null. */
export const ifSees = <T>(actor: Actor, group: FieldGroup, value: T): T | null => (sees(actor, group) ? value : null);
