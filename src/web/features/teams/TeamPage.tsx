import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Paper, Select, Skeleton, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDate, formatDateTime, todayIn, zoneOf } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { type Membership, type Position, type TeamDetail, useAction, useCandidates, useMeetings, useTeam } from './api';
import { errorText, zoneOffset } from './util';

const POSITIONS: Position[] = ['pengarah', 'ketua', 'sekretaris', 'anggota'];

function MemberRow({ m, team }: { m: Membership; team: TeamDetail }) {
  const { t, i18n } = useTranslation();
  const action = useAction([['team', team.id], ['teams']]);
  const patch = (body: object) => action.mutate({ method: 'PATCH', path: `/api/v1/team-memberships/${m.id}`, body });
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" data-testid="team-member" opacity={m.active ? 1 : 0.55}>
      <div>
        <Text size="sm" fw={600}>{m.displayName}</Text>
        <Text size="xs" c="dimmed">
          {t('teams.joined', { date: formatDate(m.joinedOn, i18n.language) })}
          {m.leftOn ? ` · ${t('teams.left', { date: formatDate(m.leftOn, i18n.language) })}` : ''}
        </Text>
      </div>
      {team.abilities.manage && m.active ? (
        <Group gap="xs">
          <Select size="xs" w={130} value={m.position} allowDeselect={false} aria-label={t('teams.positionLabel')}
            data={POSITIONS.map((p) => ({ value: p, label: t(`teams.position.${p}`) }))} onChange={(v) => v && patch({ position: v })} />
          <Button size="xs" variant="subtle" color="red" onClick={() => patch({ leftOn: todayIn(zoneOf(team.timeZone)) })}>{t('teams.endMembership')}</Button>
        </Group>
      ) : <Badge variant="light">{t(`teams.position.${m.position}`)}</Badge>}
      {action.error && <Text c="red" size="xs">{errorText(action.error)}</Text>}
    </Group>
  );
}

