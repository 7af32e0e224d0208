import { fieldInvalid } from '../../errors';
import { parseCsvTable } from './csv';
import { readXlsx } from './xlsx';

// An uploaded guest file read into a table of text cells: the header row, the data rows,
// and each data row's number as a spreadsheet shows it (the header is row 1). Anything
// that cannot be read is a 400 naming the file, never a 500.

export type FileFormat = 'csv' | 'xlsx';
export interface GuestTable { headers: string[]; rows: string[][]; rowNumbers: number[] }

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 60;
const MAX_CELL = 500;

export const CONTENT_TYPES: Record<string, FileFormat> = {
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function readGuestFile(bytes: Uint8Array, format: FileFormat): Promise<GuestTable> {
  if (bytes.length === 0) throw fieldInvalid('file', 'field.file_empty');
  if (bytes.length > MAX_FILE_BYTES) throw fieldInvalid('file', 'field.file_too_large', { limit: MAX_FILE_BYTES / 1024 / 1024 });
  if (format === 'xlsx' && !isZip(bytes)) throw fieldInvalid('file', 'field.file_not_xlsx');
  const cells = format === 'xlsx' ? await readXlsx(bytes, { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS }) : readCsv(bytes);
  return toTable(cells.records, cells.lines);
}

function readCsv(bytes: Uint8Array): { records: string[][]; lines: number[] } {
  if (isZip(bytes)) throw fieldInvalid('file', 'field.file_not_csv');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes); // older Excel "CSV" on Windows
  }
  if (text.includes('\u0000')) throw fieldInvalid('file', 'field.file_not_csv');
  const parsed = parseCsvTable(text);
  if (parsed.problem) throw fieldInvalid('file', 'field.file_unreadable', { reason: parsed.problem });
  return parsed;
}

function toTable(records: string[][], lines: number[]): GuestTable {
  if (records.length === 0) throw fieldInvalid('file', 'field.file_empty');
  const headers = records[0]!.map((h) => h.trim());
  if (headers.length > MAX_COLUMNS) throw fieldInvalid('file', 'field.file_too_many_columns', { limit: MAX_COLUMNS });
  if (headers.every((h) => h === '')) throw fieldInvalid('file', 'field.file_no_header');
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let r = 1; r < records.length; r++) {
    const cells = records[r]!;
    if (cells.every((c) => c.trim() === '')) continue;
    if (rows.length >= MAX_ROWS) throw fieldInvalid('file', 'field.file_too_many_rows', { limit: MAX_ROWS });
    rows.push(cells.slice(0, headers.length).map((c) => (c.length > MAX_CELL ? c.slice(0, MAX_CELL) : c)));
    rowNumbers.push(lines[r]!);
  }
  if (rows.length === 0) throw fieldInvalid('file', 'field.file_empty');
  return { headers, rows, rowNumbers };
}
