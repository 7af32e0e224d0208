import { useMemo } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountries } from '../../api/reference';
import { canonicalCountry, countryEntries, searchCountries } from './countries';

/** The country entries of the reference list, one per state, in the UI's language. */
export function useCountryEntries() {
  const { i18n } = useTranslation();
  const { data } = useCountries();
  const lang = i18n.language.startsWith('en') ? 'en' : 'id';
  return useMemo(() => countryEntries(data ?? [], lang), [data, lang]);
}

/** A searchable country select: "Inggris", "Tiongkok", "Germany", "DEU" all find their state. */
export function CountrySelect({ value, onValue, ...rest }: Omit<SelectProps, 'value' | 'onChange' | 'data' | 'filter'> & { value: string; onValue: (code: string) => void }) {
  const { t } = useTranslation();
  const countries = useCountries();
  const entries = useCountryEntries();
  const data = useMemo(() => entries.map((e) => ({ value: e.code, label: e.label })), [entries]);
  const filter = useMemo(() => ({ search }: { search: string }) => searchCountries(entries, search).map((e) => ({ value: e.code, label: e.label })), [entries]);
  return (
    <Select
      searchable
      clearable
      data={data}
      filter={filter as SelectProps['filter']}
      placeholder={countries.isPending ? t('common.loading') : t('fields.countryPlaceholder')}
      nothingFoundMessage={t('common.nothingFound')}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
      {...rest}
      value={value ? canonicalCountry(value) : null}
      onChange={(v) => onValue(v ?? '')}
    />
  );
}