function AddMember({ team }: { team: TeamDetail }) {
  const { t } = useTranslation();
  const candidates = useCandidates(team.id, true);
  const [userId, setUserId] = useState<string | null>(null);
  const [position, setPosition] = useState<string>('anggota');
  const action = useAction([['team', team.id]]);
  return (
    <Group align="flex-end" wrap="wrap">
      <Select label={t('teams.addMember')} searchable w={280} value={userId} onChange={setUserId}
        data={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName} — ${c.agencyName ?? ''}` }))} />
      <Select label={t('teams.positionLabel')} w={140} value={position} allowDeselect={false} onChange={(v) => v && setPosition(v)}
        data={POSITIONS.map((p) => ({ value: p, label: t(`teams.position.${p}`) }))} />
      <Button disabled={!userId} loading={action.isPending}
        onClick={() => action.mutate({ method: 'POST', path: `/api/v1/teams/${team.id}/members`, body: { userId, position } }, { onSuccess: () => setUserId(null) })}>
        {t('teams.add')}
      </Button>
      {action.error && <Text c="red" size="sm">{errorText(action.error)}</Text>}
    </Group>
  );
}

function NewMeeting({ team, onDone }: { team: TeamDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [agenda, setAgenda] = useState('');
  const [when, setWhen] = useState('');
  const [place, setPlace] = useState('');
  const [invited, setInvited] = useState<string[]>([]);
  const action = useAction([['meetings', team.id]]);
  const submit = () => action.mutate(
    { method: 'POST', path: `/api/v1/teams/${team.id}/meetings`, body: { agenda, place, startsAt: `${when}:00${zoneOffset(team.timeZone)}`, invitedAgencyIds: invited } },
    { onSuccess: onDone },
  );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Textarea label={t('teams.agenda')} required value={agenda} onChange={(e) => setAgenda(e.currentTarget.value)} data-testid="meeting-agenda" autosize minRows={2} />
        <Group grow wrap="wrap">
          <TextInput type="datetime-local" label={t('teams.when', { zone: team.timeZone })} required value={when} onChange={(e) => setWhen(e.currentTarget.value)} data-testid="meeting-when" />
          <TextInput label={t('teams.place')} required value={place} onChange={(e) => setPlace(e.currentTarget.value)} data-testid="meeting-place" />
        </Group>
        <Checkbox.Group label={t('teams.invited')} value={invited} onChange={setInvited}>
          <Stack gap={4} mt={4}>
            {team.agencies.map((a) => <Checkbox key={a.id} value={a.id} label={a.name} data-testid="meeting-invite" />)}
          </Stack>
        </Checkbox.Group>
        {action.error && <Alert color="red">{errorText(action.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button onClick={submit} loading={action.isPending} disabled={!agenda || !when || !place} data-testid="meeting-save">{t('teams.saveMeeting')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** One team: its decree, its members by agency, its meetings; membership managed by those who run it. */
export default function TeamPage() {
  usePageTitle('teams.title');
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const team = useTeam(id);
  const meetings = useMeetings(id, !!team.data?.abilities.meetings);
  const [creating, setCreating] = useState(false);
  if (team.isLoading) return <Skeleton h={200} />;
  if (!team.data) return <Alert color="red">{errorText(team.error)}</Alert>;
  const d = team.data;
  const zone = zoneOf(d.timeZone);
  return (
    <Stack maw={960} mx="auto" gap="md">
      <div>
        <Title order={2}>{d.name}</Title>
        <Text size="sm">{t('teams.sk', { number: d.skNumber, date: formatDate(d.skDate, i18n.language) })} — {d.skIssuer}</Text>
        <Text size="sm" c="dimmed">{t(`teams.level.${d.level}`)} · {d.regionName} ({d.regionCode}) · {t('teams.budgetYear', { year: d.budgetYear })}</Text>
        {d.abilities.report && <Anchor component={Link} to={`/tim/${d.id}/laporan`} size="sm" data-testid="team-report-link">{t('teams.reportLink')}</Anchor>}
      </div>

      {d.abilities.meetings && (
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t('teams.meetings')}</Title>
            {d.abilities.scheduleMeeting && !creating && <Button size="sm" onClick={() => setCreating(true)} data-testid="meeting-new">{t('teams.newMeeting')}</Button>}
          </Group>
          {creating && <NewMeeting team={d} onDone={() => setCreating(false)} />}
          <Stack gap="xs" mt="sm">
            {meetings.data?.length === 0 && <Text c="dimmed" size="sm">{t('teams.noMeetings')}</Text>}
            {meetings.data?.map((m) => (
              <Paper key={m.id} withBorder p="sm" data-testid="meeting-row">
                <Group justify="space-between" wrap="wrap">
                  <Anchor component={Link} to={`/rapat/${m.id}`} fw={600}>{m.agenda}</Anchor>
                  <Badge color={m.status === 'held' ? 'green' : 'gray'} variant="light">{t(`teams.status.${m.status}`)}</Badge>
                </Group>
                <Text size="xs" c="dimmed">{formatDateTime(m.startsAt, zone, i18n.language)} · {m.place} · {t('teams.tasksDone', { done: m.tasksDone, total: m.tasks })}</Text>
              </Paper>
            ))}
          </Stack>
        </Card>
      )}

      <Card withBorder>
        <Title order={4} mb="sm">{t('teams.members')}</Title>
        {d.abilities.manage && <AddMember team={d} />}
        <Stack gap="md" mt="md">
          {d.agencies.map((a) => (
            <div key={a.id} data-testid="team-agency">
              <Text fw={700} size="sm">{a.name}</Text>
              <Stack gap={6} mt={4} pl="sm">
                {a.members.length === 0 && <Text size="xs" c="dimmed">{t('teams.noMembers')}</Text>}
                {a.members.map((m) => <MemberRow key={m.id} m={m} team={d} />)}
              </Stack>
            </div>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
