import { hash as hashText } from 'node:crypto';
import Ajv from 'ajv';
import type { Kysely } from 'kysely';
import { API_PATH, type ColumnMapping, IMPORT_FIELDS, type ImportField, REQUIRED_FIELDS } from '../../../domain/imports/fields';
import { readDate, readPermitKind, readSex } from '../../../domain/imports/values';
import { checkCheckIn } from '../../../domain/validation/checkIn';
import type { Database } from '../../db/schema';
import type { FieldError } from '../../errors';
import { fieldErrorFromAjv } from '../../http/problems';
import { withClosedKeyword } from '../../http/validator';
import type { MessageKey } from '../../i18n/messages';
import { passportKey } from '../stays/duplicates';
import { type CheckInInput, checkInBody } from '../stays/schemas';
import type { CountryReader } from './countries';
import type { GuestTable } from './read';
import { nextTurn } from '../../jobs/turn';

// The dry run and the import share this check: every row read into a check-in body, held to
// the API's body schema and the domain's check-in rules (the same ones a clerk's form meets),
// then to what only a file has: the same row twice, a guest still present at the lodging, a
// row imported before. What passes here is what the import stores.

export interface RowError { row: number; field: ImportField | 'row'; key: MessageKey; params?: Record<string, string | number> }
export interface PlannedRow { index: number; row: number; fingerprint: string; input: CheckInInput; departureDate?: string }
export interface CheckedTable { planned: PlannedRow[]; errors: RowError[]; failedRows: number; alreadyImported: number }

export interface CheckContext {
  lodgingId: string;
  /** today in the lodging's time zone */
  today: string;
  country: CountryReader;
  knownCountry: (code: string) => boolean;
  /** issuing state/number of guests present at the lodging now → their receipt number */
  present: Map<string, string>;
  /** fingerprints of rows imported before, for this lodging */
  imported: Set<string>;
}

// the check-in body rules, compiled once (no coercion: every value here is already a string)
const ajv = new Ajv({ allErrors: true, coerceTypes: false, strict: false });
ajv.addKeyword({ keyword: 'closedProperties', type: 'object', schemaType: 'array' });
const bodyRules = ajv.compile(withClosedKeyword(checkInBody) as object);
const FIELD_OF_PATH = new Map(Object.entries(API_PATH).map(([f, p]) => [p, f as ImportField]));

export const fingerprintOf = (lodgingId: string, passport: string, arrivalDate: string) =>
  hashText('sha256', `${lodgingId}|${passport}|${arrivalDate}`);

/** Loads what the check needs from the database besides the file. */
export async function loadLodgingState(db: Kysely<Database>, lodgingId: string): Promise<Pick<CheckContext, 'present' | 'imported'>> {
  const present = new Map<string, string>();
  const rows = await db.selectFrom('stays').innerJoin('person_documents', 'person_documents.id', 'stays.document_id')
    .select(['person_documents.issuing_state', 'person_documents.number', 'stays.receipt_number'])
    .where('stays.lodging_id', '=', lodgingId).where('stays.departure_date', 'is', null).execute();
  for (const r of rows) present.set(`${r.issuing_state}/${r.number}`, r.receipt_number);
  const imported = new Set((await db.selectFrom('import_rows').select('fingerprint').where('lodging_id', '=', lodgingId).execute()).map((r) => r.fingerprint));
  return { present, imported };
}

/** Fields the mapping lacks (each is an error of the whole file, not of a row). */
export function missingFields(mapping: ColumnMapping, headers: string[]): FieldError[] {
  const out: FieldError[] = [];
  for (const field of REQUIRED_FIELDS) if (mapping[field] === undefined) out.push({ field: `mapping.${field}`, key: 'field.mapping_missing' });
  for (const [field, i] of Object.entries(mapping)) if (!IMPORT_FIELDS.includes(field as ImportField) || i! >= headers.length) out.push({ field: `mapping.${field}`, key: 'field.mapping_bad_column' });
  return out;
}

/** One row's own check: what the row says, read against the mapping, the day and the countries. */
export type RowCheck = ReturnType<typeof checkRow>;

/**
 * Checks every row; yields to the event loop every 2,000 rows so a big file never stalls the server.
 * `rowChecks` are the rows' own checks from a moment ago (same file, mapping, day and countries):
 * they are reused, and only what depends on the database and the other rows is checked again.
 */
