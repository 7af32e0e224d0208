import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PasswordCard } from './PasswordCard';
import { SessionsCard } from './SessionsCard';
import { TotpCard } from './TotpCard';
import { useCurrentUser, useZone } from './useMe';
import { usePageTitle } from '../../lib/usePageTitle';

function Info({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text>{value}</Text>
    </div>
  );
}

/** The signed-in user's account: who and where, two-step sign-in (TOTP), sessions and password. */
export function AccountPage() {
  usePageTitle('account.title');
  const { t } = useTranslation();
  const me = useCurrentUser();
  const zone = useZone();
  return (
    <Stack maw={760} mx="auto" gap="md">
      <Title order={2}>{t('account.title')}</Title>
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Info label={t('admin.displayName')} value={me.displayName} />
          <Info label={t('admin.username')} value={me.username} />
          <Info label={t('admin.role')} value={t(`roles.${me.role}`)} />
          {me.agency && <Info label={t('admin.agency')} value={me.agency.name} />}
          {me.reporterOrg && <Info label={t('admin.reporterOrg')} value={me.reporterOrg.name} />}
          {me.area && <Info label={t('admin.areaCode')} value={`${me.area.name} (${me.area.code})`} />}
          {(me.areas ?? []).some((a) => a.code !== me.area?.code) && (
            <Info label={t('account.supervisedAreas')} value={(me.areas ?? []).map((a) => `${a.name} (${a.code})`).join(', ')} />
          )}
          <Info label={t('account.timeZone')} value={`${zone.abbr} (${zone.iana})`} />
        </SimpleGrid>
      </Paper>

      <TotpCard />
      <SessionsCard />
      <PasswordCard />
    </Stack>
  );
}
