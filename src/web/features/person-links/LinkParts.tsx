import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../persons/api';
import type { LinkPerson, LinkReason } from './api';

// Small pieces shared by the profile card, the compare modal and the queue.

/** The profile's person as one side of a comparison (stays: those in the caller's scope). */
export function sideOf(p: Person): LinkPerson {
  return { id: p.id, ...p.identity, dateOfBirth: p.dateOfBirth, documents: p.documents, staysCount: p.timeline.length };
}

export function nameOf(p: LinkPerson): string | null {
  return p.surname === null ? null : [p.surname, p.givenNames].filter(Boolean).join(', ');
}

/** Score as a percentage, coloured by strength, and each reason as a badge. */
export function ScoreAndReasons({ score, reasons }: { score: number; reasons: LinkReason[] }) {
  const { t } = useTranslation();
  const colour = score >= 0.9 ? 'red' : score >= 0.75 ? 'orange' : 'yellow';
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={colour} variant="filled" data-testid="link-score">{t('personLinks.score', { score: Math.round(score * 100) })}</Badge>
      {reasons.map((r) => (
        <Badge key={r} variant="light" color={r === 'different_sex' ? 'gray' : 'blue'} tt="none">{t(`personLinks.reason.${r}`)}</Badge>
      ))}
    </Group>
  );
}
