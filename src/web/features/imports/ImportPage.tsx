import { useMemo, useState } from 'react';
import { Alert, Button, FileInput, Group, Pagination, Paper, Progress, Select, SimpleGrid, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Lodging } from '../../api/types';
import type { ColumnMapping } from '../../../domain/imports/fields';
import { usePageTitle } from '../../lib/usePageTitle';
import { useCurrentUser } from '../auth/useMe';
import { type ImportState, type Uploaded, useDryRun, useImportReceipts, useImportState, useRunImport, useUpload } from './api';
import { ErrorsTable } from './ErrorsTable';
import { MappingStep } from './MappingStep';
import { displayLocale } from '../../lib/time';

// "Impor data tamu": upload → mapping (remembered) → dry run with the row errors → import with a progress bar → receipts.

function Counts({ state }: { state: ImportState }) {
  const { t, i18n } = useTranslation();
  // 20.000 in Indonesian, 20,000 in English: a 100,000-row file is read at a glance
  const locale = displayLocale(i18n.language);
  const items: [string, number | null][] = [
    ['rows', state.rows], [state.status === 'checked' ? 'wouldStore' : 'stored', state.status === 'checked' ? state.wouldStore : state.stored],
    ['skipped', state.skipped], ['failed', state.failed],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }}>
      {items.map(([key, n]) => (
        <Paper key={key} withBorder p="sm" data-testid={`import-count-${key}`}>
          <Text size="xs" c="dimmed">{t(`imports.count.${key}`)}</Text>
          <Text fw={700} size="xl">{(n ?? 0).toLocaleString(locale)}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function Receipts({ id }: { id: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const receipts = useImportReceipts(id, page, true);
  if (!receipts.data || receipts.data.total === 0) return null;
  const pages = Math.ceil(receipts.data.total / 20);
  return (
    <Stack gap="xs">
      <Title order={4}>{t('imports.receipts')}</Title>
      <Table striped withTableBorder data-testid="import-receipts">
        <Table.Thead><Table.Tr><Table.Th>{t('imports.row')}</Table.Th><Table.Th>{t('imports.receiptNumber')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {receipts.data.items.map((r) => (
            <Table.Tr key={r.stayId}><Table.Td>{r.row}</Table.Td><Table.Td><Link to={`/stays/${r.stayId}/receipt`}>{r.receiptNumber}</Link></Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
    </Stack>
  );
}

export function ImportPage() {
  usePageTitle('imports.title');
  const { t, i18n } = useTranslation();
  // the summary's counts spelled like the cards' (2.000 in Indonesian, 2,000 in English)
  const count = (n: number) => n.toLocaleString(displayLocale(i18n.language));
  const me = useCurrentUser();
  const needsLodging = me.role !== 'reporter';
  const lodgings = useQuery({
    queryKey: ['lodgings'], enabled: needsLodging, staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api<{ items: Lodging[] }>('/api/v1/lodgings', { signal }),
  });
  const lodgingOptions = useMemo(() => (lodgings.data?.items ?? []).filter((l) => l.verified && l.kind === 'lodging')
    .map((l) => ({ value: l.id, label: `${l.name} (${l.villageName})` })), [lodgings.data]);
  const [lodgingId, setLodgingId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [checked, setChecked] = useState<ImportState | null>(null);
  const [running, setRunning] = useState(false);
  const upload = useUpload();
  const dryRun = useDryRun();
  const run = useRunImport();
  const state = useImportState(running ? uploaded?.id : undefined, running);
  const step = running ? 3 : checked ? 2 : uploaded ? 1 : 0;
  const error = upload.error ?? dryRun.error ?? run.error;

  const start = () => file && upload.mutate({ file, lodgingId }, {
    onSuccess: (u) => { setUploaded(u); setMapping(u.suggested); setChecked(null); },
  });
  const check = () => uploaded && dryRun.mutate({ id: uploaded.id, mapping }, { onSuccess: setChecked });
  const go = () => uploaded && run.mutate({ id: uploaded.id, mapping }, { onSuccess: () => setRunning(true) });
  const restart = () => { setUploaded(null); setChecked(null); setRunning(false); setFile(null); upload.reset(); dryRun.reset(); run.reset(); };
  const live = state.data;

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('imports.title')}</Title>
      <Text c="dimmed" size="sm">{t('imports.intro')}</Text>
      {error && <Alert color="red" data-testid="import-error">{error.message}</Alert>}
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('imports.step.upload')}>
          <Stack>
            {needsLodging && (
              <Select label={t('imports.lodging')} data={lodgingOptions} value={lodgingId} onChange={setLodgingId} searchable withAsterisk data-testid="import-lodging" />
            )}
            <FileInput
              label={t('imports.file')} description={t('imports.fileHint')} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file} onChange={setFile} clearable data-testid="import-file"
            />
            <Group justify="flex-end">
              <Button onClick={start} loading={upload.isPending} disabled={!file || (needsLodging && !lodgingId)} data-testid="import-upload">{t('imports.upload')}</Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('imports.step.mapping')}>
          <Stack>{uploaded && <MappingStep upload={uploaded} mapping={mapping} onChange={setMapping} onDryRun={check} busy={dryRun.isPending} />}</Stack>
        </Stepper.Step>
        <Stepper.Step label={t('imports.step.check')}>
          {checked && uploaded && (
            <Stack>
              <Counts state={checked} />
              <ErrorsTable id={uploaded.id} version={`${checked.failed}-${JSON.stringify(mapping)}`} />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setChecked(null)}>{t('imports.backToMapping')}</Button>
                <Button onClick={go} loading={run.isPending} disabled={!checked.wouldStore} data-testid="import-run">
                  {t('imports.run', { count: checked.wouldStore ?? 0 })}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Completed>
          <Stack>
            <Progress.Root size="xl" aria-label={t('imports.progress')}>
              <Progress.Section value={live?.percent ?? 0} data-testid="import-progress" data-value={live?.percent ?? 0} animated={live?.status === 'running'}>
                <Progress.Label>{live?.percent ?? 0}%</Progress.Label>
              </Progress.Section>
            </Progress.Root>
            {live?.status === 'failed' && <Alert color="red">{t('imports.failedRun')}</Alert>}
            {live?.status === 'done' && uploaded && (
              <Stack data-testid="import-summary">
                <Alert color="teal">{t('imports.done', { stored: count(live.stored), skipped: count(live.skipped), failed: count(live.failed) })}</Alert>
                <Counts state={live} />
                {live.failed > 0 && <ErrorsTable id={uploaded.id} version="done" />}
                <Receipts id={uploaded.id} />
                <Group><Button variant="default" onClick={restart} data-testid="import-again">{t('imports.another')}</Button></Group>
              </Stack>
            )}
          </Stack>
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}

export default ImportPage;
