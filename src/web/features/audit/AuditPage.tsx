import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle';
import { IntegrityTab } from './IntegrityTab';
import { PendingAccountsTab } from './PendingAccountsTab';
import { TrailTab } from './TrailTab';

/** The auditor's screen: who looked at what and why, accounts awaiting approval, chain integrity. */
export default function AuditPage() {
  usePageTitle('audit.title');
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('audit.title')}</Title>
        <Text c="dimmed" size="sm">{t('audit.subtitle')}</Text>
      </div>
      <Tabs defaultValue="trail" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="trail" data-testid="audit-tab-trail">{t('audit.tabTrail')}</Tabs.Tab>
          <Tabs.Tab value="accounts" data-testid="audit-tab-accounts">{t('audit.tabAccounts')}</Tabs.Tab>
          <Tabs.Tab value="integrity" data-testid="audit-tab-integrity">{t('audit.tabIntegrity')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="trail"><TrailTab /></Tabs.Panel>
        <Tabs.Panel value="accounts"><PendingAccountsTab /></Tabs.Panel>
        <Tabs.Panel value="integrity"><IntegrityTab /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
