import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useZone } from '../auth/useMe';
import { useMyTasks } from './api';
import { TaskCard } from './TaskCard';

/** "Tugas saya": follow-up tasks for me or my agency in my teams, due soonest first. */
export default function MyTasksPage() {
  usePageTitle('teams.myTasks');
  const { t } = useTranslation();
  const tasks = useMyTasks();
  const today = todayIn(useZone());
  return (
    <Stack maw={760} mx="auto" gap="md">
      <div>
        <Title order={2}>{t('teams.myTasks')}</Title>
        <Text c="dimmed" size="sm">{t('teams.myTasksSubtitle')}</Text>
      </div>
      {tasks.isLoading && <Skeleton h={120} />}
      {tasks.data?.length === 0 && <Text c="dimmed">{t('teams.noTasks')}</Text>}
      {tasks.data?.map((task) => <TaskCard key={task.id} task={task} today={today} showTeam />)}
    </Stack>
  );
}
