import type { ReactNode } from 'react';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import type { Abilities } from '../api/types';
import { useMe } from '../features/auth/useMe';
import { allowedNav } from '../shell/Layout';
import { ForbiddenPage, NothingYetPage } from './StatusPage';

export function FullPageLoader() {
  return (
    <Center mih="60vh">
      <Loader />
    </Center>
  );
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    return (
      <Center mih="60vh" px="md">
        <Stack maw={420}>
          <Alert color="red" title={t('errors.title')}>{(me.error as Error).message}</Alert>
          <Button onClick={() => me.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** Shows the page only when the server grants the ability; otherwise "forbidden". */
export function RequireAbility({ ability, children }: { ability: keyof Abilities; children: ReactNode }) {
  const me = useMe();
  if (!me.data?.abilities[ability]) return <ForbiddenPage />;
  return <>{children}</>;
}

/** The start page follows the role: the first screen the user may open. */
export function HomeRedirect() {
  const me = useMe();
  if (!me.data) return <Navigate to="/login" replace />;
  const items = allowedNav(me.data.abilities);
  // an administrator's work is the administration screens, though it may also look at teams
  const first = (me.data.role === 'admin' ? items.find((i) => i.section === 'admin') : undefined) ?? items[0];
  if (!first) return <NothingYetPage />;
  return <Navigate to={first.to} replace />;
}
