import { Button, Group, ScrollArea, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ColumnMapping, IMPORT_FIELDS, type ImportField, REQUIRED_FIELDS } from '../../../domain/imports/fields';
import type { Uploaded } from './api';

/** One select per field, proposed from the lodging's last mapping and the usual header names. */
export function MappingStep({ upload, mapping, onChange, onDryRun, busy }: {
  upload: Uploaded; mapping: ColumnMapping; onChange: (m: ColumnMapping) => void; onDryRun: () => void; busy: boolean;
}) {
  const { t } = useTranslation();
  const columns = upload.headers.map((h, i) => ({ value: String(i), label: h || t('imports.columnN', { n: i + 1 }) }));
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  const set = (field: ImportField, value: string | null) => {
    const next = { ...mapping };
    if (value === null) delete next[field];
    else {
      for (const [f, i] of Object.entries(next)) if (i === Number(value)) delete next[f as ImportField]; // a column feeds one field
      next[field] = Number(value);
    }
    onChange(next);
  };
  return (
    <>
      <Text size="sm" c="dimmed">{t('imports.mappingHint', { rows: upload.rows })}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {IMPORT_FIELDS.map((field) => (
          <Select
            key={field} label={t(`imports.fields.${field}`)} withAsterisk={REQUIRED_FIELDS.includes(field)} clearable searchable
            placeholder={t('imports.notInFile')} data={columns} value={mapping[field] === undefined ? null : String(mapping[field])}
            onChange={(v) => set(field, v)} data-testid={`map-${field}`}
          />
        ))}
      </SimpleGrid>
      <ScrollArea>
        <Table withTableBorder fz="xs">
          <Table.Thead><Table.Tr>{upload.headers.map((h, i) => <Table.Th key={i}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
          <Table.Tbody>{upload.sample.map((r, i) => <Table.Tr key={i}>{upload.headers.map((_, j) => <Table.Td key={j}>{r[j] ?? ''}</Table.Td>)}</Table.Tr>)}</Table.Tbody>
        </Table>
      </ScrollArea>
      {missing.length > 0 && <Text c="red" size="sm">{t('imports.missing', { fields: missing.map((f) => t(`imports.fields.${f}`)).join(', ') })}</Text>}
      <Group justify="flex-end">
        <Button onClick={onDryRun} loading={busy} disabled={missing.length > 0} data-testid="import-dry-run">{t('imports.dryRun')}</Button>
      </Group>
    </>
  );
}
