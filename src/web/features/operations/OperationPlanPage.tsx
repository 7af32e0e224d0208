import { useState } from 'react';
import { Alert as Notice, Button, Card, Group, MultiSelect, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { todayIn } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useCurrentUser, useZone } from '../auth/useMe';
import { useCaseAgencies } from '../cases/api';
import { useLodgings, usePlanOperation, useRegionsBelow } from './api';

/** Plan a joint operation: title, date, area, targets (lodgings, villages) and participants. */
export default function OperationPlanPage() {
  usePageTitle('operations.planTitle');
  const { t } = useTranslation();
  const me = useCurrentUser();
  const zone = useZone();
  const navigate = useNavigate();
  const plan = usePlanOperation();
  const areas = me.areas ?? (me.area ? [{ code: me.area.code, name: me.area.name }] : []);
  const [title, setTitle] = useState('');
  const [plannedOn, setPlannedOn] = useState(todayIn(zone));
  const [regionCode, setRegionCode] = useState<string | null>(areas[0]?.code ?? null);
  const [district, setDistrict] = useState<string | null>(null);
  const [villages, setVillages] = useState<string[]>([]);
  const [lodgingIds, setLodgingIds] = useState<string[]>([]);
  const [agencyIds, setAgencyIds] = useState<string[]>(me.agency ? [me.agency.id] : []);
  const [userIds, setUserIds] = useState<string[]>([me.id]);
  const [notes, setNotes] = useState('');
  const districts = useRegionsBelow(regionCode);
  const villageList = useRegionsBelow(district);
  const lodgings = useLodgings(regionCode);
  const agencies = useCaseAgencies(true);
  const members = (agencies.data ?? []).filter((a) => agencyIds.includes(a.id)).flatMap((a) => a.members.map((m) => ({ value: m.id, label: `${m.name} (${a.name})`, agencyId: a.id })));
  const fieldError = (field: string) => (plan.error instanceof ApiError ? plan.error.fieldErrors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message : undefined);

  const submit = () => plan.mutate({
    title, plannedOn, regionCode: regionCode ?? '', notes: notes.trim() || undefined, lodgingIds, villageCodes: villages,
    participants: agencyIds.map((agencyId) => ({ agencyId, userIds: members.filter((m) => m.agencyId === agencyId && userIds.includes(m.value)).map((m) => m.value) })),
  }, { onSuccess: (op) => navigate(`/operations/${op.id}`) });

  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>{t('operations.planTitle')}</Title>
      <Card withBorder padding="md">
        <Stack gap="sm">
          {plan.isError && !(plan.error instanceof ApiError && plan.error.fieldErrors.length) && <Notice color="red">{(plan.error as Error).message}</Notice>}
          <TextInput label={t('operations.fields.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fieldError('title')} data-testid="op-title" />
          <Group grow wrap="wrap">
            <TextInput type="date" label={t('operations.fields.date')} required value={plannedOn} onChange={(e) => setPlannedOn(e.currentTarget.value)} error={fieldError('plannedOn')} data-testid="op-date" />
            <Select label={t('operations.fields.area')} required data={areas.map((a) => ({ value: a.code, label: a.name }))} value={regionCode}
              onChange={(v) => { setRegionCode(v); setDistrict(null); setVillages([]); setLodgingIds([]); }} error={fieldError('regionCode')} />
          </Group>
          <Text fw={600} size="sm">{t('operations.targets')}</Text>
          <MultiSelect label={t('operations.fields.lodgings')} data={(lodgings.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.villageName})` }))}
            value={lodgingIds} onChange={setLodgingIds} searchable clearable error={fieldError('lodgingIds')} data-testid="op-lodgings" />
          <Group grow wrap="wrap" align="flex-start">
            <Select label={t('operations.fields.district')} data={(districts.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))} value={district} onChange={setDistrict} searchable clearable />
            <MultiSelect label={t('operations.fields.villages')} data={(villageList.data?.items ?? []).map((v) => ({ value: v.code, label: v.name }))} value={villages}
              onChange={setVillages} searchable disabled={!district} error={fieldError('villageCodes')} />
          </Group>
          <Text fw={600} size="sm">{t('operations.participants')}</Text>
          <MultiSelect label={t('operations.fields.agencies')} required data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))} value={agencyIds}
            onChange={setAgencyIds} searchable error={fieldError('participants')} data-testid="op-agencies" />
          <MultiSelect label={t('operations.fields.members')} data={members.map(({ value, label }) => ({ value, label }))} value={userIds} onChange={setUserIds} searchable />
          <Textarea label={t('operations.fields.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          <Group justify="flex-end">
            <Button onClick={submit} loading={plan.isPending} disabled={!title.trim() || !regionCode || agencyIds.length === 0} data-testid="op-submit">{t('operations.save')}</Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
