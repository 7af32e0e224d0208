import { useState, type ReactNode } from 'react';
import { Alert, Button, Center, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ForbiddenPage } from '../../pages/StatusPage';
import { IconPlus } from '../../shell/icons';

export interface Column<T> { key: string; label: string; render: (row: T) => ReactNode }

/** The common frame of an admin screen: title, "add" button, table with loading/empty/error states. */
export function AdminList<T extends { id: string }>({ title, subtitle, addLabel, onAdd, query, columns, testId }: {
  title: string;
  subtitle: string;
  addLabel: string;
  onAdd: () => void;
  query: { data?: { items: T[] }; isPending: boolean; error: unknown };
  columns: Column<T>[];
  testId: string;
}) {
  const { t } = useTranslation();
  if (query.error instanceof ApiError && query.error.status === 403) return <ForbiddenPage />;
  const items = query.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2}>{title}</Title>
          <Text c="dimmed" size="sm">{subtitle}</Text>
        </div>
        <Button leftSection={<IconPlus size={18} />} onClick={onAdd} data-testid={`${testId}-add`}>{addLabel}</Button>
      </Group>
      <Paper withBorder radius="md" p="md">
        {query.error ? <Alert color="red">{(query.error as Error).message}</Alert> : null}
        {query.isPending ? <Skeleton h={200} /> : items.length === 0 ? (
          <Center py="xl"><Text c="dimmed">{t('admin.empty')}</Text></Center>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover data-testid={testId}>
              <Table.Thead>
                <Table.Tr>{columns.map((c) => <Table.Th key={c.key}>{c.label}</Table.Th>)}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((row) => (
                  <Table.Tr key={row.id}>{columns.map((c) => <Table.Td key={c.key}>{c.render(row)}</Table.Td>)}</Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Text size="xs" c="dimmed">{t('common.totalRows', { count: items.length })}</Text>
    </Stack>
  );
}

/** Maps problem+json field errors of an admin form onto its fields. */
export function fieldErrorsOf(err: unknown): { fields: Record<string, string>; other: string | null } {
  if (!(err instanceof ApiError)) return { fields: {}, other: err ? String((err as Error).message ?? err) : null };
  const fields: Record<string, string> = {};
  for (const e of err.fieldErrors) if (!fields[e.field]) fields[e.field] = e.message;
  return { fields, other: err.fieldErrors.length ? null : err.message };
}

/**
 * Form values plus which fields were edited since the last submit: an error (client or server)
 * disappears from a field as soon as the user changes it.
 */
export function useFormValues<T extends Record<string, unknown>>(initial: T) {
  const [v, setRaw] = useState<T>(initial);
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const setV = (next: T) => {
    const changed = Object.keys(next).filter((k) => next[k] !== v[k]);
    if (changed.length) setEdited((e) => new Set([...e, ...changed]));
    setRaw(next);
  };
  const submitted = () => setEdited(new Set());
  return { v, setV, edited, submitted };
}
