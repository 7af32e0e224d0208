import { useCallback, useMemo, useState } from 'react';
import { Alert, Badge, Chip, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useThrottled } from '../../lib/throttled';
import { usePageTitle } from '../../lib/usePageTitle';
import { useCurrentUser } from '../auth/useMe';
import { useLiveEvents } from '../dashboard/useLiveEvents';
import { type MapPlace, PLACE_KINDS, type PlaceKind, useMapConfig, useMapPlaces } from './api';
import { MapCanvas } from './MapCanvas';
import { PlaceDrawer } from './PlaceDrawer';
import { PlaceList } from './PlaceList';

// The supervision map of the officer's area: lodgings, worksites and sightings with the number
// of foreigners there now, live. Without tiles the markers sit on a plain background and the
// list by village is offered; without any coordinates the list is all there is.

/** The places' counts are one query over the whole area: refetched at most this often while reports stream in. */
const PLACES_REFRESH_MS = 2_000;

export default function MapPage() {
  usePageTitle('map.title');
  const { t } = useTranslation();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const [region, setRegion] = useState<string | null>(null);
  const [layers, setLayers] = useState<string[]>([...PLACE_KINDS]);
  const [view, setView] = useState<'map' | 'list' | null>(null);
  const [open, setOpen] = useState<MapPlace | null>(null);
  const config = useMapConfig();
  const places = useMapPlaces(region);
  // the places' counts follow reports, refetched at most every PLACES_REFRESH_MS through a burst
  const refreshPlaces = useThrottled(() => { void qc.invalidateQueries({ queryKey: ['map', 'places'] }); }, PLACES_REFRESH_MS);
  const live = useLiveEvents(refreshPlaces);

  const shown = useMemo(() => (places.data?.places ?? []).filter((p) => layers.includes(p.kind)), [places.data, layers]);
  const pinned = shown.filter((p) => p.lat !== null && p.lng !== null);
  const unpinned = shown.length - pinned.length;
  const hasCoordinates = (places.data?.places ?? []).some((p) => p.lat !== null);
  const tileUrl = config.data?.tileUrl ?? null;
  const mode = !hasCoordinates ? 'list' : (view ?? 'map');
  const label = useCallback((p: MapPlace) => `${p.name}: ${t('map.present', { count: p.count })}`, [t]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('map.title')}</Title>
          <Text size="sm" c="dimmed">{me.area?.name ?? me.areas?.map((a) => a.name).join(', ')}</Text>
        </Stack>
        <Badge color={live.state === 'open' ? 'green' : 'gray'} variant="dot" data-testid="map-live">
          {t(live.state === 'open' ? 'map.live' : 'map.offline')}
        </Badge>
      </Group>
      <Group gap="sm" align="flex-end">
        {(me.areas?.length ?? 0) > 1 && (
          <Select
            label={t('map.region')} value={region} onChange={setRegion} clearable placeholder={t('map.allAreas')} w={220}
            data={(me.areas ?? []).map((a) => ({ value: a.code, label: a.name }))}
          />
        )}
        <Chip.Group multiple value={layers} onChange={setLayers}>
          <Group gap="xs" role="group" aria-label={t('map.layers')}>
            {PLACE_KINDS.map((k: PlaceKind) => (
              <Chip key={k} value={k} size="sm" data-testid={`layer-${k}`}>
                {t(`map.layer.${k}`)} ({places.data?.totals[k] ?? 0})
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {hasCoordinates && (
          <SegmentedControl
            value={mode} onChange={(v) => setView(v as 'map' | 'list')} size="sm"
            data={[{ value: 'map', label: t('map.viewMap') }, { value: 'list', label: t('map.viewList') }]}
          />
        )}
      </Group>
      {places.isLoading && <Loader />}
      {places.error && <Alert color="red">{(places.error as Error).message}</Alert>}
      {places.data && mode === 'map' && (
        <>
          {!tileUrl && <Alert color="gray" data-testid="no-tiles">{t('map.noTiles')}</Alert>}
          {unpinned > 0 && <Text size="sm" c="dimmed">{t('map.unpinned', { count: unpinned })}</Text>}
          <MapCanvas places={pinned} tileUrl={tileUrl} attribution={config.data?.attribution ?? null} label={label} onOpen={setOpen} />
          <Group gap="md">
            {PLACE_KINDS.map((k) => (
              <Group key={k} gap={6}><span className={`sinergi-legend sinergi-legend-${k}`} /><Text size="xs">{t(`map.kind.${k}`)}</Text></Group>
            ))}
            <Group gap={6}><span className="sinergi-legend sinergi-legend-cluster" /><Text size="xs">{t('map.cluster')}</Text></Group>
          </Group>
        </>
      )}
      {places.data && mode === 'list' && (
        <>
          {!hasCoordinates && <Alert color="gray" data-testid="no-coordinates">{t('map.noCoordinates')}</Alert>}
          <PlaceList places={shown} onOpen={setOpen} />
        </>
      )}
      <PlaceDrawer place={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
