import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor';
import type { Database } from '../../db/schema';
import { REGION_CODE } from '../../http/schemas';
import { authorize, ensureVisible, inArea } from '../../policies';
import { presentPersonListItem } from '../persons/presenters';
import { type PersonListRow, searchPersons as listPersons } from '../persons/search';
import { type PresentFilter, listPresent } from '../present/queries';
import { presentPresentRow } from '../present/presenters';
import { todayFor } from '../present/routes';
import { presentQuery as presentListQuery } from '../present/schemas';
import { presentStats } from '../stats/routes';
import { STAY_COLUMNS } from '../stays/export';
import { presentStay } from '../stays/presenters';
import { type StayListFilter, listStays } from '../stays/queries';
import { listQuery as stayListQuery } from '../stays/schemas';
import { type Column, localTime } from './format';

// What can be exported: a registry of sources. A source names itself, declares the filter it
// takes (a JSON schema; a bad filter answers 400 naming `filter.<field>`), checks that the actor
// may read it (the same rules as the screen it mirrors), and gives its rows a chunk at a time
// through the same query the screen uses, so a file holds exactly what the list would show.
// Columns follow the field matrix (format.ts). To add a source: write one with defineSource and
// list it in SOURCES below.

export interface ExportSource<F = any, T = any> {
  id: string;
  title: { id: string; en: string };
  /** JSON schema of the filter object (additionalProperties: false) */
  filterSchema: Record<string, unknown>;
  /** throws 404/403 as the screen would; called when the export is requested */
  authorize(actor: Actor, filter: F): void;
  /** the region the export is about (audit, time zone); null: the actor's whole area */
  regionOf(actor: Actor, filter: F): string | null;
  columns: Column<T>[];
  /** how many rows the export will have (for the progress bar) */
  count(db: Kysely<Database>, actor: Actor, filter: F): Promise<number>;
  /** the rows, `chunk` at a time */
  rows(db: Kysely<Database>, actor: Actor, filter: F, chunk: number): AsyncIterable<T[]>;
}

export const defineSource = <F, T>(source: ExportSource<F, T>) => source;

/** Pages through a paged list query until a short page. */
async function* paged<T>(page: (n: number) => Promise<T[]>, size: number): AsyncIterable<T[]> {
  for (let n = 1; ; n += 1) {
    const rows = await page(n);
    if (rows.length) yield rows;
    if (rows.length < size) return;
  }
}

type StayFilter = Omit<StayListFilter, 'page' | 'pageSize' | 'sort'> & { sort?: StayListFilter['sort'] };
const { present, toClose, region, q, reportKind, sort } = stayListQuery.properties;

const stays = defineSource({
  id: 'stays',
  title: { id: 'Daftar laporan WNA', en: 'Foreigner reports' },
  filterSchema: { type: 'object', additionalProperties: false, properties: { present, toClose, region, q, reportKind, sort } },
  authorize: (actor) => authorize(actor, 'stay', 'export'),
  regionOf: (_actor, f: StayFilter) => f.region ?? null,
  columns: STAY_COLUMNS,
  count: async (db, actor, f) => (await listStays(db, actor, { ...f, sort: f.sort ?? '-createdAt', page: 1, pageSize: 1 })).total,
  rows: (db, actor, f, chunk) => paged(async (page) => {
    const { rows } = await listStays(db, actor, { ...f, sort: f.sort ?? '-createdAt', page, pageSize: chunk });
    return rows.map((r) => presentStay(actor, r));
  }, chunk),
});

type PersonFilter = { q?: string; nationality?: string };
type PersonItem = ReturnType<typeof presentPersonListItem>;
const YES_NO = { id: ['Ya', 'Tidak'], en: ['Yes', 'No'] } as const;

const persons = defineSource({
  id: 'persons',
  title: { id: 'Daftar orang', en: 'Persons' },
  filterSchema: {
    type: 'object', additionalProperties: false,
    properties: { q: { type: 'string', maxLength: 100 }, nationality: { type: 'string', pattern: '^[A-Z]{3}$' } },
  },
  authorize: (actor) => authorize(actor, 'person', 'list'),
  regionOf: () => null,
  columns: [
    { id: 'ID orang', en: 'Person id', group: 'always', value: (p) => p.id },
    { id: 'Nama keluarga', en: 'Surname', group: 'identity', value: (p) => p.surname },
    { id: 'Nama depan', en: 'Given names', group: 'identity', value: (p) => p.givenNames },
    { id: 'Kewarganegaraan', en: 'Nationality', group: 'identity', value: (p) => p.nationality },
    { id: 'Terakhir datang', en: 'Last arrival', group: 'whereabouts', value: (p) => p.lastSeen },
    { id: 'Masih ada', en: 'Present', group: 'always', value: (p, ctx) => YES_NO[ctx.lang][p.present ? 0 : 1] },
  ] satisfies Column<PersonItem>[],
  count: async (db, actor, f: PersonFilter) => (await listPersons(db, actor, { ...f, page: 1, pageSize: 1 })).total,
  rows: (db, actor, f, chunk) => paged(async (page) => {
    const { rows } = await listPersons(db, actor, { ...f, page, pageSize: chunk });
    return rows.map((r: PersonListRow) => presentPersonListItem(actor, r));
  }, chunk),
});

interface FigureRow { region: string; dimension: 'nationality' | 'permitKind' | 'reportKind'; key: string; count: number; at: string }
const DIMENSIONS = {
  nationality: { id: 'Kewarganegaraan', en: 'Nationality' },
  permitKind: { id: 'Izin tinggal', en: 'Stay permit' },
  reportKind: { id: 'Jenis laporan', en: 'Report kind' },
} as const;
const figureRegion = (actor: Actor, f: { region?: string }) => f.region ?? actor.areaCode ?? actor.areas[0] ?? '';

