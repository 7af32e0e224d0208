import { useState } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isValidRegionCode } from '../../../domain/regions/codes';
import type { Agency } from '../../api/types';
import { AGENCY_KINDS } from '../../../domain/access/field-matrix';
import { RegionCodeInput } from './RegionCodeInput';
import { AdminList, fieldErrorsOf, useFormValues } from './AdminList';
import { useAgencies, useCreateAgency } from './api';
import { usePageTitle } from '../../lib/usePageTitle';

function AgencyForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAgency();
  const { v, setV, edited, submitted } = useFormValues({ kind: 'imigrasi', name: '', regionCode: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(create.error);
  const err = (k: string) => (edited.has(k) ? undefined : errors[k] ?? server.fields[k]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!v.name.trim()) next.name = t('validation.required');
    else if (v.name.trim().length < 3) next.name = t('validation.tooShort', { min: 3 });
    if (!v.regionCode.trim()) next.regionCode = t('validation.required');
    else if (!isValidRegionCode(v.regionCode.trim())) next.regionCode = t('validation.regionCode');
    setErrors(next);
    submitted();
    if (Object.keys(next).length) return;
    create.mutate({ ...v, name: v.name.trim(), regionCode: v.regionCode.trim() }, {
      onSuccess: () => { notifications.show({ color: 'green', message: t('admin.created') }); onDone(); },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {server.other && <Alert color="red">{server.other}</Alert>}
        <NativeSelect label={t('admin.agencyKind')} required data={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencyKind.${k}`) }))} value={v.kind} onChange={(e) => setV({ ...v, kind: e.currentTarget.value })} error={err('kind')} />
        <TextInput label={t('admin.name')} required value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={err('name')} data-testid="agency-name" />
        <RegionCodeInput label={t('admin.regionCode')} description={t('admin.regionCodeHint')} required value={v.regionCode} onChange={(e) => setV({ ...v, regionCode: e.currentTarget.value })} error={err('regionCode')} data-testid="agency-region" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending} data-testid="agency-submit">{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function AgenciesPage() {
  usePageTitle('admin.agenciesTitle');
  const { t } = useTranslation();
  const agencies = useAgencies();
  const [open, setOpen] = useState(false);
  return (
    <>
      <AdminList<Agency>
        title={t('admin.agenciesTitle')}
        subtitle={t('admin.agenciesSubtitle')}
        addLabel={t('admin.addAgency')}
        onAdd={() => setOpen(true)}
        query={agencies}
        testId="agencies"
        columns={[
          { key: 'name', label: t('admin.name'), render: (a) => <Text fw={600} size="sm">{a.name}</Text> },
          { key: 'kind', label: t('admin.agencyKind'), render: (a) => t(`agencyKind.${a.kind}`, { defaultValue: a.kind }) },
          { key: 'region', label: t('admin.regionCode'), render: (a) => <Text ff="monospace" size="sm">{a.regionCode}</Text> },
        ]}
      />
      <Modal opened={open} onClose={() => setOpen(false)} title={t('admin.addAgency')} centered>
        {open && <AgencyForm onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
