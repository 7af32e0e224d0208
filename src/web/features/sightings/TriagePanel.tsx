import { useState } from 'react';
import { Alert, Anchor, Button, Divider, Group, Image, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useCountryNames } from '../../api/reference';
import { formatDateTime } from '../../lib/time';
import { useZone } from '../auth/useMe';
import { dismissSighting, getSighting, linkSighting, openCase, photoUrl, searchPersons } from './api';
import { StatusBadge } from './StatusBadge';
import type { Sighting } from './types';

/** One sighting for the team: what was reported, and the three ways to triage it. */
export function TriagePanel({ id, onDone }: { id: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const zone = useZone();
  const country = useCountryNames();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['sightings', 'one', id], queryFn: () => getSighting(id) });
  const [mode, setMode] = useState<'link' | 'dismiss' | null>(null);
  const [caseMessage, setCaseMessage] = useState<string | null>(null);
  const done = (s: Sighting) => {
    client.setQueryData(['sightings', 'one', id], s);
    void client.invalidateQueries({ queryKey: ['sightings', 'triage'] });
    setMode(null);
  };
  const caseMutation = useMutation({
    mutationFn: (s: Sighting) => openCase(s, t('sightings.triage.caseTitle', { category: t(`sightings.category.${s.activity.category}`), village: s.location.villageName ?? s.location.villageCode })),
    onSuccess: () => { setCaseMessage(t('sightings.triage.caseOpened')); void detail.refetch(); void client.invalidateQueries({ queryKey: ['sightings', 'triage'] }); },
    // the cases route lands with another part of the work: until then say so plainly
    onError: (err) => setCaseMessage(err instanceof ApiError && (err.status === 404 || err.status === 405) ? t('sightings.triage.casesMissing') : (err as Error).message),
  });

  if (detail.isPending) return <Text>{t('common.loading')}</Text>;
  if (detail.isError) return <Alert color="red">{(detail.error as Error).message}</Alert>;
  const s = detail.data;
  const loc = s.location;
  return (
    <Stack gap="sm" data-testid="sighting-detail">
      <Group justify="space-between">
        <Text fw={700}>{t(`sightings.category.${s.activity.category}`)}</Text>
        <StatusBadge status={s.status} />
      </Group>
      <Text size="sm">{t('sightings.detail.observed', { at: formatDateTime(s.observedAt, zone, i18n.language) })}</Text>
      <Text size="sm" data-testid="sighting-detail-location">
        {loc.villageName ?? loc.villageCode}
        {loc.exact ? ` · RW ${loc.rw ?? '–'} / RT ${loc.rt ?? '–'} · ${loc.lat}, ${loc.lon}` : ` · ${t('sightings.detail.villageOnly')}`}
      </Text>
      {s.subject.name && <Text size="sm">{t('sightings.form.name')}: {s.subject.name}</Text>}
      {s.subject.nationality && <Text size="sm">{t('sightings.form.nationality')}: {country(s.subject.nationality)}</Text>}
      {s.subject.description && <Text size="sm">{s.subject.description}</Text>}
      {s.activity.note && <Text size="sm" fs="italic">{s.activity.note}</Text>}
      <Text size="xs" c="dimmed">{t('sightings.detail.reporter', { name: s.reporter.name ?? '–', agency: s.reporter.agencyName ?? '' })}</Text>
      {s.hasPhoto && <Image src={photoUrl(s.id)} alt={t('sightings.form.photo')} radius="sm" mah={280} fit="contain" />}
      {s.status !== 'new' && (
        <Alert color="gray" p="xs" data-testid="sighting-detail-outcome">
          {t(`sightings.outcome.${s.status}`)}
          {s.outcome.personId && <> · <Anchor component={Link} to={`/persons/${s.outcome.personId}`}>{s.outcome.personName ?? t('sightings.triage.person')}</Anchor></>}
          {s.outcome.reason ? ` · ${s.outcome.reason}` : ''}
        </Alert>
      )}
      <Divider />
      <Group gap="xs">
        {s.abilities.link && <Button size="xs" variant={mode === 'link' ? 'filled' : 'light'} onClick={() => setMode('link')} data-testid="sighting-link">{t('sightings.triage.link')}</Button>}
        {s.abilities.openCase && <Button size="xs" variant="light" color="orange" loading={caseMutation.isPending} onClick={() => caseMutation.mutate(s)} data-testid="sighting-open-case">{t('sightings.triage.openCase')}</Button>}
        {s.abilities.dismiss && <Button size="xs" variant={mode === 'dismiss' ? 'filled' : 'light'} color="gray" onClick={() => setMode('dismiss')} data-testid="sighting-dismiss">{t('sightings.triage.dismiss')}</Button>}
      </Group>
      {caseMessage && <Alert color="yellow" p="xs" data-testid="sighting-case-message">{caseMessage}</Alert>}
      {mode === 'link' && <LinkPerson id={s.id} onLinked={done} />}
      {mode === 'dismiss' && <Dismiss id={s.id} onDismissed={(x) => { done(x); onDone(); }} />}
    </Stack>
  );
}

function LinkPerson({ id, onLinked }: { id: string; onLinked: (s: Sighting) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const hits = useQuery({ queryKey: ['sightings', 'persons', q], queryFn: () => searchPersons(q), enabled: q.trim().length >= 2 });
  const link = useMutation({ mutationFn: (personId: string) => linkSighting(id, personId), onSuccess: onLinked });
  return (
    <Stack gap="xs">
      <TextInput label={t('sightings.triage.searchPerson')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="sighting-person-search" />
      {(hits.data ?? []).map((p) => (
        <Button key={p.id} variant="default" justify="space-between" onClick={() => link.mutate(p.id)} loading={link.isPending} data-testid="sighting-person-hit">
          {[p.surname, p.givenNames].filter(Boolean).join(', ') || p.id} {p.nationality ? `(${p.nationality})` : ''}
        </Button>
      ))}
      {hits.data && hits.data.length === 0 && <Text size="sm" c="dimmed">{t('common.nothingFound')}</Text>}
      {link.isError && <Alert color="red" p="xs">{(link.error as Error).message}</Alert>}
    </Stack>
  );
}

function Dismiss({ id, onDismissed }: { id: string; onDismissed: (s: Sighting) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const dismiss = useMutation({ mutationFn: () => dismissSighting(id, reason), onSuccess: onDismissed });
  return (
    <Stack gap="xs">
      <Textarea label={t('sightings.triage.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500}
        error={dismiss.isError ? (dismiss.error as Error).message : undefined} data-testid="sighting-dismiss-reason" />
      <Button size="xs" color="gray" disabled={!reason.trim()} loading={dismiss.isPending} onClick={() => dismiss.mutate()} data-testid="sighting-dismiss-confirm">
        {t('sightings.triage.dismissConfirm')}
      </Button>
    </Stack>
  );
}
