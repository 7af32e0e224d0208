import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Center, Group, Pagination, Paper, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCountryNames, useCountryOptions } from '../../api/reference';
import { isValidDate } from '../../../domain/dates';
import { formatDate } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useCurrentUser } from '../auth/useMe';
import { DateField } from '../stays/DateField';
import { Withheld } from '../stays/Withheld';
import { PAGE_SIZE, SEARCH_PARAMS, type SearchParams, useAreaLodgings, usePersonSearch } from './api';

// Person search: a name in any order (with or without diacritics, sound-alike), or a passport
// number; filters and paging in the URL; each hit links to the profile (which asks the purpose).

export default function SearchPage() {
  usePageTitle('present.searchTitle');
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useCurrentUser();
  const country = useCountryNames();
  const countryOptions = useCountryOptions();
  const lodgings = useAreaLodgings();
  const groups = new Set(me.fieldGroups ?? []);
  const [search, setSearch] = useSearchParams();
  const p: SearchParams = {};
  for (const key of SEARCH_PARAMS) { const v = search.get(key); if (v) p[key] = v; }
  const set = (changes: SearchParams) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    if (!('page' in changes)) next.delete('page');
    setSearch(next, { replace: true });
  };
  const [q, setQ] = useState(p.q ?? '');
  const [debounced] = useDebouncedValue(q, 300);
  useEffect(() => { if ((p.q ?? '') !== debounced.trim()) set({ q: debounced.trim() || undefined }); }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  const anything = Object.keys(p).some((k) => k !== 'page' && k !== 'sort');
  const results = usePersonSearch(p, anything);
  const page = Number(p.page ?? '1') || 1;
  const pages = results.data ? Math.max(1, Math.ceil(results.data.total / PAGE_SIZE)) : 1;
  const hint = groups.has('document') ? 'present.searchPlaceholder' : 'present.searchPlaceholderNames';

  return (
    <Stack gap="md" maw={1000}>
      <div>
        <Title order={2}>{t('present.searchTitle')}</Title>
        <Text c="dimmed" size="sm">{t('present.searchSubtitle', { area: me.area?.name ?? '' })}</Text>
      </div>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <TextInput type="search" label={t('common.search')} placeholder={t(hint)} value={q} onChange={(e) => setQ(e.currentTarget.value)}
            autoFocus data-testid="search-q" />
          <Group gap="sm" align="flex-end" wrap="wrap">
            {groups.has('identity') && (
              <Select label={t('present.nationality')} data={countryOptions} value={p.nationality ?? null} searchable clearable
                onChange={(v) => set({ nationality: v ?? undefined })} style={{ flex: '1 1 180px' }} />
            )}
            <Select label={t('present.statusLabel')} value={p.status ?? null} clearable onChange={(v) => set({ status: v ?? undefined })} style={{ flex: '1 1 140px' }}
              data={[{ value: 'present', label: t('present.searchPresent') }, { value: 'departed', label: t('present.searchDeparted') }]} data-testid="search-status" />
            {groups.has('whereabouts') && (
              <>
                <Select label={t('present.lodging')} data={(lodgings.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))} value={p.lodging ?? null}
                  searchable clearable onChange={(v) => set({ lodging: v ?? undefined })} style={{ flex: '1 1 180px' }} />
                <DateFilter label={t('present.from')} value={p.from} onChange={(from) => set({ from })} testId="search-from" />
                <DateFilter label={t('present.to')} value={p.to} onChange={(to) => set({ to })} testId="search-to" />
              </>
            )}
            <Select label={t('common.sort')} value={p.sort ?? (groups.has('identity') ? 'name' : 'lastSeen')} allowDeselect={false} w={170}
              data={[...(groups.has('identity') ? [{ value: 'name', label: t('present.sortName') }] : []), { value: 'lastSeen', label: t('present.sortLastSeen') }]}
              onChange={(v) => set({ sort: v ?? undefined })} />
          </Group>
        </Stack>
      </Paper>
      {!anything && <Text c="dimmed" ta="center" py="lg">{t('present.searchStart')}</Text>}
      {results.isError && <Alert color="red">{(results.error as Error).message}</Alert>}
      {anything && results.isPending && <Skeleton h={200} />}
      {anything && results.data && results.data.items.length === 0 && (
        <Center py="xl" data-testid="search-empty"><Text fw={600}>{t('present.searchEmpty')}</Text></Center>
      )}
      {anything && results.data && results.data.items.length > 0 && (
        <Stack gap="xs" data-testid="search-results">
          {results.data.items.map((h) => (
            <Paper key={h.id} withBorder p="sm" radius="md" data-testid="search-hit">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  {h.surname === null ? <Withheld /> : (
                    <Anchor component={Link} to={`/persons/${h.id}`} fw={700}>{h.surname}{h.givenNames ? `, ${h.givenNames}` : ''}</Anchor>
                  )}
                  <Text size="sm" c="dimmed">
                    {h.nationality ? country(h.nationality) : ''}{h.lastSeen ? `${h.nationality ? ' · ' : ''}${t('present.lastSeen', { date: formatDate(h.lastSeen, lang) })}` : ''}
                  </Text>
                </div>
                <Group gap="xs">
                  <Badge color={h.present ? 'green' : 'gray'} variant="light">{h.present ? t('present.searchPresent') : t('present.searchDeparted')}</Badge>
                  {h.surname === null && <Anchor component={Link} to={`/persons/${h.id}`} size="sm">{t('present.openProfile')}</Anchor>}
                </Group>
              </Group>
            </Paper>
          ))}
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">{t('common.totalRows', { count: results.data.total })}</Text>
            {pages > 1 && <Pagination value={page} onChange={(n) => set({ page: String(n) })} total={pages} size="sm" />}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

/** A date filter typed as dd/mm/yyyy: the URL changes once it is a date (or is emptied), never on half a date. */
function DateFilter({ label, value, onChange, testId }: { label: string; value: string | undefined; onChange: (iso: string | undefined) => void; testId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => { if (value !== undefined || isValidDate(text)) setText(value ?? ''); }, [value]); // eslint-disable-line react-hooks/exhaustive-deps
  const typed = (next: string) => {
    setText(next);
    if (next.trim() === '') onChange(undefined);
    else if (isValidDate(next)) onChange(next);
  };
  const wrong = text.trim().length >= 8 && !isValidDate(text);
  return <DateField label={label} value={text} onValue={typed} error={wrong ? t('validation.date') : undefined} w={160} data-testid={testId} />;
}
