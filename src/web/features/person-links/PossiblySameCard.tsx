import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Divider, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCountryNames } from '../../api/reference';
import { formatDate, formatDateTime } from '../../lib/time';
import { useCurrentUser, useZone } from '../auth/useMe';
import type { Person } from '../persons/api';
import { Withheld } from '../stays/Withheld';
import { type PersonMerge, usePersonMerges, useProbableLinks } from './api';
import { type Comparison, CompareModal } from './CompareModal';
import { ScoreAndReasons, nameOf, sideOf } from './LinkParts';
import { SplitModal } from './SplitModal';

/**
 * "Possibly the same person" on a profile: persons in the officer's area with the same name
 * (in any order), birth date and nationality, scored with their reasons; compare, merge or
 * dismiss; and the person's merge history, where a wrong merge is split again.
 */
export function PossiblySameCard({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const zone = useZone();
  const country = useCountryNames();
  const enabled = !!me.abilities.viewProbableLinks;
  const links = useProbableLinks(person.id, enabled);
  const merges = usePersonMerges(person.id, enabled);
  const [comparing, setComparing] = useState<Comparison | null>(null);
  const [splitting, setSplitting] = useState<PersonMerge | null>(null);
  if (!enabled) return null;
  const history = merges.data?.items ?? [];

  return (
    <Paper withBorder radius="md" p="md" data-testid="possibly-same">
      <Title order={4}>{t('personLinks.cardTitle')}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t('personLinks.cardHint')}</Text>
      {links.isPending && <Skeleton h={60} />}
      {links.isError && <Alert color="red">{(links.error as Error).message}</Alert>}
      {links.data?.items.length === 0 && <Text size="sm" data-testid="possibly-same-empty">{t('personLinks.none')}</Text>}
      <Stack gap="xs">
        {links.data?.items.map((c) => (
          <Paper key={c.person.id} withBorder p="sm" radius="sm" data-testid="link-candidate">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Stack gap={4}>
                <Anchor component={Link} to={`/persons/${c.person.id}`} fw={600}>{nameOf(c.person) ?? <Withheld />}</Anchor>
                <Text size="sm" c="dimmed">
                  {[c.person.dateOfBirth && formatDate(c.person.dateOfBirth, i18n.language), c.person.nationality && country(c.person.nationality),
                    t('personLinks.staysCount', { count: c.person.staysCount })].filter(Boolean).join(' · ')}
                </Text>
                <ScoreAndReasons score={c.score} reasons={c.reasons} />
              </Stack>
              <Button size="xs" variant="light" data-testid="link-compare-open"
                onClick={() => setComparing({ kept: sideOf(person), other: c.person, score: c.score, reasons: c.reasons, abilities: c.abilities })}>
                {t('personLinks.compare')}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      {history.length > 0 && (
        <>
          <Divider my="sm" label={t('personLinks.history')} labelPosition="left" />
          <Stack gap="xs" data-testid="merge-history">
            {history.map((m) => (
              <Group key={m.id} justify="space-between" align="flex-start" wrap="wrap" gap="xs" data-testid="merge-entry">
                <Stack gap={2} maw={620}>
                  <Text size="sm">
                    {m.keptPersonId === person.id
                      ? t('personLinks.mergedIn', { name: m.absorbedName ?? t('access.withheld') })
                      : t('personLinks.mergedInto')}
                    {/* an absorbed person has no profile of its own until the merge is split */}
                    {(m.splitAt || m.keptPersonId !== person.id) && (
                      <>{' '}<Anchor component={Link} size="sm" to={`/persons/${m.keptPersonId === person.id ? m.absorbedPersonId : m.keptPersonId}`}>{t('personLinks.open')}</Anchor></>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('personLinks.mergedBy', { by: m.mergedBy ?? '—', at: formatDateTime(m.mergedAt, zone, i18n.language) })} — {m.reason}
                  </Text>
                  <Text size="xs" c="dimmed">{t('personLinks.movedSummary', { stays: m.moved.stays, documents: m.moved.documents })}</Text>
                  {m.splitAt && (
                    <Text size="xs" c="dimmed">
                      {t('personLinks.splitBy', { by: m.splitBy ?? '—', at: formatDateTime(m.splitAt, zone, i18n.language) })} — {m.splitReason}
                    </Text>
                  )}
                </Stack>
                {m.splitAt
                  ? <Badge color="gray" variant="light">{t('personLinks.splitState')}</Badge>
                  : m.abilities.split && (
                    <Button size="xs" variant="light" color="orange" onClick={() => setSplitting(m)} data-testid="merge-split">{t('personLinks.split')}</Button>
                  )}
              </Group>
            ))}
          </Stack>
        </>
      )}
      <CompareModal comparison={comparing} onClose={() => setComparing(null)} />
      <SplitModal merge={splitting} onClose={() => setSplitting(null)} />
    </Paper>
  );
}
