import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SightingStatus } from '../../../domain/sightings';

const COLOR: Record<SightingStatus, string> = { new: 'blue', linked: 'teal', case_opened: 'orange', dismissed: 'gray' };

export function StatusBadge({ status }: { status: SightingStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLOR[status]} data-testid="sighting-status" data-status={status}>{t(`sightings.status.${status}`)}</Badge>;
}
