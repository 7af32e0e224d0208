import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { fieldInvalid } from '../../errors';

// An XLSX is a zip: 20 MB of it can inflate to gigabytes (a "zip bomb"), and a workbook read on
// the event loop holds every request for as long as it takes (a 1 MB bomb held the server 33 s).
// So the archive's own directory is checked first (what it says its parts inflate to), and the
// workbook is read on a worker thread with a memory ceiling and a time limit: a file that lies
// about its sizes exhausts the worker, not the server, and is answered as unreadable.

/** what all parts of an uploaded workbook may inflate to (a 100,000-row guest list of 13 columns: 51 MB) */
export const MAX_XLSX_INFLATED = 256 * 1024 * 1024;
const WORKER_HEAP_MB = 1024;
const WORKER_TIME_MS = 120_000;
/** where the worker loads ExcelJS from (the worker's eval'd code has no module resolution of ours) */
const EXCELJS = createRequire(import.meta.url).resolve('exceljs');
/** workbooks are read one at a time: each may take a core and a gigabyte for a while */
let reading: Promise<unknown> = Promise.resolve();

/** The sum of the uncompressed sizes the zip's central directory declares; null when it cannot be read. */
export function declaredInflatedSize(zip: Uint8Array): number | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // the end-of-central-directory record is in the last 22 + 65,535 bytes (its comment may be that long)
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { end = i; break; }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (entries === 0xffff || at === 0xffffffff) return Infinity; // zip64: a guest list never needs it
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

// the worker: ExcelJS reads the workbook; the first sheet with rows comes back as text cells
// (dates as yyyy-mm-dd: exceljs gives them as UTC midnight), at most maxRows + 1 rows and maxColumns + 1 columns
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const ExcelJS = require(workerData.module);
const cellText = (value) => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result ?? null);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
};
(async () => {
  const book = new ExcelJS.Workbook();
  try { await book.xlsx.load(Buffer.from(workerData.bytes)); } catch { return parentPort.postMessage({ problem: 'not_xlsx' }); }
  const sheet = book.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return parentPort.postMessage({ records: [], lines: [] });
  if (sheet.rowCount > workerData.maxRows + 1) return parentPort.postMessage({ problem: 'too_many_rows' });
  const records = [];
  const lines = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = [];
    const width = Math.min(row.cellCount, workerData.maxColumns + 1);
    for (let c = 1; c <= width; c++) values.push(cellText(row.getCell(c).value));
    records.push(values);
    lines.push(number);
  });
  parentPort.postMessage({ records, lines });
})();
`;

/** rows and columns to read at most; `heapMb` lowers the worker's memory ceiling (tests) */
export interface ReadLimits { maxRows: number; maxColumns: number; heapMb?: number }

type Answer = { records: string[][]; lines: number[]; problem?: undefined } | { problem: 'not_xlsx' | 'too_many_rows' | 'exhausted' };

/** The workbook's first sheet with rows, as text cells and their row numbers; a 400 naming the file for anything it cannot be. */
export async function readXlsx(bytes: Uint8Array, limits: ReadLimits): Promise<{ records: string[][]; lines: number[] }> {
  const inflated = declaredInflatedSize(bytes);
  if (inflated === null) throw fieldInvalid('file', 'field.file_not_xlsx');
  if (inflated > MAX_XLSX_INFLATED) throw fieldInvalid('file', 'field.file_unpacks_too_large', { limit: MAX_XLSX_INFLATED / 1024 / 1024 });
  const turn = reading.then(() => inWorker(bytes, limits));
  reading = turn.catch(() => undefined);
  const answer = await turn;
  if (answer.problem === 'too_many_rows') throw fieldInvalid('file', 'field.file_too_many_rows', { limit: limits.maxRows });
  if (answer.problem === 'exhausted') throw fieldInvalid('file', 'field.file_unpacks_too_large', { limit: MAX_XLSX_INFLATED / 1024 / 1024 });
  if (answer.problem) throw fieldInvalid('file', 'field.file_not_xlsx');
  return answer;
}

function inWorker(bytes: Uint8Array, { heapMb = WORKER_HEAP_MB, ...limits }: ReadLimits): Promise<Answer> {
  const worker = new Worker(WORKER, {
    eval: true, workerData: { module: EXCELJS, bytes, ...limits },
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  return new Promise<Answer>((resolve) => {
    // out of memory or out of time: the workbook inflates to more than it said, or to more than a guest list
    const exhausted = () => resolve({ problem: 'exhausted' });
    const timer = setTimeout(() => { exhausted(); void worker.terminate(); }, WORKER_TIME_MS);
    worker.once('message', (answer: Answer) => { clearTimeout(timer); resolve(answer); void worker.terminate(); });
    worker.once('error', () => { clearTimeout(timer); exhausted(); });
    worker.once('exit', () => { clearTimeout(timer); exhausted(); }); // after an answer, resolving again changes nothing
  });
}
