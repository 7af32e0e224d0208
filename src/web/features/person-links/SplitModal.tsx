import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type PersonMerge, useSplitMerge } from './api';

/** Asks for the reason (audited) before splitting a wrong merge. */
export function SplitModal({ merge, onClose }: { merge: PersonMerge | null; onClose: () => void }) {
  const { t } = useTranslation();
  const split = useSplitMerge();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setReason('');
    setError(undefined);
    split.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [merge?.id]);
  const submit = () => {
    if (!merge) return;
    if (reason.trim().length < 3) return setError(t('personLinks.reasonHint'));
    split.mutate({ mergeId: merge.id, reason: reason.trim() }, {
      onSuccess: () => { notifications.show({ color: 'green', message: t('personLinks.splitDone') }); onClose(); },
      onError: (err) => { if (err instanceof ApiError) setError(err.fieldErrors.find((e) => e.field === 'reason')?.message); },
    });
  };
  const failure = split.error instanceof ApiError && !split.error.fieldErrors.some((e) => e.field === 'reason') ? split.error.message : null;
  return (
    <Modal opened={!!merge} onClose={onClose} title={t('personLinks.splitTitle')} centered>
      <Stack>
        <Text size="sm">{t('personLinks.splitExplain', { name: merge?.absorbedName ?? '—' })}</Text>
        {failure && <Alert color="red">{failure}</Alert>}
        <Textarea
          label={t('personLinks.reasonLabel')} description={t('personLinks.reasonHint')} required autosize minRows={2} maxLength={500}
          value={reason} onChange={(e) => { setReason(e.currentTarget.value); setError(undefined); }} error={error} data-testid="split-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color="orange" onClick={submit} loading={split.isPending} data-testid="split-confirm">{t('personLinks.split')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
