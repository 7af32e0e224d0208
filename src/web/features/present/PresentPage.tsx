import { Alert, Anchor, Box, Center, Group, Pagination, Paper, SegmentedControl, Select, Skeleton, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PERMIT_KINDS } from '../../../domain/permits/kinds';
import { useCountryNames, useCountryOptions } from '../../api/reference';
import { formatDate } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { useCurrentUser } from '../auth/useMe';
import { useAreaVillages } from '../sightings/api';
import { Withheld } from '../stays/Withheld';
import { PAGE_SIZE, PRESENT_PARAMS, PRESENT_STATUSES, REPORT_KINDS, type PresentParams, type PresentRow, useAreaLodgings, usePresent } from './api';
import { Flags } from './Flags';
import { ExportButton } from '../exports/ExportButton';

// Who is present: everyone present in the officer's area, from every source. The filters live
// in the URL (/hadir?status=overstaying&nationality=GBR), so the dashboard links straight here.

type SortKey = 'name' | 'nationality' | 'lodging' | 'arrival' | 'permitUntil';

function useParamsState() {
  const [search, setSearch] = useSearchParams();
  const params: PresentParams = {};
  for (const key of PRESENT_PARAMS) {
    const v = search.get(key);
    if (v) params[key] = v;
  }
  const set = (changes: PresentParams) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    if (!('page' in changes)) next.delete('page');
    setSearch(next, { replace: true });
  };
  return [params, set] as const;
}

const name = (r: PresentRow) => (r.identity ? `${r.identity.surname}${r.identity.givenNames ? `, ${r.identity.givenNames}` : ''}` : null);

