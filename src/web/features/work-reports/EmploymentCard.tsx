import { Anchor, Badge, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Employment, Stay } from '../../api/types';
import { formatDate } from '../../lib/time';

/** A stay's report kind as a badge: nothing for a lodging guest (the usual case). */
export function ReportKindBadge({ kind }: { kind: Stay['reportKind'] }) {
  const { t } = useTranslation();
  if (!kind || kind === 'lodging') return null;
  return <Badge size="xs" variant="light" color={kind === 'work' ? 'grape' : 'teal'} data-testid={`report-kind-${kind}`}>{t(`workReports.kind.${kind}`)}</Badge>;
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text>{children}</Text>
    </div>
  );
}

/** Employer, position, worksite and work permit of a worker: only sent to who sees `employment`. */
export function EmploymentDetails({ employment }: { employment: Employment }) {
  const { t, i18n } = useTranslation();
  const { lat, lng } = employment.worksite;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" data-testid="employment">
      <Item label={t('workReports.employer')}>{employment.employer.name}</Item>
      <Item label={t('workReports.position')}>{employment.position}</Item>
      <Item label={t('workReports.worksiteAddress')}>
        {employment.worksite.address} ({employment.worksite.villageCode}){' '}
        <Anchor href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=16/${lat}/${lng}`} target="_blank" rel="noopener" size="sm">
          {lat.toFixed(5)}, {lng.toFixed(5)}
        </Anchor>
      </Item>
      <Item label={t('workReports.workPermitRef')}>{employment.workPermitRef}</Item>
      <Item label={t('workReports.period')}>{formatDate(employment.period.from, i18n.language)} – {formatDate(employment.period.until, i18n.language)}</Item>
    </SimpleGrid>
  );
}

/** Beside a stay's receipt: the employment, when there is one the caller may see. */
export function EmploymentCard({ stay }: { stay: Stay }) {
  const { t } = useTranslation();
  if (!stay.employment) return null;
  return (
    <Paper withBorder p="xl" radius="md" className="no-print">
      <Title order={4} mb="sm">{t('workReports.sectionWork')}</Title>
      <EmploymentDetails employment={stay.employment} />
    </Paper>
  );
}
