import { Alert, Anchor, Badge, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCountryNames } from '../../api/reference';
import { formatDate, formatDateTime } from '../../lib/time';
import { useZone } from '../auth/useMe';
import { type MapPlace, usePersonsAtPlace } from './api';

// Who is at one place now (an audited read): names link to the profile, which asks for a purpose.

const PERMIT_COLOR = { valid: 'green', expiring: 'yellow', expired: 'red' } as const;

export function PlaceDrawer({ place, onClose }: { place: MapPlace | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const zone = useZone();
  const country = useCountryNames();
  const persons = usePersonsAtPlace(place);
  const lang = i18n.language;
  const name = (p: { surname: string | null; givenNames: string | null }) =>
    [p.surname, p.givenNames].filter(Boolean).join(', ') || t('map.nameWithheld');
  return (
    <Drawer
      opened={place !== null} onClose={onClose} position={phone ? 'bottom' : 'right'} size={phone ? '75%' : 'md'}
      title={place ? `${place.name} · ${t(`map.kind.${place.kind}`)}` : ''}
    >
      {place && (
        <Stack gap="sm" data-testid="place-persons">
          <Text size="sm" c="dimmed">
            {[place.villageName, place.districtName].filter(Boolean).join(', ')}
            {place.kind === 'worksite' && place.detail && place.detail !== place.name ? ` · ${place.detail}` : ''}
          </Text>
          {persons.isLoading && <Loader size="sm" />}
          {persons.error && <Alert color="red">{(persons.error as Error).message}</Alert>}
          {persons.data && persons.data.items.length === 0 && <Text c="dimmed">{t('map.nobody')}</Text>}
          {persons.data?.items.map((p, i) => (
            <Stack key={p.personId ?? i} gap={2} p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Group justify="space-between" wrap="nowrap">
                {p.personId
                  ? <Anchor component={Link} to={`/persons/${p.personId}`} fw={600}>{name(p)}</Anchor>
                  : <Text fw={600}>{name(p)}</Text>}
                {p.nationality && <Badge variant="light">{country(p.nationality)}</Badge>}
              </Group>
              <Group gap="xs">
                {p.since && (
                  <Text size="xs" c="dimmed">
                    {place.kind === 'sighting' ? t('map.observed', { when: formatDateTime(p.since, zone, lang) }) : t('map.since', { date: formatDate(p.since, lang) })}
                  </Text>
                )}
                {p.room && <Text size="xs" c="dimmed">{t('map.room', { room: p.room })}</Text>}
                {p.permit && (
                  <Badge size="xs" variant="outline" color={p.permit.status ? PERMIT_COLOR[p.permit.status] : 'gray'}>
                    {t(`permitShort.${p.permit.kind}`, { defaultValue: p.permit.kind })}
                    {p.permit.validUntil ? ` · ${formatDate(p.permit.validUntil, lang)}` : ''}
                  </Badge>
                )}
                {p.employment?.position && <Text size="xs">{p.employment.position}</Text>}
              </Group>
              {!p.personId && place.kind === 'sighting' && <Text size="xs" c="dimmed">{t('map.unlinked')}</Text>}
            </Stack>
          ))}
        </Stack>
      )}
    </Drawer>
  );
}
