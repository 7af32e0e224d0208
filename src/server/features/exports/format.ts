import fs from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { FieldGroup } from '../../../domain/access/field-matrix';
import { type TimeZoneName, localDateTime, timeZoneOfRegion } from '../../../domain/regions';
import type { Actor } from '../../auth/actor';
import { sees } from '../../policies/fields';

// Columns and file writers shared by every export. A column belongs to a field group; a column
// of a group the actor does not see is not in the file at all (not even an empty header), so a
// file never shows more than the screen. Times are written in the export area's zone, named
// in the header ("Dilaporkan (WITA)"); an area spanning several zones writes each time with
// its own zone instead.

export type Lang = 'id' | 'en';
export interface ExportContext {
  lang: Lang;
  /** the one zone of the export's area, or null when the area spans several zones */
  zone: TimeZoneName | null;
}
export type Cell = string | number | null | undefined;
export interface Column<T> {
  /** header in Indonesian and English; `{zone}` is replaced by the export's zone */
  id: string; en: string;
  group: FieldGroup | 'always';
  value: (row: T, ctx: ExportContext) => Cell;
}

/** The columns of the actor's field groups. */
export const visibleColumns = <T>(actor: Actor, columns: Column<T>[]) => columns.filter((c) => c.group === 'always' || sees(actor, c.group));

const LOCAL = { id: 'waktu setempat', en: 'local time' } as const;
export const headerOf = <T>(c: Column<T>, ctx: ExportContext) => c[ctx.lang].replace('{zone}', ctx.zone ?? LOCAL[ctx.lang]);

/** A stored instant in the export's zone ("2026-11-28 07:58"), or with its region's zone when the area spans several. */
export function localTime(iso: string | null | undefined, regionCode: string, ctx: ExportContext): string | null {
  if (!iso) return null;
  return ctx.zone ? localDateTime(iso, ctx.zone).slice(0, 16) : localDateTime(iso, timeZoneOfRegion(regionCode));
}

/** The zone shared by all of the codes (regions or areas), or null if they span several or none is a region. */
export function zoneOfAreas(codes: string[]): TimeZoneName | null {
  const zones = new Set(codes.map((c) => (c.length >= 2 ? timeZoneOfRegion(c) : null)));
  return zones.size === 1 && !zones.has(null) ? [...zones][0]! : null;
}

/** One cell of CSV (RFC 4180); a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: Cell): string {
  if (typeof value === 'number') return String(value);
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file in memory (small lists); a BOM so Excel opens UTF-8 names right. */
export function csvText(headers: string[], rows: Cell[][]): string {
  const lines = [headers.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A whole XLSX workbook in memory (small lists). */
export async function xlsxBuffer(sheetName: string, headers: string[], rows: Cell[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Sinergi';
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((h, i) => ({ header: h, key: String(i), width: Math.max(12, h.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => v ?? ''));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Writes rows to a file as they come, so a large export never sits in memory whole. */
export interface FileWriter { add(rows: Cell[][]): Promise<void>; finish(): Promise<void>; abort(): Promise<void> }

export function csvFileWriter(file: string, headers: string[]): FileWriter {
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => { if (!out.write(text)) await once(out, 'drain'); };
  let started = false;
  return {
    async add(rows) {
      if (!started) { started = true; await write(`\uFEFF${headers.map(csvCell).join(',')}\r\n`); }
      if (rows.length) await write(rows.map((r) => `${r.map(csvCell).join(',')}\r\n`).join(''));
    },
    async finish() {
      await this.add([]);
      out.end();
      await once(out, 'finish');
    },
    async abort() { out.destroy(); await fs.promises.rm(file, { force: true }); },
  };
}

export function xlsxFileWriter(file: string, sheetName: string, headers: string[]): FileWriter {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  book.creator = 'Sinergi';
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((h, i) => ({ header: h, key: String(i), width: Math.max(12, h.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  return {
    async add(rows) { for (const row of rows) sheet.addRow(row.map((v) => v ?? '')).commit(); },
    async finish() { sheet.commit(); await book.commit(); },
    async abort() { await book.commit().catch(() => undefined); await fs.promises.rm(file, { force: true }); },
  };
}
