import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCountryNames } from '../../api/reference';
import type { ConflictDecision, IdentityConflict } from '../../api/types';
import { formatDate, formatDateTime, type Zone } from '../../lib/time';

/** The label of each field the server compares (src/server/features/stays/identity.ts). */
const FIELD_LABELS: Record<string, string> = {
  surname: 'fields.surname', givenNames: 'fields.givenNames', sex: 'fields.sex', dateOfBirth: 'fields.dateOfBirth',
  nationality: 'fields.nationality', documentExpiry: 'fields.passportExpiry',
};

/** One conflict: the person as recorded beside the report, field by field, and the decision. */
export function ConflictCard({ conflict: c, zone, onDecide }: { conflict: IdentityConflict; zone: Zone; onDecide: (decision: ConflictDecision) => void }) {
  const { t, i18n } = useTranslation();
  const country = useCountryNames();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const label = (field: string) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field);
  const show = (field: string, v: string) => {
    if (!v) return '—';
    if (field === 'sex') return t(`sex.${v}`);
    if (field === 'dateOfBirth' || field === 'documentExpiry') return formatDate(v, lang);
    if (field === 'nationality') return `${country(v)} (${v})`;
    return v;
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="conflict">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color={c.status === 'open' ? 'orange' : 'gray'}>{c.status === 'open' ? t('conflicts.statusOpen') : t('conflicts.statusResolved')}</Badge>
          <Text size="sm" c="dimmed">{t('conflicts.reportedAt', { at: formatDateTime(c.createdAt, zone, lang) })} · {c.regionCode}</Text>
        </Group>
        <Anchor component={Link} to={`/stays/${c.stayId}/receipt`} size="sm">{t('conflicts.openReport')}</Anchor>
      </Group>
      {phone ? (
        <Stack gap="xs">
          {Object.entries(c.fields).map(([field, v]) => (
            <div key={field} data-testid={`conflict-field-${field}`}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label(field)}</Text>
              <SimpleGrid cols={2} spacing={6}>
                <div><Text size="xs" c="dimmed">{t('conflicts.person')}</Text><Text size="sm" style={{ wordBreak: 'break-word' }}>{show(field, v.person)}</Text></div>
                <div style={{ background: 'var(--mantine-color-yellow-light)', borderRadius: 4, padding: '0 4px' }}>
                  <Text size="xs" c="dimmed">{t('conflicts.reported')}</Text><Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>{show(field, v.reported)}</Text>
                </div>
              </SimpleGrid>
            </div>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table withColumnBorders verticalSpacing={6} fz="sm" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="30%">{t('conflicts.field')}</Table.Th>
                <Table.Th>{t('conflicts.person')}</Table.Th>
                <Table.Th>{t('conflicts.reported')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {Object.entries(c.fields).map(([field, v]) => (
                <Table.Tr key={field} data-testid={`conflict-field-${field}`}>
                  <Table.Td><Text size="sm" c="dimmed">{label(field)}</Text></Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{show(field, v.person)}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }} bg="var(--mantine-color-yellow-light)" fw={600}>{show(field, v.reported)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {c.status === 'resolved' && (
        <Text size="sm" mt="xs" data-testid="conflict-resolution">
          <Text span fw={600}>{c.resolution === 'take_reported' ? t('conflicts.resolvedTake') : t('conflicts.resolvedKeep')}</Text>
          {c.reason && <> — “{c.reason}”</>}
          {c.resolvedAt && <Text span c="dimmed"> · {t('conflicts.resolvedAt', { at: formatDateTime(c.resolvedAt, zone, lang) })}</Text>}
        </Text>
      )}
      {c.status === 'open' && c.abilities.resolve && (
        <Group justify="flex-end" mt="sm" gap="sm">
          <Button variant="default" onClick={() => onDecide('keep_person')} data-testid="conflict-keep">{t('conflicts.keepPerson')}</Button>
          <Button variant="light" color="orange" onClick={() => onDecide('take_reported')} data-testid="conflict-take">{t('conflicts.takeReported')}</Button>
        </Group>
      )}
    </Paper>
  );
}
