import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../lib/usePageTitle';

function StatusPage({ code, titleKey, bodyKey, testId }: { code: string; titleKey: string; bodyKey: string; testId: string }) {
  const { t } = useTranslation();
  usePageTitle(titleKey);
  return (
    <Center mih="60vh" px="md" data-testid={testId}>
      <Stack align="center" gap="sm" maw={480}>
        <Text fz={72} fw={800} c="dimmed" lh={1}>{code}</Text>
        <Title order={2} ta="center">{t(titleKey)}</Title>
        <Text c="dimmed" ta="center">{t(bodyKey)}</Text>
        <Button component={Link} to="/" variant="light" mt="sm">{t('status.home')}</Button>
      </Stack>
    </Center>
  );
}

export function ForbiddenPage() {
  return <StatusPage code="403" titleKey="status.forbiddenTitle" bodyKey="status.forbiddenBody" testId="forbidden" />;
}

export function NotFoundPage() {
  return <StatusPage code="404" titleKey="status.notFoundTitle" bodyKey="status.notFoundBody" testId="not-found" />;
}

/** For a role with no screen in this version yet (field officer, auditor): say so kindly. */
export function NothingYetPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" px="md" data-testid="nothing-yet">
      <Stack align="center" gap="sm" maw={520}>
        <Title order={2} ta="center">{t('status.nothingYetTitle')}</Title>
        <Text c="dimmed" ta="center">{t('status.nothingYetBody')}</Text>
        <Button component={Link} to="/account" variant="light" mt="sm">{t('nav.accountPage')}</Button>
      </Stack>
    </Center>
  );
}
