import type { ReactNode } from 'react';
import { Badge, Group, Text, Tooltip, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../domain/access/findings';
import { IconLock } from '../../shell/icons';

/** A muted "withheld" marker for a field the caller's agency does not need to know. */
export function Withheld({ size = 'sm' }: { size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('access.withheldHint')} events={{ hover: true, focus: true, touch: true }} withArrow multiline maw={260}>
      <Text span size={size} c="dimmed" fs="italic" tabIndex={0} aria-label={`${t('access.withheld')}: ${t('access.withheldHint')}`} data-testid="withheld" style={{ cursor: 'help', whiteSpace: 'nowrap' }}>
        <IconLock size={12} style={{ verticalAlign: '-1px', marginRight: 3 }} />{t('access.withheld')}
      </Text>
    </Tooltip>
  );
}

/** The value, or the withheld marker when the server sent null. */
export function OrWithheld({ value, size, children }: { value: unknown; size?: MantineSize; children: ReactNode }) {
  return value === null || value === undefined ? <Withheld size={size} /> : <>{children}</>;
}

const FINDING_COLORS: Record<Finding, string> = {
  passport_expired: 'red', permit_ended: 'red', stay_beyond_permit: 'orange', late_report: 'yellow',
};

/** Findings (facts officers must know) as small coloured badges. */
export function FindingBadges({ findings }: { findings: readonly Finding[] | undefined }) {
  const { t } = useTranslation();
  if (!findings?.length) return null;
  return (
    <Group gap={4} mt={4} wrap="wrap" aria-label={t('findings.title')}>
      {findings.map((f) => (
        <Badge key={f} size="xs" variant="light" color={FINDING_COLORS[f] ?? 'gray'} radius="sm" data-testid={`finding-${f}`} style={{ textTransform: 'none' }}>
          {t(`findings.${f}`)}
        </Badge>
      ))}
    </Group>
  );
}
