/** Providers every screen relies on: Mantine (theme, persisted colour scheme), notifications, React Query, i18n. */
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { MantineProvider, MantineThemeProvider, localStorageColorSchemeManager } from '@mantine/core';
import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { getMeQueryOptions } from '../api/auth.ts';
import { i18n } from '../lib/i18n.ts';
import { COLOR_SCHEME_STORAGE_KEY, theme } from '../ui/theme.ts';

// Loaded after the first paint: only workflows that confirm an action show notifications.
const NotificationsHost = lazy(() => import('./notifications-host.tsx').then((m) => ({ default: m.NotificationsHost })));

/**
 * Only signed-in workflows show notifications, so the container (~14 KB gzipped) is not
 * downloaded on a public visit (issue 4 §8). It watches the session in the cache without
 * fetching it (the root route does); notifications shown before it mounts still appear.
 */
function SignedInNotifications({ always }: { always: boolean }) {
  const me = useQuery({ ...getMeQueryOptions(), enabled: false });
  if (!always && !me.data) return null;
  return (
    <Suspense fallback={null}>
      <NotificationsHost />
    </Suspense>
  );
}

/**
 * Mantine leaves a dialog's close button unnamed, which axe reports as a serious violation
 * (button-name) on every open Modal: name it once for all of them, in the current language.
 */
function DialogDefaults({ children }: { children: ReactNode }) {
  // Indonesian `ui` is bundled; never suspend the whole app while English loads.
  const { t } = useTranslation('ui', { useSuspense: false });
  const label = t('shell.close_dialog');
  const overrides = useMemo(
    () => ({ components: { Modal: { defaultProps: { closeButtonProps: { 'aria-label': label, title: label } } } } }),
    [label],
  );
  return <MantineThemeProvider theme={overrides}>{children}</MantineThemeProvider>;
}

const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_STORAGE_KEY });

export function Providers({ queryClient, children, env }: { queryClient: QueryClient; children: ReactNode; env?: 'test' }) {
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="light" env={env}>
      <QueryClientProvider client={queryClient}>
        <SignedInNotifications always={env === 'test'} />
        <I18nextProvider i18n={i18n}>
          <DialogDefaults>{children}</DialogDefaults>
        </I18nextProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
