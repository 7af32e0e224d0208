import type { ColumnMapping, ImportField } from '../../../domain/imports/fields';
import type { ImportsTable } from '../../db/schema';
import { headersOf } from './commands';
import { type Lang, translate } from '../../i18n/messages';
import type { RowError } from './check';

// What the web and the CLI see of an import: counts and the file's own headers, never its
// cells beyond the first rows shown at upload (they are the lodging's own guests).

export function presentImport(imp: ImportsTable) {
  const rows = Number(imp.row_count);
  const processed = Number(imp.processed);
  const [skipped, failed] = [Number(imp.skipped), Number(imp.failed)];
  return {
    id: imp.id, lodgingId: imp.lodging_id, fileName: imp.file_name, format: imp.format, createdAt: imp.created_at, finishedAt: imp.finished_at,
    status: imp.status, rows, processed, stored: Number(imp.stored), skipped, failed,
    wouldStore: imp.status === 'checked' ? rows - skipped - failed : null,
    percent: imp.status === 'done' ? 100 : imp.status === 'running' && rows > 0 ? Math.min(99, Math.floor((processed * 100) / rows)) : 0,
    headers: headersOf(imp),
    mapping: imp.mapping ? (JSON.parse(imp.mapping) as ColumnMapping) : null,
  };
}

/** A row error in the caller's language, naming the file's own column. */
export function presentRowError(e: RowError, lang: Lang, headers: string[], mapping: ColumnMapping) {
  const column = e.field === 'row' ? null : headers[mapping[e.field as ImportField] ?? -1] ?? null;
  return { row: e.row, field: e.field, column, message: translate(lang, e.key, e.params) };
}
