import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Modal, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isValidRegionCode, regionLevel } from '../../../domain/regions/codes';
import { LODGING_TYPES, REPORTER_KINDS, type ReporterOrg } from '../../api/types';
import { RegionCodeInput } from './RegionCodeInput';
import { AdminList, fieldErrorsOf, useFormValues } from './AdminList';
import { useCreateReporterOrg, useReporterOrgs } from './api';
import { usePageTitle } from '../../lib/usePageTitle';

/** A village (desa/kelurahan) code: the fourth level. */
const isVillageCode = (code: string) => isValidRegionCode(code) && regionLevel(code) === 4;

function ReporterOrgForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateReporterOrg();
  const { v, setV, edited, submitted } = useFormValues({ kind: 'lodging', lodgingType: 'hotel', name: '', address: '', villageCode: '', verified: true });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(create.error);
  const err = (k: string) => (edited.has(k) ? undefined : errors[k] ?? server.fields[k]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!v.name.trim()) next.name = t('validation.required');
    else if (v.name.trim().length < 2) next.name = t('validation.tooShort', { min: 2 });
    if (v.address.length > 300) next.address = t('validation.tooLong', { max: 300 });
    if (!v.villageCode.trim()) next.villageCode = t('validation.required');
    else if (!isVillageCode(v.villageCode.trim())) next.villageCode = t('validation.villageCode');
    setErrors(next);
    submitted();
    if (Object.keys(next).length) return;
    create.mutate(
      { kind: v.kind, ...(v.kind === 'lodging' ? { lodgingType: v.lodgingType } : {}), name: v.name.trim(), ...(v.address.trim() ? { address: v.address.trim() } : {}), villageCode: v.villageCode.trim(), verified: v.verified },
      { onSuccess: () => { notifications.show({ color: 'green', message: t('admin.created') }); onDone(); } },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {server.other && <Alert color="red">{server.other}</Alert>}
        <NativeSelect label={t('admin.reporterKind')} required data={REPORTER_KINDS.map((k) => ({ value: k, label: t(`reporterKind.${k}`) }))} value={v.kind} onChange={(e) => setV({ ...v, kind: e.currentTarget.value })} error={err('kind')} />
        {v.kind === 'lodging' && (
          <NativeSelect label={t('admin.lodgingType')} data={LODGING_TYPES.map((k) => ({ value: k, label: t(`lodgingType.${k}`) }))} value={v.lodgingType} onChange={(e) => setV({ ...v, lodgingType: e.currentTarget.value })} error={err('lodgingType')} />
        )}
        <TextInput label={t('admin.name')} required value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={err('name')} data-testid="org-name" />
        <Textarea label={t('admin.address')} autosize minRows={2} value={v.address} onChange={(e) => setV({ ...v, address: e.currentTarget.value })} error={err('address')} />
        <RegionCodeInput label={t('admin.villageCode')} description={t('admin.villageCodeHint')} required value={v.villageCode} onChange={(e) => setV({ ...v, villageCode: e.currentTarget.value })} error={err('villageCode')} />
        <Checkbox label={t('admin.verified')} checked={v.verified} onChange={(e) => setV({ ...v, verified: e.currentTarget.checked })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function ReporterOrgsPage() {
  usePageTitle('admin.orgsTitle');
  const { t } = useTranslation();
  const orgs = useReporterOrgs();
  const [open, setOpen] = useState(false);
  return (
    <>
      <AdminList<ReporterOrg>
        title={t('admin.orgsTitle')}
        subtitle={t('admin.orgsSubtitle')}
        addLabel={t('admin.addOrg')}
        onAdd={() => setOpen(true)}
        query={orgs}
        testId="reporter-orgs"
        columns={[
          { key: 'name', label: t('admin.name'), render: (o) => <Text fw={600} size="sm">{o.name}</Text> },
          { key: 'kind', label: t('admin.reporterKind'), render: (o) => [t(`reporterKind.${o.kind}`, { defaultValue: o.kind }), o.lodgingType ? t(`lodgingType.${o.lodgingType}`, { defaultValue: o.lodgingType }) : null].filter(Boolean).join(' · ') },
          { key: 'village', label: t('admin.villageCode'), render: (o) => <Text ff="monospace" size="sm">{o.villageCode}</Text> },
          { key: 'verified', label: t('admin.verified'), render: (o) => o.verified ? <Badge color="green" variant="light">{t('common.yes')}</Badge> : <Badge color="gray" variant="light">{t('common.no')}</Badge> },
        ]}
      />
      <Modal opened={open} onClose={() => setOpen(false)} title={t('admin.addOrg')} centered>
        {open && <ReporterOrgForm onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
