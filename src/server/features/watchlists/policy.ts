import type { Actor } from '../../auth/actor';
import { sees } from '../../policies/fields';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// Watchlists are screening material (field matrix): the entries are seen by the agencies a
// watchlist hit goes to (immigration, police, intelligence; see alerts/policy.ts). Immigration
// officers keep the lists: national lists, and the lists of their own area; an officer of another
// area may read a list but not change it. Administrators create lists and load files but, holding
// no field group, never read or type an entry themselves.

interface ListLike { region_code: string | null }

const VIEWERS = ['imigrasi', 'polres', 'bin'];
const agencyKind = (actor: Actor) => (actor.role === 'immigration_officer' ? 'imigrasi' : actor.agencyKind ?? '');
const viewsEntries = (actor: Actor) => isOfficer(actor) && sees(actor, 'screening') && VIEWERS.includes(agencyKind(actor));
const isImmigration = (actor: Actor) => isOfficer(actor) && agencyKind(actor) === 'imigrasi';
const isAdmin = (actor: Actor) => actor.role === 'admin';
const ownList = (actor: Actor, l: ListLike) => l.region_code === null || inArea(actor, l.region_code);
const keepsEntries = (actor: Actor, l: ListLike) => isImmigration(actor) && ownList(actor, l);

export const watchlistPolicy = {
  watchlist: {
    /** the lists, their versions and imports (no personal data) */
    list: (actor) => isAdmin(actor) || viewsEntries(actor),
    /** a list's entries (personal data) */
    view: (actor) => viewsEntries(actor),
    /** create lists, upload files */
    edit: (actor) => isAdmin(actor) || isImmigration(actor),
    /** add and remove entries by hand */
    editEntries: (actor) => isImmigration(actor),
    read: (actor, _l: ListLike) => isAdmin(actor) || viewsEntries(actor),
    readEntries: (actor, _l: ListLike) => viewsEntries(actor),
    readEntry: (actor, _l: ListLike) => viewsEntries(actor),
    manage: (actor, l: ListLike) => isAdmin(actor) || keepsEntries(actor, l),
    addEntry: (actor, l: ListLike) => keepsEntries(actor, l),
    removeEntry: (actor, l: ListLike) => keepsEntries(actor, l),
    readImport: (actor, l: ListLike) => isAdmin(actor) || keepsEntries(actor, l),
  },
} satisfies PolicyRules;
