import { useState } from 'react';
import { Alert, Button, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/client';

interface Props { present?: boolean; sort: string; q?: string }

/**
 * Exports the list as CSV or XLSX. The server asks for a purpose (kept in the audit log) and
 * leaves out the columns the agency may not see, so the file never shows more than the screen.
 */
export function ExportButton({ present, sort, q }: Props) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    if (purpose.trim().length < 5) return setError(t('export.purposeShort'));
    setBusy(true);
    setError(null);
    try {
      const url = `/api/v1/stays/export${queryString({ format, purpose: purpose.trim(), present, sort, q })}`;
      const res = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': i18n.language?.startsWith('en') ? 'en' : 'id' } });
      if (!res.ok) {
        const problem = (await res.json().catch(() => ({}))) as { title?: string; errors?: { message: string }[] };
        return setError(problem.errors?.[0]?.message ?? problem.title ?? t('errors.generic'));
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `sinergi.${format}`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await res.blob());
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setOpen(false);
      setPurpose('');
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid="export-open">{t('export.button')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('export.title')} centered>
        <Stack>
          <Text size="sm" c="dimmed">{t('export.intro')}</Text>
          <TextInput label={t('export.purpose')} placeholder={t('export.purposePlaceholder')} value={purpose} required
            onChange={(e) => setPurpose(e.currentTarget.value)} maxLength={200} data-testid="export-purpose" />
          <SegmentedControl value={format} onChange={(v) => setFormat(v as 'csv' | 'xlsx')} data={[{ value: 'xlsx', label: 'Excel (XLSX)' }, { value: 'csv', label: 'CSV' }]} />
          {error && <Alert color="red" data-testid="export-error">{error}</Alert>}
          <Button onClick={download} loading={busy} data-testid="export-download">{t('export.download')}</Button>
        </Stack>
      </Modal>
    </>
  );
}
