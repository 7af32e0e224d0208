import type { Actor } from '../auth/actor';

// Need to know: which agencies of a Timpora team see a person's identifying details
// (passport number, date of birth). The others (manpower, education, civil registry,
// religious affairs, Kesbangpol, village governments) work from name, nationality and
// permit, which is what their own mandates ask of them.

const IDENTITY_AGENCIES = new Set(['imigrasi', 'polres', 'kejaksaan', 'bin', 'kodim']);

export function seesIdentityDetails(actor: Actor): boolean {
  if (actor.role === 'reporter') return true; // its own guests: it typed these details itself
  if (actor.role === 'immigration_officer') return true;
  return actor.role === 'timpora_member' && actor.agencyKind !== null && IDENTITY_AGENCIES.has(actor.agencyKind);
}
