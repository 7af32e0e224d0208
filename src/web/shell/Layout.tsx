import { type ReactNode, useEffect } from 'react';
import { AppShell, Avatar, Badge, Burger, Group, Menu, NavLink, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Abilities } from '../api/types';
import { useCurrentUser, useLogout, useZone } from '../features/auth/useMe';
import { startSender } from '../features/offline/queue';
import { RegistrationStatusBanner } from '../features/registration/StatusBanner';
import { ReminderBanner } from '../features/stays/ReminderBanner';
import { IconAlert, IconBuilding, IconCheckIn, IconCompare, IconDashboard, IconFile, IconGlobe, IconGuests, IconHotel, IconKey, IconLogout, IconUsers } from './icons';
import { LanguageSwitch } from './LanguageSwitch';
import { IconBriefcase, IconHome, IconWorkerReport } from '../features/work-reports/icons';
import { Logo } from './Logo';
import { IconSighting, IconSightingList } from '../features/sightings/icons';
import { startSightingSender } from '../features/sightings/queue';
import { IconCase, IconOperation } from '../features/cases/icons';
import { ChannelNavBadge, NotificationBell } from '../features/channel/NotificationBell';
import { IconChat } from '../features/channel/icons';
import { IconPresent, IconSearch } from '../features/present/icons';
import { IconMap } from '../features/map/icons';

export interface NavItem { to: string; labelKey: string; icon: ReactNode; ability: keyof Abilities; section: 'work' | 'admin' }

export const NAV_ITEMS: NavItem[] = [
  { to: '/dashboard', labelKey: 'nav.dashboard', icon: <IconDashboard />, ability: 'viewDashboard', section: 'work' },
  { to: '/peta', labelKey: 'map.nav', icon: <IconMap />, ability: 'viewMap', section: 'work' },
  { to: '/check-in', labelKey: 'nav.checkIn', icon: <IconCheckIn />, ability: 'checkIn', section: 'work' },
  { to: '/work-reports/new', labelKey: 'workReports.nav', icon: <IconWorkerReport />, ability: 'reportWorkers', section: 'work' },
  { to: '/residence-reports/new', labelKey: 'workReports.residenceNav', icon: <IconHome />, ability: 'reportResidence', section: 'work' },
  { to: '/imports', labelKey: 'imports.nav', icon: <IconFile />, ability: 'checkIn', section: 'work' },
  { to: '/stays', labelKey: 'nav.stays', icon: <IconGuests />, ability: 'listStays', section: 'work' },
  { to: '/hadir', labelKey: 'present.nav', icon: <IconPresent />, ability: 'viewPresent', section: 'work' },
  { to: '/cari', labelKey: 'present.searchNav', icon: <IconSearch />, ability: 'searchPersons', section: 'work' },
  { to: '/preregistrations', labelKey: 'prereg.nav', icon: <IconGlobe />, ability: 'preregistration', section: 'work' },
  { to: '/sightings/new', labelKey: 'sightings.nav', icon: <IconSighting />, ability: 'reportSightings', section: 'work' },
  { to: '/sightings', labelKey: 'sightings.triageNav', icon: <IconSightingList />, ability: 'triageSightings', section: 'work' },
  { to: '/alerts', labelKey: 'alerts.nav', icon: <IconAlert />, ability: 'viewAlerts', section: 'work' },
  { to: '/cases', labelKey: 'cases.nav', icon: <IconCase />, ability: 'viewCases', section: 'work' },
  { to: '/operations', labelKey: 'operations.nav', icon: <IconOperation />, ability: 'viewOperations', section: 'work' },
  { to: '/channel', labelKey: 'channel.nav', icon: <IconChat />, ability: 'teamChannel', section: 'work' },
  { to: '/work-reports', labelKey: 'workReports.listNav', icon: <IconBriefcase />, ability: 'listWorkers', section: 'work' },
  { to: '/identity-conflicts', labelKey: 'conflicts.nav', icon: <IconCompare />, ability: 'viewIdentityConflicts', section: 'work' },
  { to: '/kemungkinan-sama', labelKey: 'personLinks.nav', icon: <IconUsers />, ability: 'viewProbableLinks', section: 'work' },
  { to: '/pendaftaran', labelKey: 'registration.nav', icon: <IconHotel />, ability: 'reviewRegistrations', section: 'work' },
  { to: '/tim', labelKey: 'teams.nav', icon: <IconUsers />, ability: 'viewTeams', section: 'work' },
  { to: '/tugas', labelKey: 'teams.tasksNav', icon: <IconCompare />, ability: 'myTasks', section: 'work' },
  { to: '/audit', labelKey: 'nav.audit', icon: <IconFile />, ability: 'viewAudit', section: 'work' },
  { to: '/api-keys', labelKey: 'apikeys.nav', icon: <IconKey />, ability: 'manageApiKeys', section: 'work' },
  { to: '/daftar-pantauan', labelKey: 'watchlists.nav', icon: <IconFile />, ability: 'viewWatchlists', section: 'work' },
  { to: '/admin/agencies', labelKey: 'nav.agencies', icon: <IconBuilding />, ability: 'manageAgencies', section: 'admin' },
  { to: '/admin/reporter-orgs', labelKey: 'nav.reporterOrgs', icon: <IconHotel />, ability: 'manageAgencies', section: 'admin' },
  { to: '/admin/users', labelKey: 'nav.users', icon: <IconUsers />, ability: 'manageUsers', section: 'admin' },
];

