import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LANGUAGE_NAMES, isPreregLanguage } from '../../../domain/preregistration/languages';
import { formatDate, formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useZone } from '../auth/useMe';
import { useDrafts } from './api';
import { LinkCard } from './LinkCard';

/** The clerk's list of guests who pre-registered from the lodging's link, newest first. */
export default function DraftsPage() {
  usePageTitle('prereg.title');
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const drafts = useDrafts();
  return (
    <Stack maw={900} mx="auto" gap="md">
      <div>
        <Title order={2}>{t('prereg.title')}</Title>
        <Text c="dimmed" size="sm">{t('prereg.subtitle')}</Text>
      </div>
      <LinkCard />
      <Title order={4}>{t('prereg.waiting')}</Title>
      {drafts.isPending && <Loader />}
      {drafts.isError && <Alert color="red">{(drafts.error as Error).message}</Alert>}
      {drafts.data && drafts.data.items.length === 0 && <Text c="dimmed" data-testid="prereg-empty">{t('prereg.empty')}</Text>}
      {drafts.data?.items.map((d) => (
        <Card key={d.id} withBorder radius="md" padding="md" data-testid="prereg-row">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <div>
              <Text fw={700}>{d.guest.surname}{d.guest.givenNames ? `, ${d.guest.givenNames}` : ''}</Text>
              <Text size="sm" c="dimmed">
                {d.guest.nationality} · {t('prereg.arrival', { date: formatDate(d.arrivalDate, i18n.language) })} · {t('prereg.received', { at: formatDateTime(d.createdAt, zone, i18n.language) })}
              </Text>
            </div>
            <Group gap="xs">
              <Badge variant="light">{isPreregLanguage(d.language) ? LANGUAGE_NAMES[d.language] : d.language}</Badge>
              <Badge variant="outline" ff="monospace">{d.reference}</Badge>
              <Button component={Link} to={`/preregistrations/${d.id}`} data-testid="prereg-open">{t('prereg.open')}</Button>
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
