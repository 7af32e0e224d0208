import { useState } from 'react';
import { Group, Pagination, ScrollArea, Skeleton, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useImportErrors } from './api';

/** The row errors of the last dry run or import, 20 to a page, in the user's language. */
export function ErrorsTable({ id, version }: { id: string; version: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const errors = useImportErrors(id, page, version);
  if (!errors.data) return <Skeleton h={120} />;
  if (errors.data.total === 0) return <Text c="teal" data-testid="import-no-errors">{t('imports.noErrors')}</Text>;
  const pages = Math.max(1, Math.ceil(errors.data.total / 20));
  return (
    <>
      <ScrollArea>
        <Table striped withTableBorder data-testid="import-errors">
          <Table.Thead>
            <Table.Tr><Table.Th>{t('imports.row')}</Table.Th><Table.Th>{t('imports.column')}</Table.Th><Table.Th>{t('imports.reason')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.data.items.map((e, i) => (
              <Table.Tr key={`${e.row}-${e.field}-${i}`} data-testid="import-error-row">
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.column ?? (e.field === 'row' ? '—' : t(`imports.fields.${e.field}`))}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('imports.errorCount', { count: errors.data.total })}</Text>
        {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
      </Group>
    </>
  );
}
