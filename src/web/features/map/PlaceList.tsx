import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MapPlace } from './api';

// The fallback without tiles or coordinates, and the phone-friendly view: places by village.

const KIND_COLOR = { lodging: 'blue', worksite: 'orange', sighting: 'grape' } as const;

export function PlaceList({ places, onOpen }: { places: MapPlace[]; onOpen: (place: MapPlace) => void }) {
  const { t } = useTranslation();
  const villages = new Map<string, { title: string; places: MapPlace[] }>();
  for (const p of [...places].sort((a, b) => a.villageCode.localeCompare(b.villageCode) || b.count - a.count || a.name.localeCompare(b.name))) {
    const title = [p.villageName ?? p.villageCode, p.districtName].filter(Boolean).join(', ');
    const entry = villages.get(p.villageCode) ?? { title, places: [] };
    entry.places.push(p);
    villages.set(p.villageCode, entry);
  }
  if (villages.size === 0) return <Text c="dimmed">{t('map.empty')}</Text>;
  return (
    <Stack gap="md" data-testid="place-list">
      {[...villages.entries()].map(([code, v]) => (
        <Card key={code} withBorder padding="sm">
          <Group justify="space-between" mb="xs">
            <Title order={4} size="h5">{v.title}</Title>
            <Badge variant="light" color="gray">{t('map.present', { count: v.places.reduce((n, p) => n + p.count, 0) })}</Badge>
          </Group>
          <Stack gap={6}>
            {v.places.map((p) => (
              <Group key={`${p.kind}-${p.id}`} justify="space-between" wrap="nowrap" data-place={p.id}>
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Badge size="sm" color={KIND_COLOR[p.kind]}>{t(`map.kind.${p.kind}`)}</Badge>
                  <Text size="sm" truncate>{p.name}</Text>
                </Group>
                <Group gap="xs" wrap="nowrap">
                  <Text fw={700} data-count={p.count} className="place-count">{p.count}</Text>
                  <Button size="compact-xs" variant="light" onClick={() => onOpen(p)}>{t('map.who')}</Button>
                </Group>
              </Group>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
