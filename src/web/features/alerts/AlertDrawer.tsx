import { useState } from 'react';
import { Alert as Notice, Anchor, Badge, Button, Drawer, Group, Select, Skeleton, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { formatDateTime, type Zone } from '../../lib/time';
import { type AlertOutcome, useAlert, useAlertAgencies, useAlertStep } from './api';
import { explainAlert, SEVERITY_COLOR, STATUS_COLOR } from './explain';

/** One alert: why, whom, its history, and the next steps the viewer may take. */
export function AlertDrawer({ id, zone, onClose }: { id: string | null; zone: Zone; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const alert = useAlert(id);
  const step = useAlertStep(id ?? '');
  const a = alert.data;
  const agencies = useAlertAgencies(Boolean(a?.abilities.assign));
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<AlertOutcome | null>(null);
  const [text, setText] = useState('');
  const fieldError = (field: string) => (step.error instanceof ApiError ? step.error.fieldErrors.find((e) => e.field === field)?.message : undefined);
  const run = (input: Parameters<typeof step.mutate>[0]) => step.mutate(input, { onSuccess: () => { setText(''); setOutcome(null); } });
  const outcomes = (['confirmed', 'false_positive', 'no_action'] as const)
    .filter((o) => (o === 'confirmed' ? a?.abilities.confirm : a?.abilities.resolve))
    .map((o) => ({ value: o, label: t(`alerts.outcome.${o}`) }));

  return (
    <Drawer opened={id !== null} onClose={onClose} position={phone ? 'bottom' : 'right'} size={phone ? '90%' : 'lg'} title={t('alerts.detailTitle')}>
      {alert.isPending && <Skeleton h={240} />}
      {alert.isError && <Notice color="red">{(alert.error as Error).message}</Notice>}
      {a && (
        <Stack gap="md" data-testid="alert-detail">
          <Group gap="xs" wrap="wrap">
            <Badge color={SEVERITY_COLOR[a.severity]} variant="filled">{t(`alerts.severity.${a.severity}`)}</Badge>
            <Badge color={STATUS_COLOR[a.status]} variant="light" data-testid="alert-status">{t(`alerts.status.${a.status}`)}</Badge>
            {a.resolution && <Badge variant="outline">{t(`alerts.outcome.${a.resolution}`)}</Badge>}
          </Group>
          <div>
            <Text fw={700}>{t(`alerts.rules.${a.rule}`, { defaultValue: a.rule })}</Text>
            <Text size="sm">{explainAlert(t, i18n.language, a)}</Text>
          </div>
          <Group gap="md" wrap="wrap">
            <Anchor component={Link} to={`/persons/${a.person.id}`} size="sm">
              {[a.person.surname, a.person.givenNames].filter(Boolean).join(', ') || t('alerts.personWithheld')}
            </Anchor>
            {a.assignedAgencyName && <Text size="sm" c="dimmed">{t('alerts.assignedTo', { agency: a.assignedAgencyName })}</Text>}
          </Group>
          {a.reason && <Text size="sm"><b>{t('alerts.reason')}:</b> {a.reason}</Text>}

          {step.isError && !(step.error instanceof ApiError && step.error.fieldErrors.length) && <Notice color="red">{(step.error as Error).message}</Notice>}
          <Group gap="xs" wrap="wrap">
            {a.abilities.acknowledge && (
              <Button size="xs" onClick={() => run({ step: 'acknowledge' })} loading={step.isPending} data-testid="alert-acknowledge">{t('alerts.acknowledge')}</Button>
            )}
          </Group>
          {a.abilities.assign && (
            <Group gap="xs" align="flex-end" wrap="wrap">
              <Select label={t('alerts.assignLabel')} data={(agencies.data ?? []).map((g) => ({ value: g.id, label: g.name }))} value={agencyId} onChange={setAgencyId}
                searchable w={260} error={fieldError('agencyId')} data-testid="alert-agency" />
              <Button size="xs" variant="light" disabled={!agencyId} onClick={() => agencyId && run({ step: 'assign', agencyId })}>{t('alerts.assign')}</Button>
            </Group>
          )}
          {(outcomes.length > 0 || a.abilities.reopen || a.abilities.comment) && (
            <Stack gap="xs">
              {outcomes.length > 0 && (
                <Select label={t('alerts.outcomeLabel')} data={outcomes} value={outcome} onChange={(v) => setOutcome(v as AlertOutcome | null)} w={260} data-testid="alert-outcome" />
              )}
              <Textarea label={t('alerts.textLabel')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={1000}
                error={fieldError('reason') ?? fieldError('text')} data-testid="alert-text" />
              <Group gap="xs" wrap="wrap">
                {outcome && <Button size="xs" color="green" onClick={() => run({ step: 'resolve', outcome, reason: text })} data-testid="alert-resolve">{t('alerts.resolve')}</Button>}
                {a.abilities.reopen && <Button size="xs" variant="light" onClick={() => run({ step: 'reopen', reason: text })} data-testid="alert-reopen">{t('alerts.reopen')}</Button>}
                {a.abilities.comment && <Button size="xs" variant="default" disabled={!text.trim()} onClick={() => run({ step: 'comments', text })} data-testid="alert-comment">{t('alerts.comment')}</Button>}
              </Group>
            </Stack>
          )}

          <div>
            <Text fw={600} mb="xs">{t('alerts.history')}</Text>
            <Timeline bulletSize={12} lineWidth={2} data-testid="alert-history">
              {a.activity.map((e) => (
                <Timeline.Item key={e.id} title={t(`alerts.activity.${e.kind}`, { defaultValue: e.kind })}>
                  <Text size="xs" c="dimmed">{e.actorName} · {formatDateTime(e.at, zone, i18n.language)}</Text>
                  {typeof e.detail.reason === 'string' && <Text size="sm">{e.detail.reason}</Text>}
                  {typeof e.detail.text === 'string' && <Text size="sm">{e.detail.text}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </div>
        </Stack>
      )}
    </Drawer>
  );
}
