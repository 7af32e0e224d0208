import { useState } from 'react';
import { Alert, Badge, Button, Card, Center, Group, Modal, Pagination, SegmentedControl, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { usePageTitle } from '../../lib/usePageTitle';
import { PAGE_SIZE, type Registration, type RegistrationStatus, useDecideRegistration, useRegistrations } from './api';
import { displayLocale } from '../../lib/time';

const STATUSES: RegistrationStatus[] = ['pending', 'approved', 'rejected'];
const STATUS_COLOR = { pending: 'yellow', approved: 'green', rejected: 'red' } as const;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" miw={120}>{label}</Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </Group>
  );
}

function RegistrationCard({ r, onReject }: { r: Registration; onReject: (r: Registration) => void }) {
  const { t, i18n } = useTranslation();
  const decide = useDecideRegistration();
  const approve = () => decide.mutate({ id: r.id, decision: 'approve' }, {
    onSuccess: () => notifications.show({ color: 'green', message: t('registration.approvedDone', { name: r.name }) }),
    onError: (err) => notifications.show({ color: 'red', message: (err as Error).message }),
  });
  const when = (iso: string) => new Date(iso).toLocaleString(displayLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Card withBorder radius="md" padding="md" data-testid="registration-card" data-name={r.name}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={700}>{r.name}</Text>
            <Text size="sm" c="dimmed">
              {[t(`registration.kinds.${r.kind}`), r.lodgingType ? t(`lodgingType.${r.lodgingType}`, { defaultValue: r.lodgingType }) : null].filter(Boolean).join(' · ')}
            </Text>
          </div>
          <Badge color={STATUS_COLOR[r.status]} variant="light">{t(`registration.status.${r.status}`)}</Badge>
        </Group>
        {r.nib && <Row label="NIB">{r.nib}</Row>}
        {r.nik && <Row label="NIK">{r.nik}</Row>}
        <Row label={t('registration.address')}>{r.address}, {r.village.name}, {r.village.district}, {r.village.regency}</Row>
        {r.lat !== null && r.lng !== null && <Row label={t('registration.gps')}>{r.lat.toFixed(5)}, {r.lng.toFixed(5)}</Row>}
        {r.personInCharge && <Row label={t('registration.personInCharge')}>{r.personInCharge}</Row>}
        {r.phone && <Row label={t('registration.phone')}>{r.phone}</Row>}
        <Row label={t('registration.email')}>
          {r.email} {r.emailVerified
            ? <Badge size="xs" color="green" variant="light">{t('registration.emailVerified')}</Badge>
            : <Badge size="xs" color="gray" variant="light" data-testid="email-unverified">{t('registration.emailUnverified')}</Badge>}
        </Row>
        {r.username && <Row label={t('registration.username')}>{r.username}</Row>}
        <Row label={t('registration.submittedAt')}>{when(r.submittedAt)}</Row>
        {r.rejectedReason && <Alert color="red" variant="light" p="xs">{t('registration.reasonWas', { reason: r.rejectedReason })}</Alert>}
        {r.status === 'pending' && (r.abilities.approve || r.abilities.reject) && (
          <Group grow mt="xs">
            {r.abilities.reject && <Button variant="outline" color="red" onClick={() => onReject(r)} data-testid="registration-reject">{t('registration.reject')}</Button>}
            {r.abilities.approve
              ? <Button color="green" onClick={approve} loading={decide.isPending} data-testid="registration-approve">{t('registration.approve')}</Button>
              : <Text size="xs" c="dimmed" ta="center">{t('registration.waitingEmail')}</Text>}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export default function RegistrationsPage() {
  usePageTitle('registration.queueTitle');
  const { t } = useTranslation();
  const [status, setStatus] = useState<RegistrationStatus>('pending');
  const [page, setPage] = useState(1);
  const list = useRegistrations(status, page);
  const decide = useDecideRegistration();
  const [rejecting, setRejecting] = useState<Registration | null>(null);
  const [reason, setReason] = useState('');
  const reasonError = decide.error instanceof ApiError ? decide.error.fieldErrors.find((f) => f.field === 'reason')?.message : undefined;
  const reject = () => {
    if (!rejecting) return;
    decide.mutate({ id: rejecting.id, decision: 'reject', reason: reason.trim() }, {
      onSuccess: () => { notifications.show({ color: 'green', message: t('registration.rejectedDone', { name: rejecting.name }) }); setRejecting(null); setReason(''); },
    });
  };
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md" maw={820}>
      <div>
        <Title order={2}>{t('registration.queueTitle')}</Title>
        <Text c="dimmed" size="sm">{t('registration.queueSubtitle')}</Text>
      </div>
      <SegmentedControl fullWidth value={status} onChange={(s) => { setStatus(s as RegistrationStatus); setPage(1); }}
        data={STATUSES.map((s) => ({ value: s, label: t(`registration.status.${s}`) }))} data-testid="registration-status" />
      {list.error && <Alert color="red">{(list.error as Error).message}</Alert>}
      {list.isPending ? <Skeleton h={160} /> : items.length === 0 ? (
        <Center py="xl"><Text c="dimmed" data-testid="registration-empty">{t('registration.queueEmpty')}</Text></Center>
      ) : (
        <Stack gap="sm" data-testid="registration-list">
          {items.map((r) => <RegistrationCard key={r.id} r={r} onReject={(x) => { decide.reset(); setRejecting(x); }} />)}
        </Stack>
      )}
      {(list.data?.total ?? 0) > PAGE_SIZE && (
        <Center><Pagination total={Math.ceil(list.data!.total / PAGE_SIZE)} value={page} onChange={setPage} /></Center>
      )}
      <Modal opened={rejecting !== null} onClose={() => setRejecting(null)} title={t('registration.rejectTitle', { name: rejecting?.name ?? '' })} centered>
        <Stack>
          <Textarea label={t('registration.rejectReason')} description={t('registration.rejectReasonHint')} required autosize minRows={3} value={reason}
            onChange={(e) => setReason(e.currentTarget.value)} error={reasonError} data-testid="registration-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRejecting(null)}>{t('common.cancel')}</Button>
            <Button color="red" onClick={reject} loading={decide.isPending} disabled={reason.trim().length < 3} data-testid="registration-reject-confirm">{t('registration.reject')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