export async function checkTable(
  table: GuestTable, mapping: ColumnMapping, ctx: CheckContext, rowChecks?: readonly RowCheck[],
): Promise<CheckedTable & { rowChecks: readonly RowCheck[] }> {
  const checks: RowCheck[] = [];
  const planned: PlannedRow[] = [];
  const errors: RowError[] = [];
  let failedRows = 0;
  let alreadyImported = 0;
  const fingerprints = new Map<string, number>();
  const openPassports = new Map<string, number>();
  for (let index = 0; index < table.rows.length; index++) {
    if (index % 2000 === 1999) await nextTurn();
    const row = table.rowNumbers[index]!;
    const result = rowChecks?.[index] ?? checkRow(table.rows[index]!, mapping, ctx);
    if (!rowChecks) checks.push(result);
    const rowErrors = result.errors.map((e) => ({ row, ...e }));
    if (result.plan && rowErrors.length === 0) {
      const { input, departureDate, passport } = result.plan;
      const fingerprint = fingerprintOf(ctx.lodgingId, passport, input.arrivalDate);
      const twin = fingerprints.get(fingerprint);
      if (twin === undefined && ctx.imported.has(fingerprint)) { fingerprints.set(fingerprint, row); alreadyImported++; continue; }
      if (twin !== undefined) rowErrors.push({ row, field: 'documentNumber', key: 'field.duplicate_row', params: { row: twin } });
      else if (!departureDate && ctx.present.has(passport)) {
        rowErrors.push({ row, field: 'documentNumber', key: 'field.already_present', params: { receipt: ctx.present.get(passport)! } });
      } else if (!departureDate && openPassports.has(passport)) {
        rowErrors.push({ row, field: 'documentNumber', key: 'field.present_twice', params: { row: openPassports.get(passport)! } });
      }
      fingerprints.set(fingerprint, twin ?? row);
      if (rowErrors.length === 0) {
        if (!departureDate) openPassports.set(passport, row);
        planned.push({ index, row, fingerprint, input, ...(departureDate ? { departureDate } : {}) });
        continue;
      }
    }
    failedRows++;
    errors.push(...rowErrors);
  }
  return { planned, errors, failedRows, alreadyImported, rowChecks: rowChecks ?? checks };
}

type RowProblem = Omit<RowError, 'row'>;

function checkRow(cells: string[], mapping: ColumnMapping, ctx: CheckContext) {
  const errors: RowProblem[] = [];
  const cell = (field: ImportField) => {
    const i = mapping[field];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const fail = (field: ImportField | 'row', key: MessageKey, params?: RowProblem['params']) => {
    if (!errors.some((e) => e.field === field)) errors.push(params ? { field, key, params } : { field, key });
  };
  const text = (field: ImportField, required: boolean) => {
    const v = cell(field);
    if (!v && required) fail(field, 'field.required');
    return v;
  };
  const date = (field: ImportField, required: boolean): string | undefined => {
    const v = text(field, required);
    if (!v) return undefined;
    const d = readDate(v);
    if (!d) fail(field, 'field.bad_import_date');
    return d ?? undefined;
  };
  const country = (field: ImportField, fallback?: string): string => {
    const v = text(field, fallback === undefined);
    if (!v) return fallback ?? '';
    const code = ctx.country(v);
    if (!code) fail(field, 'field.unknown_country_name');
    return code ?? '';
  };

  const surname = text('surname', true);
  const givenNames = text('givenNames', false);
  const sexText = text('sex', true);
  const sex = sexText ? readSex(sexText) : null;
  if (sexText && !sex) fail('sex', 'field.bad_sex');
  const dateOfBirth = date('dateOfBirth', true);
  const nationality = country('nationality');
  const issuingState = country('issuingState', nationality);
  const number = text('documentNumber', true);
  const expiryDate = date('documentExpiry', true);
  const kindText = text('permitKind', true);
  const kind = kindText ? readPermitKind(kindText) : null;
  if (kindText && !kind) fail('permitKind', 'field.bad_permit_kind');
  const arrivalDate = date('arrivalDate', true);
  const validFrom = date('permitValidFrom', false) ?? arrivalDate;
  const validUntil = date('permitValidUntil', false);
  const plannedDeparture = date('plannedDeparture', false);
  const departureDate = date('departureDate', false);
  const permitNumber = text('permitNumber', false);
  const room = text('room', false);
  if (errors.length) return { errors, plan: null };

  const input: CheckInInput = {
    guest: {
      surname, givenNames, sex: sex!, dateOfBirth: dateOfBirth!, nationality,
      document: { type: 'passport', number, issuingState, expiryDate: expiryDate! },
      permit: { kind: kind!, validFrom: validFrom!, ...(permitNumber ? { number: permitNumber } : {}), ...(validUntil ? { validUntil } : {}) },
    },
    arrivalDate: arrivalDate!,
    ...(plannedDeparture ? { plannedDeparture } : {}),
    ...(room ? { room } : {}),
  };
  // the API's body rules (lengths, enums), then the domain's check-in rules
  if (!bodyRules(input)) for (const e of bodyRules.errors ?? []) addApiError(fieldErrorFromAjv(e), fail);
  if (errors.length) return { errors, plan: null };
  for (const e of checkCheckIn(input, ctx.today, ctx.knownCountry).errors) addApiError({ field: e.field, key: e.key, params: e.params }, fail);
  if (departureDate) {
    if (departureDate < input.arrivalDate) fail('departureDate', 'field.before_arrival');
    else if (departureDate > ctx.today) fail('departureDate', 'field.date_in_future');
  }
  if (errors.length) return { errors, plan: null };
  return { errors, plan: { input, departureDate, passport: passportKey(issuingState, number) } };
}

function addApiError(e: FieldError, fail: (field: ImportField | 'row', key: MessageKey, params?: RowProblem['params']) => void) {
  fail(FIELD_OF_PATH.get(e.field) ?? 'row', e.key, e.params);
}
