import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, ScrollArea, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCountryNames } from '../../api/reference';
import { formatDate } from '../../lib/time';
import { OrWithheld } from '../stays/Withheld';
import { type DecisionAbilities, type LinkDecision, type LinkPerson, type LinkReason, useDecideLink } from './api';
import { ScoreAndReasons, nameOf } from './LinkParts';

const MIN_REASON = 3;

export interface Comparison { kept: LinkPerson; other: LinkPerson; score: number; reasons: LinkReason[]; abilities: DecisionAbilities }

/**
 * Two persons side by side (names, birth date, nationality, documents, stays). Immigration and
 * police decide here, with a reason kept in the audit log: merge the other into the first, or
 * "not the same person" so the pair is not proposed again.
 */
export function CompareModal({ comparison, onClose }: { comparison: Comparison | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const country = useCountryNames();
  const decide = useDecideLink();
  const phone = useMediaQuery('(max-width: 36em)');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setReason('');
    setError(undefined);
    decide.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [comparison?.kept.id, comparison?.other.id]);

  if (!comparison) return <Modal opened={false} onClose={onClose}>{null}</Modal>;
  const { kept, other, abilities } = comparison;
  const submit = (decision: LinkDecision) => {
    if (reason.trim().length < MIN_REASON) return setError(t('personLinks.reasonHint'));
    decide.mutate({ decision, personId: kept.id, otherPersonId: other.id, reason: reason.trim() }, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t(decision === 'merge' ? 'personLinks.merged' : 'personLinks.dismissed') });
        onClose();
      },
      onError: (err) => { if (err instanceof ApiError) setError(err.fieldErrors.find((e) => e.field === 'reason')?.message); },
    });
  };
  const failure = decide.error instanceof ApiError && !decide.error.fieldErrors.some((e) => e.field === 'reason') ? decide.error.message : null;
  const docs = (p: LinkPerson) => (
    <OrWithheld value={p.documents}>
      <Stack gap={0}>
        {(p.documents ?? []).map((d) => (
          <Text key={`${d.issuingState}/${d.number}`} size="sm" ff="monospace">{d.number} · {d.issuingState} · {formatDate(d.expiryDate, i18n.language)}</Text>
        ))}
      </Stack>
    </OrWithheld>
  );
  const rows: { label: string; same: boolean; cell: (p: LinkPerson) => React.ReactNode }[] = [
    { label: t('personLinks.name'), same: nameOf(kept) === nameOf(other), cell: (p) => <OrWithheld value={p.surname}>{nameOf(p)}</OrWithheld> },
    { label: t('fields.sex'), same: kept.sex === other.sex, cell: (p) => <OrWithheld value={p.sex}>{p.sex && t(`sex.${p.sex}`)}</OrWithheld> },
    { label: t('fields.dateOfBirth'), same: kept.dateOfBirth === other.dateOfBirth, cell: (p) => <OrWithheld value={p.dateOfBirth}>{formatDate(p.dateOfBirth, i18n.language)}</OrWithheld> },
    { label: t('fields.nationality'), same: kept.nationality === other.nationality, cell: (p) => <OrWithheld value={p.nationality}>{country(p.nationality ?? '')}</OrWithheld> },
    { label: t('personLinks.documents'), same: false, cell: docs },
    { label: t('personLinks.stays'), same: true, cell: (p) => p.staysCount },
  ];
  const decides = abilities.merge || abilities.dismiss;

  return (
    <Modal opened onClose={onClose} title={t('personLinks.compareTitle')} size="xl" centered fullScreen={phone} data-testid="link-compare">
      <Stack>
        <ScoreAndReasons score={comparison.score} reasons={comparison.reasons} />
        <ScrollArea>
          <Table withTableBorder withColumnBorders miw={phone ? undefined : 480} fz={phone ? 'xs' : 'sm'}>
            <Table.Thead>
              <Table.Tr><Table.Th /><Table.Th>{t('personLinks.thisPerson')}</Table.Th><Table.Th>{t('personLinks.otherPerson')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.label} bg={r.same ? undefined : 'var(--mantine-color-yellow-light)'}>
                  <Table.Th fw={500} c="dimmed">{r.label}</Table.Th><Table.Td>{r.cell(kept)}</Table.Td><Table.Td>{r.cell(other)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {failure && <Alert color="red">{failure}</Alert>}
        {decides ? (
          <>
            <Text size="sm">{t('personLinks.mergeExplain')}</Text>
            <Textarea
              label={t('personLinks.reasonLabel')} description={t('personLinks.reasonHint')} required autosize minRows={2} maxLength={500}
              value={reason} onChange={(e) => { setReason(e.currentTarget.value); setError(undefined); }} error={error} data-testid="link-reason"
            />
            <Group justify="flex-end" wrap="wrap">
              <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
              {abilities.dismiss && (
                <Button variant="light" color="gray" onClick={() => submit('dismiss')} loading={decide.isPending && decide.variables?.decision === 'dismiss'} data-testid="link-dismiss">
                  {t('personLinks.dismiss')}
                </Button>
              )}
              {abilities.merge && (
                <Button color="orange" onClick={() => submit('merge')} loading={decide.isPending && decide.variables?.decision === 'merge'} data-testid="link-merge">
                  {t('personLinks.merge')}
                </Button>
              )}
            </Group>
          </>
        ) : <Text size="sm" c="dimmed">{t('personLinks.onlyDecidersHint')}</Text>}
      </Stack>
    </Modal>
  );
}