export function allowedNav(abilities: Abilities): NavItem[] {
  return NAV_ITEMS.filter((item) => abilities[item.ability]);
}

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('');
}

export function Layout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const zone = useZone();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  // reports queued offline send themselves on whatever page the clerk is, once the signal returns
  useEffect(() => { if (me.role === 'reporter') startSender(me.id); }, [me.id, me.role]);
  // and so do sightings queued on a field officer's phone
  useEffect(() => { if (me.abilities.reportSightings) startSightingSender(me.id); }, [me.id, me.abilities.reportSightings]);
  const items = allowedNav(me.abilities);
  const work = items.filter((i) => i.section === 'work');
  const admin = items.filter((i) => i.section === 'admin');

  const link = (item: NavItem) => (
    <NavLink
      key={item.to}
      component={RouterLink}
      to={item.to}
      label={t(item.labelKey)}
      leftSection={item.icon}
      rightSection={item.to === '/channel' ? <ChannelNavBadge /> : undefined}
      active={location.pathname === item.to || location.pathname.startsWith(item.to + '/')}
      onClick={close}
      data-testid={`nav-${item.to.replace(/^\//, '').replace(/\//g, '-')}`}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
      className="app-shell"
    >
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} data-testid="nav-burger" />
            <UnstyledButton onClick={() => navigate('/')} aria-label={t('app.name')}>
              <Group gap={8} wrap="nowrap">
                <Logo size={30} />
                <Title order={4} visibleFrom="xs">{t('app.name')}</Title>
              </Group>
            </UnstyledButton>
            {me.area && (
              <Badge variant="light" color="blue" visibleFrom="md" data-testid="area-badge">
                {me.area.name} · {zone.abbr}
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell enabled={Boolean(me.abilities.teamChannel)} />
            <LanguageSwitch />
            <Menu position="bottom-end" shadow="md" width={240}>
              <Menu.Target>
                <UnstyledButton aria-label={t('nav.account')} data-testid="user-menu">
                  <Avatar color="blue" radius="xl" size={34}>{initials(me.displayName || me.username)}</Avatar>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <Text size="sm" fw={600} c="var(--mantine-color-text)">{me.displayName}</Text>
                  <Text size="xs" c="dimmed">{me.username} · {t(`roles.${me.role}`)}</Text>
                  {me.agency && <Text size="xs" c="dimmed">{me.agency.name}</Text>}
                  {me.reporterOrg && <Text size="xs" c="dimmed">{me.reporterOrg.name}</Text>}
                </Menu.Label>
                <Menu.Divider />
                <Menu.Item leftSection={<IconUsers size={16} />} onClick={() => navigate('/account')} data-testid="nav-account">
                  {t('nav.accountPage')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={16} />}
                  onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
                  data-testid="logout"
                >
                  {t('nav.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" className="no-print">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {work.map(link)}
            {admin.length > 0 && (
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">{t('nav.administration')}</Text>
            )}
            {admin.map(link)}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap={2} px="sm" py="xs">
            <Text size="xs" c="dimmed" truncate>{me.reporterOrg?.name ?? me.agency?.name ?? t(`roles.${me.role}`)}</Text>
            {me.area && <Text size="xs" c="dimmed" truncate>{me.area.name} ({me.area.code}) · {zone.abbr}</Text>}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <RegistrationStatusBanner />
        {/* a reporter's home screen carries the "to close" reminder; the guest list shows its own */}
        {me.role === 'reporter' && location.pathname !== '/stays' && (
          <div className="no-print" style={{ marginBottom: 'var(--mantine-spacing-md)' }}>
            <ReminderBanner onShow={() => navigate('/stays?tab=toClose')} />
          </div>
        )}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
