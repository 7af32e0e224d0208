import { Alert as Notice, Anchor, Badge, Card, Group, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { ForbiddenPage, NotFoundPage } from '../../pages/StatusPage';
import { useZone } from '../auth/useMe';
import { type CaseDetail, type CaseEvent, STATUS_COLOR, useCase } from './api';
import { CaseActions } from './CaseActions';
import { CasePersons } from './CasePersons';

/** One case: where it came from, whom it is about, the next steps the viewer may take, and its timeline. */
export default function CasePage() {
  usePageTitle('cases.detailTitle');
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useCase(id);
  if (query.error instanceof ApiError && query.error.status === 403) return <ForbiddenPage />;
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  const c = query.data;
  return (
    <Stack gap="md" maw={860}>
      {query.isPending && <Skeleton h={300} />}
      {query.isError && <Notice color="red">{(query.error as Error).message}</Notice>}
      {c && (
        <>
          <div>
            <Group gap="xs" wrap="wrap">
              <Title order={2} data-testid="case-title">{c.title}</Title>
              <Badge color={STATUS_COLOR[c.status]} variant="filled" data-testid="case-status">{t(`cases.status.${c.status}`)}</Badge>
            </Group>
            <Text size="sm" c="dimmed">{c.number} · {t(`cases.source.${c.source.kind}`)}{sourceLink(c) && <> · <Anchor component={Link} to={sourceLink(c)!} size="sm">{t('cases.viewSource')}</Anchor></>}</Text>
            {c.summary && <Text size="sm" mt={4}>{c.summary}</Text>}
          </div>
          <Card withBorder padding="sm">
            <Stack gap={4}>
              <Text size="sm"><b>{t('cases.assignedTo')}:</b> {c.assignedAgency?.name ?? t('cases.unassigned')}{c.assignedUser?.name ? ` — ${c.assignedUser.name}` : ''}</Text>
              {c.action && (
                <Text size="sm" data-testid="case-action">
                  <b>{t('cases.actionLabel')}:</b> {t(`cases.action.${c.action.kind}`)}{c.action.measure ? ` (${t(`cases.measure.${c.action.measure}`)})` : ''} — {c.action.note}
                </Text>
              )}
              <CasePersons c={c} />
            </Stack>
          </Card>
          <CaseActions c={c} />
          <CaseTimeline c={c} />
        </>
      )}
    </Stack>
  );
}

function sourceLink(c: CaseDetail): string | null {
  if (c.source.kind === 'alert') return `/alerts?open=${encodeURIComponent(c.source.id)}`;
  if (c.source.kind === 'stay') return `/stays/${encodeURIComponent(c.source.id)}/receipt`;
  return null;
}

function CaseTimeline({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const line = (e: CaseEvent) => {
    const d = e.detail;
    if (e.kind === 'comment') return String(d.text ?? '');
    if (e.kind === 'status' || e.kind === 'closed') return typeof d.note === 'string' ? d.note : '';
    if (e.kind === 'action') return `${t(`cases.action.${String(d.action)}`)}${d.measure ? ` (${t(`cases.measure.${String(d.measure)}`)})` : ''}: ${String(d.note ?? '')}`;
    if (e.kind === 'opened') return String(d.title ?? '');
    return '';
  };
  return (
    <div>
      <Text fw={600} mb="xs">{t('cases.timeline')}</Text>
      <Timeline bulletSize={12} lineWidth={2} data-testid="case-timeline">
        {c.timeline.map((e) => {
          const attachment = e.kind === 'attachment' ? c.attachments.find((a) => a.eventId === e.id) : undefined;
          return (
            <Timeline.Item key={e.id} title={t(`cases.event.${e.kind}`, { defaultValue: e.kind })} data-testid={`case-event-${e.kind}`}>
              <Text size="xs" c="dimmed">{e.actorName} · {formatDateTime(e.at, zone, i18n.language)}</Text>
              {line(e) && <Text size="sm">{line(e)}</Text>}
              {attachment && (
                <Anchor href={`/api/v1/case-attachments/${attachment.id}`} size="sm" data-testid="case-attachment">
                  {attachment.filename} ({Math.ceil(attachment.size / 1024)} KB)
                </Anchor>
              )}
              {attachment && typeof e.detail.note === 'string' && <Text size="sm">{e.detail.note}</Text>}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </div>
  );
}
