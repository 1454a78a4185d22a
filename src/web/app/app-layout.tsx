/**
 * The shell around every screen: skip link, header (burger on phones, language and colour
 * scheme switches, account and logout), role-aware navbar, offline banner, and the routed screen
 * inside its own error boundary.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Group, Stack, Text, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { changeLanguage } from '../lib/i18n.ts';
import { toLang, ZoneContext, zoneTzOf } from '../lib/format.ts';
import { useOnline } from '../lib/use-online.ts';
import { CloseIcon, MenuIcon, MoonIcon, OfflineIcon, SunIcon } from '../ui/icons.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { NavEntries, PUBLIC_NAV } from './navigation.tsx';

// No Menu/Tooltip here: their floating-UI code would double the weight of every public page.
// Icon buttons carry an aria-label and a title (the native tooltip) instead. The header's
// buttons are UnstyledButton + global.css `.shell-btn` (the look of Mantine's default variant):
// Button/ActionIcon bring Loader and Transition, ~3.5 KB gzipped on every first visit (issue 4 §8);
// the burger is an icon button too.

function LanguageSwitch() {
  const { t, i18n } = useTranslation('ui');
  const other = toLang(i18n.resolvedLanguage) === 'id' ? 'en' : 'id';
  const label = t(`shell.language.switch_to_${other}`);
  // The visible "EN"/"ID" is the accessible name (axe: label-content-name-mismatch); the title describes it.
  return (
    <UnstyledButton className="shell-btn" onClick={() => void changeLanguage(other)} title={label} lang={other}>
      {other.toUpperCase()}
    </UnstyledButton>
  );
}

function ColorSchemeToggle() {
  const { t } = useTranslation('ui');
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  const label = t(`shell.color_scheme.to_${next}`);
  return (
    <UnstyledButton className="shell-btn shell-icon-btn" onClick={() => setColorScheme(next)} aria-label={label} title={label}>
      {computed === 'dark' ? <SunIcon /> : <MoonIcon />}
    </UnstyledButton>
  );
}

// Signed-in users only: their name and the logout button (the logout mutation, the role names).
const Account = lazy(() => import('./logout-button.tsx').then((m) => ({ default: m.Account })));
// Signed-in users only: their role's navigation (signed-in-nav.tsx).
const SignedInNav = lazy(() => import('./signed-in-nav.tsx').then((m) => ({ default: m.SignedInNav })));
// issue 15: after an admin's password reset the account sees only the password change (its own chunk).
const ForcedPasswordScreen = lazy(() => import('../auth/forced-password-screen.tsx').then((m) => ({ default: m.ForcedPasswordScreen })));

function OfflineBanner() {
  const { t } = useTranslation('ui');
  const online = useOnline();
  if (online) return null;
  return (
    <div role="status" className="offline-banner">
      <OfflineIcon />
      <div>
        <Text fw={600} size="sm">
          {t('shell.offline.title')}
        </Text>
        <Text size="sm">{t('shell.offline.body')}</Text>
      </div>
    </div>
  );
}

export function AppLayout() {
  const { t } = useTranslation('ui');
  const [opened, setOpened] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const me = useMe();
  const user = me.data ?? null;
  const navigate = useNavigate();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes whenever the page changes
  useEffect(() => setOpened(false), [pathname]);

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
            <UnstyledButton
              className="shell-btn shell-icon-btn shell-burger"
              onClick={() => setOpened((o) => !o)}
              hiddenFrom="sm"
              aria-label={t('shell.nav.toggle')}
              aria-expanded={opened}
              aria-controls="app-navbar"
            >
              {opened ? <CloseIcon /> : <MenuIcon />}
            </UnstyledButton>
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
              <Suspense fallback={<span className="shell-btn shell-icon-btn" aria-hidden="true" />}>
                <Account user={user} />
              </Suspense>
            ) : (
              pathname !== '/login' && (
                <Link to="/login" className="shell-btn" data-variant="filled">
                  {t('shell.user.login')}
                </Link>
              )
            )}
          </Group>
        </Group>
      </header>
      <nav className="shell-navbar" id="app-navbar" aria-label={t('shell.nav.label')}>
        <Stack gap={4}>
          {user ? (
            <Suspense fallback={null}>
              <SignedInNav user={user} />
            </Suspense>
          ) : (
            <NavEntries items={PUBLIC_NAV} />
          )}
        </Stack>
      </nav>
      <main className="shell-main" id="main-content" tabIndex={-1}>
        <OfflineBanner />
        <PanelBoundary page>
          {user?.mustChangePassword ? (
            <Suspense fallback={null}>
              <ForcedPasswordScreen user={user} onSignedOut={() => void navigate({ to: '/' })} />
            </Suspense>
          ) : (
            <ZoneContext.Provider value={zoneTzOf(user?.provinceCode)}>
              <Outlet />
            </ZoneContext.Provider>
          )}
        </PanelBoundary>
      </main>
    </div>
  );
}
