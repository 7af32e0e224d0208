import type { AlertsTable } from '../../db/schema';
import { sees } from '../../policies/fields';
import { type PolicyRules, inArea, isOfficer } from '../../policies/rules';

// Alerts are screening material (field matrix): worked by the agencies that see screening, in
// their area. A watchlist hit goes first to immigration, police and intelligence; only immigration
// or police may confirm one, after a person has looked at it.
type AlertLike = Pick<AlertsTable, 'region_code' | 'status' | 'source'>;

const FIRST_FOR_WATCHLIST = ['imigrasi', 'polres', 'bin'];
const CONFIRMS_WATCHLIST = ['imigrasi', 'polres'];
const worksAlerts = (actor: Parameters<typeof isOfficer>[0]) => isOfficer(actor) && sees(actor, 'screening');
const agencyKind = (actor: { role: string; agencyKind: string | null }) => (actor.role === 'immigration_officer' ? 'imigrasi' : actor.agencyKind ?? '');
const mayRead = (actor: Parameters<typeof isOfficer>[0], a: AlertLike) =>
  worksAlerts(actor) && inArea(actor, a.region_code) && (a.source !== 'watchlist' || FIRST_FOR_WATCHLIST.includes(agencyKind(actor)));

export const alertsPolicy = {
  alert: {
    list: (actor) => worksAlerts(actor),
    read: mayRead,
    /** live alert events: the same people as read, without the workflow state */
    receive: (actor, a: Pick<AlertsTable, 'region_code' | 'source'>) => mayRead(actor, { ...a, status: 'new' }),
    acknowledge: (actor, a: AlertLike) => mayRead(actor, a) && a.status === 'new',
    assign: (actor, a: AlertLike) => mayRead(actor, a) && a.status !== 'resolved',
    resolve: (actor, a: AlertLike) => mayRead(actor, a) && a.status !== 'resolved',
    /** confirming a watchlist hit is a human decision for immigration or police only */
    confirm: (actor, a: AlertLike) => mayRead(actor, a) && a.status !== 'resolved' && (a.source !== 'watchlist' || CONFIRMS_WATCHLIST.includes(agencyKind(actor))),
    reopen: (actor, a: AlertLike) => mayRead(actor, a) && a.status === 'resolved',
    comment: mayRead,
  },
} satisfies PolicyRules;
