import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/time';
import { type Task, useAction } from './api';
import { errorText } from './util';

/** A follow-up task: owner, due date, status; its owner marks it done with a note. */
export function TaskCard({ task, today, showTeam = false }: { task: Task; today: string; showTeam?: boolean }) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [closing, setClosing] = useState(false);
  const action = useAction([['tasks'], ['meeting'], ['meetings']]);
  const overdue = task.status === 'open' && task.dueOn < today;
  return (
    <Paper withBorder p="sm" data-testid="task-card">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <div style={{ flex: 1, minWidth: 200 }}>
          <Text fw={600} size="sm">{task.title}</Text>
          <Text size="xs" c="dimmed">
            {task.ownerAgencyName}{task.ownerUserName ? ` · ${task.ownerUserName}` : ''}{showTeam && task.teamName ? ` · ${task.teamName}` : ''}
          </Text>
          {showTeam && task.meetingAgenda && <Text size="xs" c="dimmed">{t('teams.fromMeeting', { agenda: task.meetingAgenda })}</Text>}
        </div>
        <Stack gap={2} align="flex-end">
          <Badge color={task.status === 'done' ? 'green' : overdue ? 'red' : 'yellow'} variant="light" data-testid="task-status">
            {task.status === 'done' ? t('teams.taskDone') : overdue ? t('teams.overdue') : t('teams.taskOpen')}
          </Badge>
          <Text size="xs">{t('teams.due', { date: formatDate(task.dueOn, i18n.language) })}</Text>
        </Stack>
      </Group>
      {task.doneNote && <Text size="xs" mt={4}>{t('teams.doneNote', { note: task.doneNote })}</Text>}
      {task.abilities.complete && !closing && <Button size="xs" mt="xs" variant="light" onClick={() => setClosing(true)} data-testid="task-complete">{t('teams.markDone')}</Button>}
      {closing && (
        <Group mt="xs" align="flex-end" wrap="wrap">
          <TextInput size="xs" label={t('teams.doneNoteLabel')} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1, minWidth: 180 }} data-testid="task-note" />
          <Button size="xs" loading={action.isPending} disabled={note.trim().length < 3}
            onClick={() => action.mutate({ method: 'POST', path: `/api/v1/tasks/${task.id}/done`, body: { note } }, { onSuccess: () => setClosing(false) })}
            data-testid="task-done-save">{t('teams.markDone')}</Button>
        </Group>
      )}
      {action.error && <Text c="red" size="xs">{errorText(action.error)}</Text>}
    </Paper>
  );
}
