import { useState } from 'react';
import { Alert, Button, Group, Modal, Progress, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type ExportFormat, startExport, useExportJob } from './api';

export const MIN_PURPOSE = 3;

interface Props {
  /** a source of the server's export registry: stays, persons, figures, ... */
  source: string;
  /** the list's own filter, as the source takes it */
  filter?: Record<string, unknown>;
  label?: string;
}

/**
 * Exports a list or figure as XLSX or CSV: asks why (kept in the audit log), lets the server make
 * the file in the background while a progress bar shows how far it is, then offers the download.
 * The file holds only the columns the user's agency may see.
 */
export function ExportButton({ source, filter = {}, label }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useExportJob(jobId);

  const close = () => { setOpen(false); setJobId(null); setError(null); setPurpose(''); };
  const start = async () => {
    if (purpose.trim().length < MIN_PURPOSE) return setError(t('exports.purposeShort', { min: MIN_PURPOSE }));
    setBusy(true);
    setError(null);
    try {
      const created = await startExport({ source, filter: withoutEmpty(filter), format, purpose: purpose.trim() });
      setJobId(created.id);
    } catch (err) {
      setError(err instanceof ApiError ? (err.fieldErrors[0]?.message ?? err.message) : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };
  const state = job.data;

  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid={`export-${source}`}>{label ?? t('exports.button')}</Button>
      <Modal opened={open} onClose={close} title={t('exports.title')} centered>
        {jobId === null ? (
          <form onSubmit={(e) => { e.preventDefault(); void start(); }}>
            <Stack>
              <Text size="sm" c="dimmed">{t('exports.intro')}</Text>
              <TextInput label={t('exports.purpose')} placeholder={t('exports.purposePlaceholder')} value={purpose} required data-autofocus
                onChange={(e) => { setPurpose(e.currentTarget.value); setError(null); }} maxLength={200} data-testid="export-purpose" />
              <SegmentedControl value={format} onChange={(v) => setFormat(v as ExportFormat)} data-testid="export-format"
                data={[{ value: 'xlsx', label: t('exports.xlsx') }, { value: 'csv', label: t('exports.csv') }]} />
              {error && <Alert color="red" data-testid="export-error">{error}</Alert>}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
                <Button type="submit" loading={busy} data-testid="export-start">{t('exports.start')}</Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Stack data-testid="export-job" data-status={state?.status ?? 'queued'}>
            <Progress value={state?.percent ?? 0} size="lg" striped animated={state?.status !== 'done'} aria-label={t('exports.progress')} data-testid="export-progress" />
            <Text size="sm">
              {state?.status === 'done' ? t('exports.done', { rows: state.rowsDone })
                : state?.status === 'failed' ? t('exports.failed')
                  : t('exports.running', { done: state?.rowsDone ?? 0, total: state?.rowsTotal ?? '…' })}
            </Text>
            {job.isError && <Alert color="red">{(job.error as Error).message}</Alert>}
            {state?.status === 'failed' && <Alert color="red" data-testid="export-failed">{t('exports.failed')}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('exports.close')}</Button>
              {state?.fileUrl && (
                <Button component="a" href={state.fileUrl} download={state.fileName ?? undefined} data-testid="export-download">{t('exports.download')}</Button>
              )}
            </Group>
            {state?.status === 'done' && <Text size="xs" c="dimmed">{t('exports.retention')}</Text>}
          </Stack>
        )}
      </Modal>
    </>
  );
}

/** Drops unset filter values so the server sees only what the list uses. */
function withoutEmpty(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
