// The signed-in person as commands and policies see it. No Fastify types here.

import type { Role } from '../../domain/access/roles';

export { ROLES, type Role } from '../../domain/access/roles';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: string;
  agencyId: string | null;
  /** kind of the officer's agency (imigrasi, polres, disnaker, ...): decides what it needs to know */
  agencyKind: string | null;
  /** region code of the officer's work area (e.g. 73.12); null for reporters and admins */
  areaCode: string | null;
  /** every area the officer supervises: its own and those of the Timpora teams it is an active member of */
  areas: string[];
  /** the Timpora teams the user is an active member of (loaded with the session; absent for built actors) */
  teamIds?: string[];
  reporterOrg: { id: string; kind: string; villageCode: string; verified: boolean } | null;
  /** set when the call came with an API key (Authorization: Bearer) instead of a session; audit entries name it */
  apiKeyId?: string;
}

/** The system itself, for jobs, the CLI and the demo seed. */
export const SYSTEM_ACTOR: Actor = {
  id: 'system', username: 'system', displayName: 'Sinergi', role: 'admin', locale: 'id',
  agencyId: null, agencyKind: null, areaCode: null, areas: [], reporterOrg: null,
};
