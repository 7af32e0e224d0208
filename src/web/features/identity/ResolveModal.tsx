import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { ConflictDecision, IdentityConflict } from '../../api/types';
import { useResolveConflict } from './api';

const MIN_REASON = 3;

/** Asks for the reason (required, audited) before deciding a conflict. */
export function ResolveModal({ target, onClose }: { target: { conflict: IdentityConflict; decision: ConflictDecision } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const resolve = useResolveConflict();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    setReason('');
    setError(undefined);
    resolve.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target?.conflict.id, target?.decision]);

  const keep = target?.decision === 'keep_person';
  const submit = () => {
    if (!target) return;
    if (reason.trim().length < MIN_REASON) return setError(t('conflicts.reasonHint'));
    resolve.mutate({ id: target.conflict.id, decision: target.decision, reason: reason.trim() }, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('conflicts.decided') });
        onClose();
      },
      onError: (err) => {
        if (err instanceof ApiError) setError(err.fieldErrors.find((e) => e.field === 'reason')?.message);
      },
    });
  };
  const other = resolve.error instanceof ApiError && !resolve.error.fieldErrors.some((e) => e.field === 'reason') ? resolve.error.message : null;

  return (
    <Modal opened={!!target} onClose={onClose} title={keep ? t('conflicts.keepPerson') : t('conflicts.takeReported')} centered>
      <Stack>
        <Text size="sm">{keep ? t('conflicts.confirmKeep') : t('conflicts.confirmTake')}</Text>
        {other && <Alert color="red">{other}</Alert>}
        <Textarea
          label={t('conflicts.reason')}
          description={t('conflicts.reasonHint')}
          placeholder={t('conflicts.reasonPlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => { setReason(e.currentTarget.value); setError(undefined); }}
          error={error}
          data-testid="conflict-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color={keep ? 'blue' : 'orange'} onClick={submit} loading={resolve.isPending} data-testid="conflict-confirm">
            {keep ? t('conflicts.keepPerson') : t('conflicts.takeReported')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
