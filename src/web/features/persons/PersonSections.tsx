import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryNames } from '../../api/reference';
import { formatDate } from '../../lib/time';
import { FindingBadges, OrWithheld, Withheld } from '../stays/Withheld';
import type { Person } from './api';
import { ReportKindBadge } from '../work-reports/EmploymentCard';

// The sections of a person's profile; every field the server withheld shows as Withheld.

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Title order={4} mb="xs">{title}</Title>
      {children}
    </Paper>
  );
}

export function Row({ label, value, children }: { label: string; value: unknown; children?: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
      <Text size="sm" c="dimmed">{label}</Text>
      <Text size="sm" ta="right" component="div"><OrWithheld value={value}>{children ?? String(value)}</OrWithheld></Text>
    </Group>
  );
}

const PERMIT_COLORS = { valid: 'green', expiring: 'orange', expired: 'red' } as const;

export function PermitBadge({ permit }: { permit: Person['permit'] }) {
  const { t } = useTranslation();
  if (permit === null) return <Withheld />;
  if (permit.status === null) return <Text size="sm">—</Text>;
  return <Badge color={PERMIT_COLORS[permit.status]} variant="light" data-testid="person-permit-status">{t(`person.permitStatus.${permit.status}`)}</Badge>;
}

export function Whereabouts({ where }: { where: Person['whereabouts'] }) {
  const { t, i18n } = useTranslation();
  if (where === null) return <Withheld />;
  const lodging = where.lodging?.name ?? '—';
  const text = where.status === 'present'
    ? t('person.presentAt', { lodging, date: formatDate(where.since, i18n.language) })
    : where.status === 'departed' ? t('person.departedFrom', { lodging, date: formatDate(where.departedOn, i18n.language) }) : t('person.unknown');
  return <Text size="sm" data-testid="person-whereabouts">{text}</Text>;
}

export function Documents({ documents }: { documents: Person['documents'] }) {
  const { t, i18n } = useTranslation();
  const country = useCountryNames();
  if (documents === null) return <Withheld />;
  if (documents.length === 0) return <Text size="sm">—</Text>;
  return (
    <Stack gap={6}>
      {documents.map((d) => (
        <div key={`${d.issuingState}-${d.number}`}>
          <Text size="sm" ff="monospace" fw={600} data-testid="person-document-number">{d.number}</Text>
          <Text size="xs" c="dimmed">{t('person.documentLine', { type: t(`person.documentType.${d.type}`, { defaultValue: d.type }), state: country(d.issuingState), date: formatDate(d.expiryDate, i18n.language) })}</Text>
        </div>
      ))}
    </Stack>
  );
}

export function ReportedIdentities({ items }: { items: Person['reportedIdentities'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={8}>
      {items.map((r, i) => (
        <div key={i} data-testid="person-reported-identity">
          {r.surname === null ? <Withheld /> : <Text size="sm" fw={600}>{[r.surname, r.givenNames].filter(Boolean).join(', ')}</Text>}
          <Text size="xs" c="dimmed" component="div">
            {r.sex ? t(`sex.${r.sex}`) : ''}{' · '}
            <OrWithheld value={r.dateOfBirth} size="xs">{formatDate(r.dateOfBirth, i18n.language)}</OrWithheld>{' · '}
            {t('person.reportedBy')}{' '}
            <OrWithheld value={r.lodgings} size="xs">{r.lodgings?.map((l) => l.name).join(', ')}</OrWithheld>
          </Text>
        </div>
      ))}
    </Stack>
  );
}

export function StayTimeline({ items }: { items: Person['timeline'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline bulletSize={14} lineWidth={2} active={-1}>
      {items.map((s) => (
        <Timeline.Item key={s.stayId} title={<OrWithheld value={s.lodging}>{s.lodging?.name}</OrWithheld>} data-testid="person-timeline-item">
          <Text size="xs" c="dimmed" component="div">
            <OrWithheld value={s.arrivalDate} size="xs">
              {formatDate(s.arrivalDate, i18n.language)} – {s.present ? t('stays.present') : formatDate(s.departureDate, i18n.language)}
            </OrWithheld>
            {' · '}
            <OrWithheld value={s.permitKind} size="xs">{t(`permitShort.${s.permitKind}`)}</OrWithheld>
          </Text>
          {s.employment && <Text size="xs" data-testid="person-employment">{s.employment.position} · {s.employment.worksite.address} ({s.employment.worksite.villageCode})</Text>}
          <FindingBadges findings={s.findings} />
          <ReportKindBadge kind={s.reportKind} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
