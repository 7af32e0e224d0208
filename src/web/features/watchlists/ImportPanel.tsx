import { Alert, Badge, Button, FileInput, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useImportState, useImports, useUpload } from './api';

// Uploading a CSV or FollowTheMoney file: the import runs on the server; its progress is polled
// and, when done, the counts and the per-line error report are shown. A re-upload updates.

export function ImportPanel({ listId }: { listId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUpload(listId);
  const recent = useImports(listId, true);
  const [importId, setImportId] = useState<string | null>(null);
  const shownId = importId ?? recent.data?.items[0]?.id ?? null;
  const state = useImportState(shownId);
  const s = state.data;
  useEffect(() => {
    if (s && s.status !== 'running') void qc.invalidateQueries({ queryKey: ['watchlists'] });
  }, [s?.status, qc]);
  const percent = s && s.total > 0 ? Math.round((s.done / s.total) * 100) : s?.status === 'running' ? 0 : 100;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t('watchlists.importHint')}</Text>
      <Group align="flex-end" wrap="wrap">
        <FileInput label={t('watchlists.file')} accept=".csv,.jsonl,.json,.ndjson,text/csv,application/x-ndjson" value={file} onChange={setFile}
          clearable w={320} data-testid="import-file" />
        <Button disabled={!file} loading={upload.isPending} data-testid="import-start"
          onClick={() => file && upload.mutate(file, { onSuccess: (imp) => { setImportId(imp.id); setFile(null); } })}>
          {t('watchlists.importStart')}
        </Button>
      </Group>
      {upload.isError && <Alert color="red">{upload.error.message}</Alert>}
      {s && (
        <Stack gap="xs" data-testid="import-state" data-status={s.status}>
          <Group justify="space-between">
            <Text fw={600}>{s.fileName}</Text>
            <Badge color={s.status === 'done' ? 'green' : s.status === 'failed' ? 'red' : 'blue'} data-testid="import-status">{t(`watchlists.importStatus.${s.status}`)}</Badge>
          </Group>
          <Progress value={percent} animated={s.status === 'running'} size="lg" aria-label={t('watchlists.progress')} data-testid="import-progress" />
          <Text size="sm" data-testid="import-counts">
            {t('watchlists.importDone', { done: s.done, total: s.total })}
            {s.summary && ` · ${t('watchlists.importSummary', { ...s.summary })}`}
          </Text>
          {s.errorCount > 0 && (
            <>
              <Text size="sm" c="red" fw={600} data-testid="import-error-count">{t('watchlists.importErrors', { count: s.errorCount })}</Text>
              <Table.ScrollContainer minWidth={320}>
                <Table data-testid="import-errors" striped>
                  <Table.Thead><Table.Tr><Table.Th w={80}>{t('watchlists.line')}</Table.Th><Table.Th>{t('watchlists.problem')}</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {s.errors.map((e) => (
                      <Table.Tr key={`${e.line}-${e.reason}`}><Table.Td>{e.line}</Table.Td><Table.Td>{e.reason}</Table.Td></Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
