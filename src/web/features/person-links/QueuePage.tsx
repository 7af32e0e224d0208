import { useState } from 'react';
import { Alert, Anchor, Button, Center, Group, Pagination, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useCountryNames } from '../../api/reference';
import { formatDate } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { ForbiddenPage } from '../../pages/StatusPage';
import { Withheld } from '../stays/Withheld';
import { type LinkPerson, useProbableQueue } from './api';
import { type Comparison, CompareModal } from './CompareModal';
import { ScoreAndReasons, nameOf } from './LinkParts';

const PAGE_SIZE = 10;

/** The area's undecided probable links: pairs of persons that may be one, to compare and decide. */
export default function QueuePage() {
  usePageTitle('personLinks.queueTitle');
  const { t, i18n } = useTranslation();
  const country = useCountryNames();
  const [page, setPage] = useState(1);
  const [comparing, setComparing] = useState<Comparison | null>(null);
  const queue = useProbableQueue({ page, pageSize: PAGE_SIZE });
  if (queue.error instanceof ApiError && queue.error.status === 403) return <ForbiddenPage />;
  const pages = queue.data ? Math.max(1, Math.ceil(queue.data.total / (queue.data.pageSize || PAGE_SIZE))) : 1;
  const side = (p: LinkPerson) => (
    <Stack gap={2}>
      <Anchor component={Link} to={`/persons/${p.id}`} fw={600}>{nameOf(p) ?? <Withheld />}</Anchor>
      <Text size="sm" c="dimmed">
        {[p.dateOfBirth && formatDate(p.dateOfBirth, i18n.language), p.nationality && country(p.nationality)].filter(Boolean).join(' · ')}
      </Text>
      <Text size="xs" c="dimmed">
        {(p.documents ?? []).map((d) => d.number).join(', ')}{p.documents?.length ? ' · ' : ''}{t('personLinks.staysCount', { count: p.staysCount })}
      </Text>
    </Stack>
  );

  return (
    <Stack gap="md" maw={960}>
      <div>
        <Title order={2}>{t('personLinks.queueTitle')}</Title>
        <Text c="dimmed" size="sm">{t('personLinks.queueHint')}</Text>
      </div>
      {queue.isError && <Alert color="red">{(queue.error as Error).message}</Alert>}
      {queue.isPending && <Skeleton h={200} />}
      {queue.data && queue.data.items.length === 0 && (
        <Center py="xl" data-testid="queue-empty"><Text fw={600}>{t('personLinks.queueEmpty')}</Text></Center>
      )}
      {queue.data?.items.map((pair) => (
        <Paper key={`${pair.a.id}/${pair.b.id}`} withBorder radius="md" p="md" data-testid="link-pair">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">{side(pair.a)}{side(pair.b)}</SimpleGrid>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <ScoreAndReasons score={pair.score} reasons={pair.reasons} />
              <Button size="xs" variant="light"
                onClick={() => setComparing({ kept: pair.a, other: pair.b, score: pair.score, reasons: pair.reasons, abilities: pair.abilities })}>
                {t('personLinks.compare')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      {queue.data && queue.data.items.length > 0 && (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">{t('common.totalRows', { count: queue.data.total })}</Text>
          {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
        </Group>
      )}
      <CompareModal comparison={comparing} onClose={() => setComparing(null)} />
    </Stack>
  );
}
