/**
 * The shell around every screen: skip link, header (burger on phones, language and colour
 * scheme switches, account and logout), role-aware navbar, offline banner, and the routed screen
 * inside its own error boundary.
 */
import { useEffect } from 'react';
import {
  ActionIcon,
  Alert,
  Burger,
  Button,
  Group,
  Stack,
  Text,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/use-me.ts';
import { useLogout } from '../auth/use-logout.ts';
import { changeLanguage } from '../lib/i18n.ts';
import { toLang } from '../lib/format.ts';
import { useOnline } from '../lib/use-online.ts';
import type { User } from '../lib/roles.ts';
import { LogoutIcon, MoonIcon, OfflineIcon, SunIcon } from '../ui/icons.tsx';
import { ButtonLink, NavLinkLink } from '../ui/links.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { navItems } from './navigation.ts';

// No Menu/Tooltip here: their floating-UI code would double the weight of every public page.
// Icon buttons carry an aria-label and a title (the native tooltip) instead.

function LanguageSwitch() {
  const { t, i18n } = useTranslation('ui');
  const other = toLang(i18n.resolvedLanguage) === 'id' ? 'en' : 'id';
  const label = t(`shell.language.switch_to_${other}`);
  return (
    <Button variant="default" size="compact-md" h={34} onClick={() => void changeLanguage(other)} aria-label={label} title={label} lang={other}>
      {other.toUpperCase()}
    </Button>
  );
}

function ColorSchemeToggle() {
  const { t } = useTranslation('ui');
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  const label = t(`shell.color_scheme.to_${next}`);
  return (
    <ActionIcon variant="default" size={34} onClick={() => setColorScheme(next)} aria-label={label} title={label}>
      {computed === 'dark' ? <SunIcon /> : <MoonIcon />}
    </ActionIcon>
  );
}

function Account({ user }: { user: User }) {
  const { t } = useTranslation('ui');
  const logout = useLogout();
  const navigate = useNavigate();
  const label = t('shell.user.logout_named', { name: user.name });
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm" visibleFrom="sm" maw={180} truncate title={`${user.name} · ${t(`roles.${user.role}`)}`}>
        {user.name}
      </Text>
      <ActionIcon
        variant="default"
        size={34}
        aria-label={label}
        title={label}
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/' }) })}
      >
        <LogoutIcon size={18} />
      </ActionIcon>
    </Group>
  );
}

function OfflineBanner() {
  const { t } = useTranslation('ui');
  const online = useOnline();
  if (online) return null;
  return (
    <Alert role="status" color="yellow" icon={<OfflineIcon />} mb="md" title={t('shell.offline.title')}>
      {t('shell.offline.body')}
    </Alert>
  );
}

export function AppLayout() {
  const { t } = useTranslation('ui');
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const me = useMe();
  const user = me.data ?? null;

  useEffect(() => close(), [pathname, close]);

  // A fixed header, a navbar that is a sidebar from the `sm` breakpoint and a burger-toggled
  // panel below it, and the main region (global.css `.shell-*`). Hand-built rather than
  // Mantine's AppShell, which with its scroll-lock dependency adds ~10 KB gzipped to every page.
  return (
    <div className="shell" data-nav-open={opened || undefined}>
      <a href="#main-content" className="skip-link">
        {t('shell.skip_link')}
      </a>
      <header className="shell-header">
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.nav.toggle')}
              aria-expanded={opened}
              aria-controls="app-navbar"
            />
            <UnstyledButton component={Link} to="/" className="brand" aria-label={t('shell.brand_home')}>
              <img src="/icon.svg" alt="" width={28} height={28} />
              <Text span fw={700} fz="lg">
                {t('app.name')}
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <ColorSchemeToggle />
            {user ? (
              <Account user={user} />
            ) : (
              pathname !== '/login' && (
                <ButtonLink to="/login" size="compact-md" h={34}>
                  {t('shell.user.login')}
                </ButtonLink>
              )
            )}
          </Group>
        </Group>
      </header>
      <nav className="shell-navbar" id="app-navbar" aria-label={t('shell.nav.label')}>
        <Stack gap={4}>
          {user && (
            <Text size="xs" c="dimmed" px="sm" pb="xs">
              {t(`roles.${user.role}`)}
            </Text>
          )}
          {navItems(user).map((item) => (
            <NavLinkLink key={item.to} to={item.to} activeOptions={{ exact: item.exact ?? false }}>
              {t(item.label)}
            </NavLinkLink>
          ))}
        </Stack>
      </nav>
      <main className="shell-main" id="main-content" tabIndex={-1}>
        <OfflineBanner />
        <PanelBoundary page>
          <Outlet />
        </PanelBoundary>
      </main>
    </div>
  );
}
