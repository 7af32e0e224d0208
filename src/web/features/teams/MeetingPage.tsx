import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NativeSelect, Paper, Skeleton, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime, todayIn, zoneOf } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { type MeetingDetail, useAction, useMeeting } from './api';
import { TaskCard } from './TaskCard';
import { errorText } from './util';

function Attendance({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const [present, setPresent] = useState<string[]>(m.attendance.flatMap((a) => (a.userId ? [a.userId] : [])));
  const action = useAction([['meeting', m.id]]);
  const save = () => {
    const entries = [
      ...m.members.filter((x) => present.includes(x.userId) && x.agencyId).map((x) => ({ userId: x.userId, agencyId: x.agencyId! })),
      ...m.attendance.filter((a) => !a.userId).map((a) => ({ agencyId: a.agencyId, name: a.name })), // guests without an account stay
    ];
    action.mutate({ method: 'PUT', path: `/api/v1/meetings/${m.id}/attendance`, body: { entries } });
  };
  const byAgency = m.teamAgencies.map((a) => ({ ...a, members: m.members.filter((x) => x.agencyId === a.id) })).filter((a) => a.members.length);
  return (
    <Card withBorder>
      <Title order={4} mb="xs">{t('teams.attendance')}</Title>
      {m.abilities.edit ? (
        <Checkbox.Group value={present} onChange={setPresent}>
          <Stack gap="sm">
            {byAgency.map((a) => (
              <div key={a.id}>
                <Text size="sm" fw={700}>{a.name}</Text>
                <Stack gap={4} pl="sm" mt={4}>
                  {a.members.map((x) => <Checkbox key={x.userId} value={x.userId} label={x.name} data-testid={`attend-${x.userId}`} />)}
                </Stack>
              </div>
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Stack gap={2}>
          {m.attendance.length === 0 && <Text size="sm" c="dimmed">{t('teams.noAttendance')}</Text>}
          {m.attendance.map((a) => <Text key={a.id} size="sm">{a.name} — {a.agencyName}</Text>)}
        </Stack>
      )}
      {m.abilities.edit && <Button mt="sm" size="sm" onClick={save} loading={action.isPending} data-testid="attendance-save">{t('teams.saveAttendance')}</Button>}
      {/* from the stored attendance too: a refetch may remount this card and forget the mutation */}
      {(action.isSuccess || (m.status === 'held' && m.attendance.length > 0)) && <Text size="xs" c="green" data-testid="attendance-saved">{t('teams.saved', { count: m.attendance.length })}</Text>}
      {action.error && <Text c="red" size="sm">{errorText(action.error)}</Text>}
    </Card>
  );
}

function Minutes({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const [text, setText] = useState(m.minutes ?? '');
  useEffect(() => setText(m.minutes ?? ''), [m.minutes]);
  const action = useAction([['meeting', m.id]]);
  return (
    <Card withBorder>
      <Title order={4} mb="xs">{t('teams.minutes')}</Title>
      {m.abilities.edit ? (
        <>
          <Textarea autosize minRows={4} value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="minutes-text" />
          <Button mt="sm" size="sm" onClick={() => action.mutate({ method: 'PUT', path: `/api/v1/meetings/${m.id}/minutes`, body: { minutes: text } })}
            loading={action.isPending} data-testid="minutes-save">{t('teams.saveMinutes')}</Button>
          {action.error && <Text c="red" size="sm">{errorText(action.error)}</Text>}
        </>
      ) : <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.minutes ?? t('teams.noMinutes')}</Text>}
    </Card>
  );
}

function MakeTask({ m, agreementId, onDone }: { m: MeetingDetail; agreementId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [agency, setAgency] = useState(m.teamAgencies[0]?.id ?? '');
  const [user, setUser] = useState('');
  const [due, setDue] = useState('');
  const action = useAction([['meeting', m.id], ['tasks']]);
  const members = m.members.filter((x) => x.agencyId === agency);
  return (
    <Paper withBorder p="sm" mt="xs">
      <Group align="flex-end" wrap="wrap">
        <NativeSelect label={t('teams.ownerAgency')} value={agency} onChange={(e) => { setAgency(e.currentTarget.value); setUser(''); }}
          data={m.teamAgencies.map((a) => ({ value: a.id, label: a.name }))} data-testid="task-agency" />
        <NativeSelect label={t('teams.ownerMember')} value={user} onChange={(e) => setUser(e.currentTarget.value)}
          data={[{ value: '', label: t('teams.wholeAgency') }, ...members.map((x) => ({ value: x.userId, label: x.name }))]} data-testid="task-member" />
        <TextInput type="date" label={t('teams.dueLabel')} value={due} onChange={(e) => setDue(e.currentTarget.value)} data-testid="task-due" />
        <Button disabled={!agency || !due} loading={action.isPending} data-testid="task-save"
          onClick={() => action.mutate({ method: 'POST', path: `/api/v1/meetings/${m.id}/tasks`, body: { agreementId, ownerAgencyId: agency, dueOn: due, ...(user ? { ownerUserId: user } : {}) } }, { onSuccess: onDone })}>
          {t('teams.makeTask')}
        </Button>
      </Group>
      {action.error && <Text c="red" size="sm">{errorText(action.error)}</Text>}
    </Paper>
  );
}

function Agreements({ m }: { m: MeetingDetail }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [tasking, setTasking] = useState<string | null>(null);
  const action = useAction([['meeting', m.id]]);
  return (
    <Card withBorder>
      <Title order={4} mb="xs">{t('teams.agreements')}</Title>
      <Stack gap="xs">
        {m.agreements.length === 0 && <Text size="sm" c="dimmed">{t('teams.noAgreements')}</Text>}
        {m.agreements.map((a) => (
          <div key={a.id} data-testid="agreement">
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">{a.seq}. {a.text}</Text>
              {a.taskId ? <Badge variant="light">{t('teams.hasTask')}</Badge>
                : m.abilities.edit && tasking !== a.id && <Button size="xs" variant="light" onClick={() => setTasking(a.id)} data-testid="agreement-to-task">{t('teams.toTask')}</Button>}
            </Group>
            {tasking === a.id && <MakeTask m={m} agreementId={a.id} onDone={() => setTasking(null)} />}
          </div>
        ))}
      </Stack>
      {m.abilities.edit && (
        <Group mt="sm" align="flex-end" wrap="wrap">
          <TextInput label={t('teams.newAgreement')} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} data-testid="agreement-text" />
          <Button disabled={text.trim().length < 3} loading={action.isPending} data-testid="agreement-save"
            onClick={() => action.mutate({ method: 'POST', path: `/api/v1/meetings/${m.id}/agreements`, body: { text } }, { onSuccess: () => setText('') })}>
            {t('teams.addAgreement')}
          </Button>
        </Group>
      )}
      {action.error && <Text c="red" size="sm">{errorText(action.error)}</Text>}
    </Card>
  );
}

/** A meeting (rapat): when and where, attendance, minutes, agreements and their tasks, the minutes PDF. */
export default function MeetingPage() {
  usePageTitle('teams.meeting');
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const meeting = useMeeting(id);
  if (meeting.isLoading) return <Skeleton h={200} />;
  if (!meeting.data) return <Alert color="red">{errorText(meeting.error)}</Alert>;
  const m = meeting.data;
  const zone = zoneOf(m.timeZone);
  return (
    <Stack maw={960} mx="auto" gap="md">
      <div>
        <Anchor component={Link} to={`/tim/${m.team.id}`} size="sm">{m.team.name}</Anchor>
        <Title order={2} data-testid="meeting-title">{m.agenda}</Title>
        <Text size="sm">{formatDateTime(m.startsAt, zone, i18n.language)} · {m.place}</Text>
        <Text size="xs" c="dimmed">{t('teams.invitedList', { list: m.invitedAgencies.map((a) => a.name).join('; ') || '—' })}</Text>
        <Group mt="xs">
          <Badge color={m.status === 'held' ? 'green' : 'gray'} variant="light">{t(`teams.status.${m.status}`)}</Badge>
          <Button component="a" size="xs" variant="light" href={`/api/v1/meetings/${m.id}/minutes.pdf`} download data-testid="minutes-pdf">{t('teams.minutesPdf')}</Button>
        </Group>
      </div>
      <Attendance key={`a-${m.attendance.length}`} m={m} />
      <Minutes m={m} />
      <Agreements m={m} />
      <Card withBorder>
        <Title order={4} mb="xs">{t('teams.tasks')}</Title>
        <Stack gap="xs">
          {m.taskList.length === 0 && <Text size="sm" c="dimmed">{t('teams.noTasks')}</Text>}
          {m.taskList.map((task) => <TaskCard key={task.id} task={task} today={todayIn(zone)} />)}
        </Stack>
      </Card>
    </Stack>
  );
}
