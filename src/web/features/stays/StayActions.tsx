import { Button, Group, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Stay } from '../../api/types';
import type { ChangeKind } from './lifecycleApi';

export type StayAction = 'checkOut' | ChangeKind;

/**
 * A row's actions: check-out at hand (the common one), the rest in a menu, each shown only
 * when the server's abilities on the stay allow it. History is open to whoever sees the row.
 */
export function StayActions({ stay, onAction }: { stay: Stay; onAction: (stay: Stay, action: StayAction) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const a = stay.abilities ?? { checkOut: false };
  const items: [ChangeKind, boolean][] = [
    ['extension', !!a.change], ['room', !!a.move], ['correction', !!a.correct], ['checkout-cancellation', !!a.reopen], ['cancellation', !!a.cancel],
  ];
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {a.checkOut && stay.present && (
        <Button size="xs" variant="light" onClick={() => onAction(stay, 'checkOut')} data-testid="checkout-open">{t('stays.checkOut')}</Button>
      )}
      <Menu position="bottom-end" shadow="md" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="subtle" px={8} aria-label={t('lifecycle.more')} data-testid="stay-actions">⋯</Button>
        </Menu.Target>
        <Menu.Dropdown>
          {items.filter(([, ok]) => ok).map(([kind]) => (
            <Menu.Item key={kind} color={kind === 'cancellation' ? 'red' : undefined} onClick={() => onAction(stay, kind)} data-testid={`action-${kind}`}>
              {t(`lifecycle.action.${kind}`)}
            </Menu.Item>
          ))}
          <Menu.Item onClick={() => navigate(`/stays/${stay.id}/history`)} data-testid="action-history">{t('lifecycle.action.history')}</Menu.Item>
          <Menu.Item onClick={() => navigate(`/stays/${stay.id}/receipt`)}>{t('lifecycle.action.receipt')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
