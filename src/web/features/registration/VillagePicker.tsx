import { useEffect, useState } from 'react';
import { Select, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type RegionOption, useRegionsBelow } from './api';

const ancestor = (code: string, parts: number) => (code.split('.').length >= parts ? code.split('.').slice(0, parts).join('.') : '');
const options = (items: RegionOption[] | undefined) => (items ?? []).map((r) => ({ value: r.code, label: r.name }));

/**
 * The village (desa/kelurahan) chosen by name, province down: nobody registering knows the
 * ten-digit code. Each level loads when the one above is chosen; changing a level clears below.
 */
export function VillagePicker({ value, onChange, error }: { value: string; onChange: (code: string) => void; error?: string }) {
  const { t } = useTranslation();
  const [province, setProvince] = useState(ancestor(value, 1));
  const [regency, setRegency] = useState(ancestor(value, 2));
  const [district, setDistrict] = useState(ancestor(value, 3));
  useEffect(() => {
    if (value) { setProvince(ancestor(value, 1)); setRegency(ancestor(value, 2)); setDistrict(ancestor(value, 3)); }
  }, [value]);
  const provinces = useRegionsBelow(undefined);
  const regencies = useRegionsBelow(province || null);
  const districts = useRegionsBelow(regency || null);
  const villages = useRegionsBelow(district || null);
  const common = { searchable: true, nothingFoundMessage: t('common.nothingFound'), comboboxProps: { withinPortal: true }, allowDeselect: false } as const;
  return (
    <div>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select {...common} label={t('registration.province')} required data={options(provinces.data?.items)} value={province || null}
          onChange={(v) => { setProvince(v ?? ''); setRegency(''); setDistrict(''); onChange(''); }} data-testid="reg-province" />
        <Select {...common} label={t('registration.regency')} required disabled={!province} data={options(regencies.data?.items)} value={regency || null}
          onChange={(v) => { setRegency(v ?? ''); setDistrict(''); onChange(''); }} data-testid="reg-regency" />
        <Select {...common} label={t('registration.district')} required disabled={!regency} data={options(districts.data?.items)} value={district || null}
          onChange={(v) => { setDistrict(v ?? ''); onChange(''); }} data-testid="reg-district" />
        <Select {...common} label={t('registration.village')} required disabled={!district} data={options(villages.data?.items)} value={value || null}
          onChange={(v) => onChange(v ?? '')} error={error} data-testid="reg-village" />
      </SimpleGrid>
      {value && <Text size="xs" c="dimmed" mt={4} ff="monospace" data-testid="reg-village-code">{t('registration.villageCode', { code: value })}</Text>}
    </div>
  );
}
