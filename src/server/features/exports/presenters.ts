import type { ExportsTable } from '../../db/schema';

// Every field a client receives about an export job.
export function presentExport(row: ExportsTable) {
  const total = row.rows_total === null ? null : Number(row.rows_total);
  const done = Number(row.rows_done);
  const percent = row.status === 'done' ? 100 : total ? Math.min(99, Math.floor((done * 100) / total)) : 0;
  return {
    id: row.id, source: row.source, format: row.format, purpose: row.purpose, status: row.status,
    rowsDone: done, rowsTotal: total, percent, fileName: row.file_name,
    fileUrl: row.status === 'done' && row.file_path ? `/api/v1/exports/${row.id}/file` : null,
    createdAt: row.created_at, finishedAt: row.finished_at,
  };
}
