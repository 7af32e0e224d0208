import { useState } from 'react';
import { Alert, Anchor, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useCountryNames } from '../../api/reference';
import { formatDate } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { ForbiddenPage, NotFoundPage } from '../../pages/StatusPage';
import { Withheld } from '../stays/Withheld';
import { usePerson } from './api';
import { Documents, PermitBadge, ReportedIdentities, Row, Section, StayTimeline, Whereabouts } from './PersonSections';
import { PurposeModal } from './PurposeModal';
import { PossiblySameCard } from '../person-links/PossiblySameCard';
import { EventTimeline, PermitList, ReportList } from './ProfileExtras';

/** One person, one profile: each profile opened (also from a link on another) asks for its own purpose. */
export default function PersonPage() {
  const { id = '' } = useParams();
  return <PersonProfile key={id} id={id} />;
}

/** Asks for the purpose first (audited), then shows the picture in the officer's area. */
function PersonProfile({ id }: { id: string }) {
  usePageTitle('person.title');
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const country = useCountryNames();
  const [purpose, setPurpose] = useState<string | null>(null);
  const person = usePerson(id, purpose);

  if (person.error instanceof ApiError && person.error.status === 404) {
    const kept = (person.error.problem.mergedInto as { id?: string } | undefined)?.id;
    return kept ? <MergedNotice keptId={kept} /> : <NotFoundPage />;
  }
  if (person.error instanceof ApiError && person.error.status === 403) return <ForbiddenPage />;
  const p = person.data;
  const name = p && p.identity.surname !== null ? [p.identity.surname, p.identity.givenNames].filter(Boolean).join(', ') : null;

  return (
    <Stack gap="md" maw={960}>
      <PurposeModal opened={purpose === null} onSubmit={setPurpose} onCancel={() => navigate(-1)} />
      <div>
        <Anchor component={Link} to="/stays" size="sm">{t('person.back')}</Anchor>
        <Title order={2} data-testid="person-name">{p ? (name ?? <Withheld size="lg" />) : t('person.title')}</Title>
        {purpose && <Text c="dimmed" size="sm">{t('person.purposeShown', { purpose })}</Text>}
      </div>
      {person.error && <Alert color="red">{person.error.message}</Alert>}
      {purpose !== null && person.isLoading && <Skeleton h={240} radius="md" />}
      {p && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Section title={t('person.identity')} testId="person-identity">
              <Stack gap={4}>
                <Row label={t('fields.surname')} value={p.identity.surname} />
                <Row label={t('fields.givenNames')} value={p.identity.givenNames} />
                <Row label={t('fields.sex')} value={p.identity.sex}>{p.identity.sex && t(`sex.${p.identity.sex}`)}</Row>
                <Row label={t('fields.nationality')} value={p.identity.nationality}>{country(p.identity.nationality ?? '')}</Row>
                <Row label={t('fields.dateOfBirth')} value={p.dateOfBirth}>{formatDate(p.dateOfBirth, i18n.language)}</Row>
              </Stack>
            </Section>
            <Section title={t('person.documents')} testId="person-documents"><Documents documents={p.documents} /></Section>
            <Section title={t('person.whereabouts')}>
              <Stack gap={6}>
                <Whereabouts where={p.whereabouts} />
                <Group gap="xs">
                  <Text size="sm" c="dimmed">{t('person.permit')}</Text>
                  <PermitBadge permit={p.permit} />
                  {p.permit?.validUntil && <Text size="xs" c="dimmed">{t('person.until', { date: formatDate(p.permit.validUntil, i18n.language) })}</Text>}
                </Group>
              </Stack>
            </Section>
            <Section title={t('person.reportedIdentities')}><ReportedIdentities items={p.reportedIdentities} /></Section>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Section title={t('personProfile.reports')} testId="person-reports"><ReportList reports={p.reports ?? []} /></Section>
            <Section title={t('personProfile.permits')}><PermitList permits={p.permits} /></Section>
          </SimpleGrid>
          <Section title={t('person.timeline')} testId="person-timeline"><StayTimeline items={p.timeline} /></Section>
          <PossiblySameCard person={p} />
          <Section title={t('personProfile.events')} testId="person-events"><EventTimeline events={p.events ?? []} zone={p.zone} /></Section>
        </>
      )}
    </Stack>
  );
}

/** An absorbed person's id: where its stays and documents went (the API's 404 names the kept person). */
function MergedNotice({ keptId }: { keptId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={640} data-testid="person-merged">
      <Title order={2}>{t('person.mergedTitle')}</Title>
      <Text>{t('person.mergedBody')}</Text>
      <Anchor component={Link} to={`/persons/${keptId}`} data-testid="person-merged-link">{t('person.mergedOpen')}</Anchor>
    </Stack>
  );
}
