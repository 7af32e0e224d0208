import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, NativeSelect, PasswordInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isValidRegionCode } from '../../../domain/regions/codes';
import type { AdminUser } from '../../api/types';
import { ROLES, type Role } from '../../../domain/access/roles';
import { RegionCodeInput } from './RegionCodeInput';
import { AdminList, fieldErrorsOf, useFormValues } from './AdminList';
import { useAgencies, useCreateUser, useDecideUser, useReporterOrgs, useUsers } from './api';
import { usePageTitle } from '../../lib/usePageTitle';

const NEEDS_AGENCY: Role[] = ['immigration_officer', 'timpora_member', 'field_officer'];
const NEEDS_AREA: Role[] = ['immigration_officer', 'timpora_member', 'field_officer', 'auditor'];

function UserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const agencies = useAgencies();
  const orgs = useReporterOrgs();
  const { v, setV, edited, submitted } = useFormValues({ username: '', displayName: '', password: '', role: 'reporter' as Role, agencyId: '', areaCode: '', reporterOrgId: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(create.error);
  const err = (k: string) => (edited.has(k) ? undefined : errors[k] ?? server.fields[k]);
  const role = v.role;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!/^[a-z0-9][a-z0-9._-]{2,39}$/.test(v.username.trim())) next.username = t('validation.username');
    if (!v.displayName.trim()) next.displayName = t('validation.required');
    else if (v.displayName.trim().length < 2) next.displayName = t('validation.tooShort', { min: 2 });
    if (v.password.length < 10) next.password = t('validation.passwordLength', { min: 10 });
    if (NEEDS_AGENCY.includes(role) && !v.agencyId) next.agencyId = t('validation.required');
    if (NEEDS_AREA.includes(role)) {
      if (!v.areaCode.trim()) next.areaCode = t('validation.required');
      else if (!isValidRegionCode(v.areaCode.trim())) next.areaCode = t('validation.regionCode');
    }
    if (role === 'reporter' && !v.reporterOrgId) next.reporterOrgId = t('validation.required');
    setErrors(next);
    submitted();
    if (Object.keys(next).length) return;
    create.mutate(
      {
        username: v.username.trim(), displayName: v.displayName.trim(), password: v.password, role,
        ...(NEEDS_AGENCY.includes(role) || role === 'auditor' ? (v.agencyId ? { agencyId: v.agencyId } : {}) : {}),
        ...(NEEDS_AREA.includes(role) ? { areaCode: v.areaCode.trim() } : {}),
        ...(role === 'reporter' ? { reporterOrgId: v.reporterOrgId } : {}),
      },
      { onSuccess: () => { notifications.show({ color: 'green', message: t('admin.created') }); onDone(); } },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {server.other && <Alert color="red">{server.other}</Alert>}
        <TextInput label={t('admin.username')} required autoCapitalize="none" value={v.username} onChange={(e) => setV({ ...v, username: e.currentTarget.value })} error={err('username')} data-testid="user-username" />
        <TextInput label={t('admin.displayName')} required value={v.displayName} onChange={(e) => setV({ ...v, displayName: e.currentTarget.value })} error={err('displayName')} />
        <PasswordInput label={t('admin.password')} description={t('admin.passwordHint')} required autoComplete="new-password" value={v.password} onChange={(e) => setV({ ...v, password: e.currentTarget.value })} error={err('password')} />
        <NativeSelect label={t('admin.role')} required data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} value={role} onChange={(e) => setV({ ...v, role: e.currentTarget.value as Role })} error={err('role')} data-testid="user-role" />
        {(NEEDS_AGENCY.includes(role) || role === 'auditor') && (
          <Select label={t('admin.agency')} required={NEEDS_AGENCY.includes(role)} searchable clearable data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} value={v.agencyId || null} onChange={(x) => setV({ ...v, agencyId: x ?? '' })} error={err('agencyId')} nothingFoundMessage={t('common.nothingFound')} />
        )}
        {NEEDS_AREA.includes(role) && (
          <RegionCodeInput label={t('admin.areaCode')} description={t('admin.regionCodeHint')} required value={v.areaCode} onChange={(e) => setV({ ...v, areaCode: e.currentTarget.value })} error={err('areaCode')} />
        )}
        {role === 'reporter' && (
          <Select label={t('admin.reporterOrg')} required searchable data={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} value={v.reporterOrgId || null} onChange={(x) => setV({ ...v, reporterOrgId: x ?? '' })} error={err('reporterOrgId')} nothingFoundMessage={t('common.nothingFound')} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending} data-testid="user-submit">{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Approve (a second administrator) or turn down a pending account; the server decides who may. */
function Decision({ user, onReject }: { user: AdminUser; onReject: (u: AdminUser) => void }) {
  const { t } = useTranslation();
  const decide = useDecideUser();
  if (user.approval !== 'pending') return null;
  return (
    <Group gap={6} wrap="nowrap">
      {user.abilities.approve ? (
        <Button size="compact-xs" color="green" loading={decide.isPending} data-testid={`approve-${user.username}`}
          onClick={() => decide.mutate({ id: user.id, decision: 'approve' }, {
            onSuccess: () => notifications.show({ color: 'green', message: t('admin.approvedDone') }),
            onError: (err) => notifications.show({ color: 'red', message: (err as Error).message }),
          })}>{t('admin.approve')}</Button>
      ) : <Text size="xs" c="dimmed">{t('admin.secondAdminHint')}</Text>}
      {user.abilities.reject && (
        <Button size="compact-xs" variant="default" onClick={() => onReject(user)} data-testid={`reject-${user.username}`}>{t('admin.reject')}</Button>
      )}
    </Group>
  );
}

function RejectForm({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideUser();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const server = fieldErrorsOf(decide.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setError(t('validation.tooShort', { min: 3 }));
    decide.mutate({ id: user.id, decision: 'reject', reason: reason.trim() }, {
      onSuccess: () => { notifications.show({ color: 'green', message: t('admin.rejectedDone') }); onDone(); },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {server.other && <Alert color="red">{server.other}</Alert>}
        <Textarea label={t('admin.rejectReason')} required autosize minRows={2} maxLength={500} value={reason}
          onChange={(e) => { setReason(e.currentTarget.value); setError(undefined); }} error={error ?? server.fields.reason} data-testid="reject-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" color="red" loading={decide.isPending} data-testid="reject-submit">{t('admin.reject')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

const statusBadge = (u: AdminUser, t: (k: string) => string) =>
  u.approval === 'pending' ? <Badge color="yellow" variant="light">{t('admin.pending')}</Badge>
    : u.approval === 'rejected' ? <Badge color="red" variant="light">{t('admin.rejected')}</Badge>
      : u.active ? <Badge color="green" variant="light">{t('admin.active')}</Badge> : <Badge color="gray" variant="light">{t('admin.inactive')}</Badge>;

export default function UsersPage() {
  usePageTitle('admin.usersTitle');
  const { t } = useTranslation();
  const users = useUsers();
  const agencies = useAgencies();
  const orgs = useReporterOrgs();
  const [open, setOpen] = useState(false);
  const [rejecting, setRejecting] = useState<AdminUser | null>(null);
  const agencyName = useMemo(() => new Map((agencies.data?.items ?? []).map((a) => [a.id, a.name])), [agencies.data]);
  const orgName = useMemo(() => new Map((orgs.data?.items ?? []).map((o) => [o.id, o.name])), [orgs.data]);
  return (
    <>
      <AdminList<AdminUser>
        title={t('admin.usersTitle')}
        subtitle={t('admin.usersSubtitle')}
        addLabel={t('admin.addUser')}
        onAdd={() => setOpen(true)}
        query={users}
        testId="users"
        columns={[
          { key: 'user', label: t('admin.username'), render: (u) => <><Text fw={600} size="sm">{u.displayName}</Text><Text size="xs" c="dimmed" ff="monospace">{u.username}</Text></> },
          { key: 'role', label: t('admin.role'), render: (u) => <Badge variant="light">{t(`roles.${u.role}`, { defaultValue: u.role })}</Badge> },
          { key: 'org', label: t('admin.organisation'), render: (u) => (u.agencyId ? agencyName.get(u.agencyId) ?? u.agencyId : u.reporterOrgId ? orgName.get(u.reporterOrgId) ?? u.reporterOrgId : '—') },
          { key: 'area', label: t('admin.areaCode'), render: (u) => <Text ff="monospace" size="sm">{u.areaCode ?? '—'}</Text> },
          { key: 'active', label: t('admin.status'), render: (u) => statusBadge(u, t) },
          { key: 'actions', label: t('admin.actions'), render: (u) => <Decision user={u} onReject={setRejecting} /> },
        ]}
      />
      <Text size="xs" c="dimmed">{t('admin.pendingNotice')}</Text>
      <Modal opened={rejecting !== null} onClose={() => setRejecting(null)} title={t('admin.rejectTitle', { username: rejecting?.username ?? '' })} centered>
        {rejecting && <RejectForm user={rejecting} onDone={() => setRejecting(null)} />}
      </Modal>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('admin.addUser')} centered>
        {open && <UserForm onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