export default function PresentPage() {
  usePageTitle('present.title');
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useCurrentUser();
  const navigate = useNavigate();
  const country = useCountryNames();
  const countryOptions = useCountryOptions();
  const villages = useAreaVillages(me);
  const lodgings = useAreaLodgings();
  const [p, set] = useParamsState();
  const list = usePresent(p);
  const groups = new Set(me.fieldGroups ?? []);
  const page = Number(p.page ?? '1') || 1;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const status = p.status ?? 'present';
  const open = (r: PresentRow) => navigate(`/persons/${r.personId}`);

  // statuses on a field group the actor does not see would only ever be empty
  const statusNeeds: Record<string, string> = { overstaying: 'permit', expiring7: 'permit', expiring30: 'permit', late: 'whereabouts', conflict: 'screening' };
  const statuses = PRESENT_STATUSES.filter((s) => !statusNeeds[s] || groups.has(statusNeeds[s]!)).map((s) => ({ value: s, label: t(`present.status.${s}`) }));

  const sortBy = (key: SortKey) => {
    const current = p.sort ?? 'arrival';
    const dir = current === key ? (p.dir ?? (key === 'arrival' ? 'desc' : 'asc')) === 'asc' ? 'desc' : 'asc' : key === 'arrival' ? 'desc' : 'asc';
    set({ sort: key, dir });
  };
  const Th = ({ k, children }: { k?: SortKey; children: string }) => {
    const active = k && (p.sort ?? 'arrival') === k;
    const arrow = active ? ((p.dir ?? (k === 'arrival' ? 'desc' : 'asc')) === 'asc' ? ' ▲' : ' ▼') : '';
    return (
      <Table.Th aria-sort={active ? ((p.dir ?? (k === 'arrival' ? 'desc' : 'asc')) === 'asc' ? 'ascending' : 'descending') : undefined}>
        {k ? <UnstyledButton fw={700} fz="sm" onClick={() => sortBy(k)} data-testid={`sort-${k}`}>{children}{arrow}</UnstyledButton> : children}
      </Table.Th>
    );
  };
  const permitText = (r: PresentRow) => r.permit
    ? `${t(`permitShort.${r.permit.kind}`, r.permit.kind)}${r.permit.validUntil ? ` · ${t('present.until', { date: formatDate(r.permit.validUntil, lang) })}` : ''}`
    : null;
  const whereText = (r: PresentRow) => r.whereabouts ? `${r.whereabouts.lodging.name}${r.whereabouts.village.name ? ` · ${r.whereabouts.village.name}` : ''}` : null;
  const show = <T,>(v: T | null, render: (v: T) => React.ReactNode) => (v === null ? <Withheld /> : render(v));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('present.title')}</Title>
          <Text c="dimmed" size="sm">{t('present.subtitle', { area: me.area?.name ?? '' })}</Text>
        </div>
        {/* the file holds what this filtered list shows, every page of it */}
        <ExportButton source="present" filter={Object.fromEntries(Object.entries(p).filter(([k, v]) => !['page', 'sort', 'dir'].includes(k) && v !== undefined && v !== ''))} />
      </Group>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Box visibleFrom="md">
            <SegmentedControl value={status} onChange={(v) => set({ status: v === 'present' ? undefined : v })} data={statuses} data-testid="present-status" />
          </Box>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Box hiddenFrom="md" style={{ flex: '1 1 200px' }}>
              <Select label={t('present.statusLabel')} data={statuses} value={status} allowDeselect={false}
                onChange={(v) => set({ status: !v || v === 'present' ? undefined : v })} data-testid="present-status-select" />
            </Box>
            <Select label={t('present.reportKind')} data={REPORT_KINDS.map((k) => ({ value: k, label: t(`workReports.kind.${k}`) }))} value={p.reportKind ?? null} clearable
              onChange={(v) => set({ reportKind: v ?? undefined })} style={{ flex: '1 1 160px' }} data-testid="present-report-kind" />
            {groups.has('identity') && (
              <Select label={t('present.nationality')} data={countryOptions} value={p.nationality ?? null} searchable clearable
                onChange={(v) => set({ nationality: v ?? undefined })} style={{ flex: '1 1 200px' }} data-testid="present-nationality" />
            )}
            {groups.has('permit') && (
              <Select label={t('present.permitKind')} data={PERMIT_KINDS.map((k) => ({ value: k, label: t(`permitShort.${k}`) }))} value={p.permitKind ?? null} clearable
                onChange={(v) => set({ permitKind: v ?? undefined })} style={{ flex: '1 1 160px' }} data-testid="present-permit" />
            )}
            {groups.has('whereabouts') && (
              <>
                <Select label={t('present.lodging')} data={(lodgings.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))} value={p.lodging ?? null}
                  searchable clearable onChange={(v) => set({ lodging: v ?? undefined })} style={{ flex: '1 1 200px' }} data-testid="present-lodging" />
                <Select label={t('present.village')} data={(villages.data ?? []).map((v) => ({ value: v.code, label: v.district ? `${v.name} (${v.district})` : v.name }))}
                  value={p.village ?? null} searchable clearable onChange={(v) => set({ village: v ?? undefined })} style={{ flex: '1 1 200px' }} data-testid="present-village" />
              </>
            )}
          </Group>
        </Stack>
      </Paper>
      {list.isError && <Alert color="red">{(list.error as Error).message}</Alert>}
      {list.isPending && <Skeleton h={240} />}
      {list.data && list.data.items.length === 0 && (
        <Center py="xl" data-testid="present-empty">
          <Stack align="center" gap={4}>
            <Text fw={600}>{t('present.empty')}</Text>
            <Text size="sm" c="dimmed">{t('present.emptyHint')}</Text>
          </Stack>
        </Center>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <Box visibleFrom="sm">
            <Table.ScrollContainer minWidth={860}>
              <Table highlightOnHover striped data-testid="present-table">
                <Table.Thead>
                  <Table.Tr>
                    <Th k="name">{t('present.colName')}</Th>
                    <Th k="nationality">{t('present.nationality')}</Th>
                    <Th>{t('present.colDocument')}</Th>
                    <Th k="lodging">{t('present.colWhere')}</Th>
                    <Th k="arrival">{t('present.colArrival')}</Th>
                    <Th k="permitUntil">{t('present.colPermit')}</Th>
                    <Th>{t('present.colFlags')}</Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((r) => (
                    <Table.Tr key={r.stayId} onClick={() => open(r)} style={{ cursor: 'pointer' }} data-testid="present-row">
                      <Table.Td>{show(name(r), (n) => <Anchor component="button" fw={600} size="sm" ta="left" onClick={() => open(r)}>{n}</Anchor>)}</Table.Td>
                      <Table.Td>{show(r.identity, (i) => country(i.nationality))}</Table.Td>
                      <Table.Td>{show(r.document, (d) => <Text size="sm" ff="monospace">{d.number}</Text>)}</Table.Td>
                      <Table.Td>{show(whereText(r), (w) => w)}</Table.Td>
                      <Table.Td>{show(r.whereabouts, (w) => formatDate(w.arrivalDate, lang))}</Table.Td>
                      <Table.Td>{show(permitText(r), (x) => x)}</Table.Td>
                      <Table.Td><Flags flags={r.flags} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Box>
          <Stack gap="sm" hiddenFrom="sm" data-testid="present-cards">
            <Select label={t('common.sort')} value={`${p.sort ?? 'arrival'}:${p.dir ?? ((p.sort ?? 'arrival') === 'arrival' ? 'desc' : 'asc')}`} allowDeselect={false}
              data={(['arrival:desc', 'arrival:asc', 'name:asc', 'nationality:asc', 'permitUntil:asc', 'lodging:asc'] as const).map((v) => ({ value: v, label: t(`present.sort.${v.replace(':', '_')}`) }))}
              onChange={(v) => { const [sort, dir] = (v ?? 'arrival:desc').split(':'); set({ sort, dir }); }} />
            {list.data.items.map((r) => (
              <Paper key={r.stayId} withBorder p="sm" radius="md" onClick={() => open(r)} style={{ cursor: 'pointer' }} data-testid="present-card">
                <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                  {show(name(r), (n) => <Text fw={700}>{n}</Text>)}
                  {r.identity && <Text size="sm" c="dimmed">{r.identity.nationality}</Text>}
                </Group>
                <Text size="sm">{whereText(r) ?? ''}</Text>
                <Text size="sm" c="dimmed">
                  {r.whereabouts ? t('present.since', { date: formatDate(r.whereabouts.arrivalDate, lang) }) : ''}{permitText(r) ? ` · ${permitText(r)}` : ''}
                </Text>
                <Box mt={4}><Flags flags={r.flags} /></Box>
              </Paper>
            ))}
          </Stack>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed" data-testid="present-total">{t('common.totalRows', { count: list.data.total })}</Text>
            {pages > 1 && <Pagination value={page} onChange={(n) => set({ page: String(n) })} total={pages} size="sm" />}
          </Group>
        </>
      )}
    </Stack>
  );
}
