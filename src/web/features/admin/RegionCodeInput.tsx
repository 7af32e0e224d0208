import { Loader, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isValidRegionCode } from '../../../domain/regions/codes';
import { api, ApiError } from '../../api/client';
import type { Region } from '../../api/types';

/** A region code field that names the region as it is typed: "73.12 → Kabupaten Soppeng, Sulawesi Selatan". */
export function RegionCodeInput({ value, description, ...props }: Omit<TextInputProps, 'value'> & { value: string }) {
  const { t } = useTranslation();
  const [code] = useDebouncedValue(value.trim(), 300);
  const region = useQuery({
    queryKey: ['region', code],
    queryFn: ({ signal }) => api<Region & { ancestors?: Region[] }>(`/api/v1/regions/${encodeURIComponent(code)}`, { signal }),
    enabled: isValidRegionCode(code),
    retry: false,
    staleTime: Infinity,
  });
  let hint = description;
  if (isValidRegionCode(code)) {
    if (region.data) {
      const chain = [region.data, ...[...(region.data.ancestors ?? [])].reverse()].map((r) => r.name).join(', ');
      hint = <Text span size="xs" c="teal.8" data-testid="region-name">{chain} · {region.data.timeZone}</Text>;
    } else if (region.error instanceof ApiError && region.error.status === 404) {
      hint = <Text span size="xs" c="orange.8">{t('admin.regionUnknown')}</Text>;
    }
  }
  return <TextInput {...props} value={value} description={hint} rightSection={region.isFetching ? <Loader size="xs" /> : undefined} />;
}
