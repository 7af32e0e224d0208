import { Badge, Group, Stack, Table, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/time';
import { Withheld } from '../stays/Withheld';
import type { Person } from './api';

// The profile's reports (who reported each stay, through which channel), stay permits with their
// status, and the sightings, alerts and cases naming the person; times in the region's zone.

const PERMIT_COLORS = { valid: 'green', expiring: 'orange', expired: 'red' } as const;
const EVENT_COLORS = { sighting: 'teal', alert: 'red', case: 'grape' } as const;

export function ReportList({ reports }: { reports: NonNullable<Person['reports']> }) {
  const { t } = useTranslation();
  if (reports.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={6}>
      {reports.map((r) => (
        <div key={r.stayId} data-testid="person-report">
          <Text size="sm" fw={600}>{r.reportedAt ?? '—'}</Text>
          <Text size="xs" c="dimmed">
            {t('personProfile.reportedVia', { user: r.user ?? '—', org: r.org.name, channel: t(`personProfile.channel.${r.channel}`) })}
          </Text>
          <Text size="xs" ff="monospace" component="div">
            {r.document === null ? <Withheld size="xs" /> : `${r.document.number} (${r.document.issuingState})`}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

export function PermitList({ permits }: { permits: Person['permits'] }) {
  const { t, i18n } = useTranslation();
  if (permits === null || permits === undefined) return <Withheld />;
  if (permits.length === 0) return <Text size="sm">—</Text>;
  return (
    <Table verticalSpacing={4} data-testid="person-permits">
      <Table.Tbody>
        {permits.map((p) => (
          <Table.Tr key={p.stayId}>
            <Table.Td><Text size="sm">{t(`permitShort.${p.kind}`, { defaultValue: p.kind })}</Text><Text size="xs" c="dimmed" ff="monospace">{p.number ?? ''}</Text></Table.Td>
            <Table.Td><Text size="xs">{formatDate(p.validFrom, i18n.language)} – {formatDate(p.validUntil, i18n.language)}</Text></Table.Td>
            <Table.Td ta="right"><Badge size="sm" variant="light" color={PERMIT_COLORS[p.status]}>{t(`person.permitStatus.${p.status}`)}</Badge></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function EventTimeline({ events, zone }: { events: NonNullable<Person['events']>; zone?: string }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Text size="sm" c="dimmed">{t('personProfile.noEvents')}</Text>;
  return (
    <Stack gap={4}>
      {zone && <Text size="xs" c="dimmed">{t('personProfile.zone', { zone })}</Text>}
      <Timeline bulletSize={14} lineWidth={2} active={-1}>
        {events.map((e) => (
          <Timeline.Item key={`${e.kind}-${e.id}`} color={EVENT_COLORS[e.kind]} data-testid="person-event" data-kind={e.kind}
            title={<Group gap={6}><Badge size="xs" color={EVENT_COLORS[e.kind]} variant="light">{t(`personProfile.kind.${e.kind}`)}</Badge><Text size="sm">{e.number ?? e.title ?? ''}</Text></Group>}>
            <Text size="xs" c="dimmed">{e.at} · {e.regionCode} · {e.status}{e.severity ? ` · ${e.severity}` : ''}</Text>
            {e.kind === 'sighting' && (
              <Text size="xs" component="div">
                {e.category === null ? <Withheld size="xs" /> : t(`personProfile.category.${e.category}`, { defaultValue: e.category })}
                {e.note ? ` · ${e.note}` : ''}
              </Text>
            )}
            {e.kind === 'case' && e.title && <Text size="xs">{e.title}</Text>}
            {e.kind === 'alert' && e.category && <Text size="xs">{e.category}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