/** The area figures of the dashboard: who is present now, by nationality, permit kind and report kind. Aggregates only. */
const figures = defineSource({
  id: 'figures',
  title: { id: 'Angka wilayah: WNA yang ada sekarang', en: 'Area figures: foreigners present now' },
  filterSchema: { type: 'object', additionalProperties: false, properties: { region: REGION_CODE } },
  authorize: (actor, f: { region?: string }) => {
    authorize(actor, 'dashboard', 'view');
    ensureVisible(inArea(actor, figureRegion(actor, f)));
    authorize(actor, 'stats', 'view', figureRegion(actor, f));
  },
  regionOf: (actor, f) => figureRegion(actor, f),
  columns: [
    { id: 'Wilayah', en: 'Region', group: 'always', value: (r) => r.region },
    { id: 'Kelompok', en: 'Breakdown', group: 'always', value: (r, ctx) => DIMENSIONS[r.dimension][ctx.lang] },
    { id: 'Nilai', en: 'Value', group: 'always', value: (r) => r.key },
    { id: 'Jumlah ada', en: 'Present', group: 'always', value: (r) => r.count },
    { id: 'Per ({zone})', en: 'As of ({zone})', group: 'always', value: (r, ctx) => localTime(r.at, r.region, ctx) },
  ] satisfies Column<FigureRow>[],
  count: async (db, actor, f) => figureRows(await presentStats(db, figureRegion(actor, f))).length,
  rows: async function* (db, actor, f) { yield figureRows(await presentStats(db, figureRegion(actor, f))); },
});

function figureRows(stats: Awaited<ReturnType<typeof presentStats>>): FigureRow[] {
  const at = new Date().toISOString();
  return (['nationality', 'permitKind', 'reportKind'] as const).flatMap((dimension) => {
    const counts = dimension === 'nationality' ? stats.byNationality : dimension === 'permitKind' ? stats.byPermitKind : stats.byReportKind;
    return Object.entries(counts).map(([key, count]) => ({ region: stats.region, dimension, key, count: Number(count), at }));
  });
}

type PresentExportFilter = Omit<PresentFilter, 'page' | 'pageSize' | 'sort' | 'dir'>;
type PresentItem = ReturnType<typeof presentPresentRow>;
const { region: presentRegion, nationality, permitKind, lodging, village, status } = presentListQuery.properties;
const noDefault = <T extends { default?: unknown }>({ default: _, ...rest }: T) => rest;

/** Who is present (the /hadir list), with its flags, as the actor's field matrix allows. */
const presentList = defineSource({
  id: 'present',
  title: { id: 'WNA yang ada sekarang', en: 'Foreigners present now' },
  filterSchema: {
    type: 'object', additionalProperties: false,
    // no sort here: the body's filter schema is the union of every source's fields, and the stays
    // list's sort (another enum) must keep its own values; the file is in arrival order
    properties: { region: presentRegion, nationality, permitKind, lodging, village, status: noDefault(status) },
  },
  authorize: (actor, f: PresentExportFilter) => {
    authorize(actor, 'present', 'list');
    if (f.region) ensureVisible(inArea(actor, f.region));
  },
  regionOf: (_actor, f) => f.region ?? null,
  columns: [
    { id: 'Nama keluarga', en: 'Surname', group: 'identity', value: (r) => r.identity?.surname },
    { id: 'Nama depan', en: 'Given names', group: 'identity', value: (r) => r.identity?.givenNames },
    { id: 'Kewarganegaraan', en: 'Nationality', group: 'identity', value: (r) => r.identity?.nationality },
    { id: 'Nomor paspor', en: 'Passport number', group: 'document', value: (r) => r.document?.number },
    { id: 'Paspor berlaku s.d.', en: 'Passport valid until', group: 'document', value: (r) => r.document?.expiryDate },
    { id: 'Tempat', en: 'Place', group: 'whereabouts', value: (r) => r.whereabouts?.lodging.name },
    { id: 'Desa/kelurahan', en: 'Village', group: 'whereabouts', value: (r) => r.whereabouts?.village.name ?? r.whereabouts?.village.code },
    { id: 'Tanggal datang', en: 'Arrival date', group: 'whereabouts', value: (r) => r.whereabouts?.arrivalDate },
    { id: 'Izin tinggal', en: 'Stay permit', group: 'permit', value: (r) => r.permit?.kind },
    { id: 'Izin berlaku s.d.', en: 'Permit valid until', group: 'permit', value: (r) => r.permit?.validUntil },
    { id: 'Melebihi izin', en: 'Overstaying', group: 'permit', value: (r, ctx) => YES_NO[ctx.lang][r.flags.overstay ? 0 : 1] },
    { id: 'Jenis laporan', en: 'Report kind', group: 'always', value: (r) => r.reportKind },
  ] satisfies Column<PresentItem>[],
  count: async (db, actor, f) => (await listPresent(db, actor, { ...f, page: 1, pageSize: 1 }, todayFor(actor, f.region))).total,
  rows: (db, actor, f, chunk) => {
    const today = todayFor(actor, f.region);
    return paged(async (page) => (await listPresent(db, actor, { ...f, page, pageSize: chunk }, today)).rows.map((r) => presentPresentRow(actor, r, today)), chunk);
  },
});

export const SOURCES: Record<string, ExportSource> = Object.fromEntries([stays, persons, figures, presentList].map((s) => [s.id, s as ExportSource]));
export const SOURCE_IDS = Object.keys(SOURCES);
