import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useTeams } from './api';

/** "Tim Pora": the teams the user sits in, with the decree that formed each. */
export default function TeamsPage() {
  usePageTitle('teams.title');
  const { t, i18n } = useTranslation();
  const teams = useTeams();
  return (
    <Stack maw={900} mx="auto" gap="md">
      <div>
        <Title order={2}>{t('teams.title')}</Title>
        <Text c="dimmed" size="sm">{t('teams.subtitle')}</Text>
      </div>
      {teams.isLoading && <Skeleton h={120} />}
      {teams.data?.length === 0 && <Text c="dimmed">{t('teams.none')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {teams.data?.map((team) => (
          <Card key={team.id} withBorder padding="md" data-testid="team-card">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Anchor component={Link} to={`/tim/${team.id}`} fw={700} data-testid={`team-${team.regionCode}`}>{team.name}</Anchor>
              {team.myPosition && <Badge variant="light">{t(`teams.position.${team.myPosition}`)}</Badge>}
            </Group>
            <Text size="sm" mt={6}>{t('teams.sk', { number: team.skNumber, date: formatDate(team.skDate, i18n.language) })}</Text>
            <Text size="xs" c="dimmed">{team.skIssuer}</Text>
            <Text size="xs" c="dimmed">{t(`teams.level.${team.level}`)} · {team.regionName} · {t('teams.budgetYear', { year: team.budgetYear })}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
