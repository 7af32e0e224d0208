import { useEffect, useState } from 'react';
import { Select, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Region } from '../../api/types';

function useRegions(parent: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['regions', parent ?? ''],
    queryFn: ({ signal }) => api<{ items: Region[] }>(`/api/v1/regions${parent ? `?parent=${encodeURIComponent(parent)}` : ''}`, { signal }),
    enabled,
    staleTime: Infinity,
  });
}

const prefix = (code: string, parts: number) => (code ? code.split('.').slice(0, parts).join('.') : '');

/**
 * A village (desa/kelurahan) by province, regency, district and village: official codes, no typing.
 * The value is the village code; the levels above follow it.
 */
export function VillagePicker({ value, onChange, error, testId }: { value: string; onChange: (code: string) => void; error?: string; testId?: string }) {
  const { t } = useTranslation();
  const [province, setProvince] = useState(prefix(value, 1));
  const [regency, setRegency] = useState(prefix(value, 2));
  const [district, setDistrict] = useState(prefix(value, 3));
  useEffect(() => {
    if (!value) return;
    setProvince(prefix(value, 1));
    setRegency(prefix(value, 2));
    setDistrict(prefix(value, 3));
  }, [value]);

  const provinces = useRegions(undefined, true);
  const regencies = useRegions(province, !!province);
  const districts = useRegions(regency, !!regency);
  const villages = useRegions(district, !!district);
  const options = (q: typeof provinces) => (q.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }));
  const common = { searchable: true, nothingFoundMessage: t('common.nothingFound'), maxDropdownHeight: 280, allowDeselect: false } as const;

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-testid={testId}>
      <Select {...common} label={t('workReports.province')} data={options(provinces)} value={province || null}
        onChange={(v) => { setProvince(v ?? ''); setRegency(''); setDistrict(''); onChange(''); }} data-testid={testId && `${testId}-province`} />
      <Select {...common} label={t('workReports.regency')} data={options(regencies)} value={regency || null} disabled={!province}
        onChange={(v) => { setRegency(v ?? ''); setDistrict(''); onChange(''); }} data-testid={testId && `${testId}-regency`} />
      <Select {...common} label={t('workReports.district')} data={options(districts)} value={district || null} disabled={!regency}
        onChange={(v) => { setDistrict(v ?? ''); onChange(''); }} data-testid={testId && `${testId}-district`} />
      <Select {...common} label={t('workReports.village')} required data={options(villages)} value={value || null} disabled={!district}
        error={error} onChange={(v) => onChange(v ?? '')} data-testid={testId && `${testId}-village`} name="worksite.villageCode" />
    </SimpleGrid>
  );
}
