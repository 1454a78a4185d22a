/** Browser entry: styles, providers, router, and the one reaction to an expired session. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from '@tanstack/react-router';
import { authKeys, rememberUser } from './api/auth.ts';
import { createQueryClient } from './lib/query-client.ts';
import { Providers } from './ui/providers.tsx';
import { createAppRouter } from './app/router.tsx';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './ui/global.css';

// Zod without its JIT: it would compile parsers with `new Function`, which the CSP forbids (even
// its probe is a reported violation). Zod 4 keeps its configuration on this global — what
// z.config({ jitless: true }) sets — and nothing here has loaded Zod yet: the routes that use it
// are lazy. Setting the global keeps Zod out of the first-visit bundle; e2e/security-headers
// fails if a Zod upgrade moves it.
((globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig ??= {}).jitless = true;

const queryClient = createQueryClient({
  // A request found the session gone: forget the user and ask for a login, then come back here.
  onSessionExpired: () => {
    rememberUser(null);
    queryClient.setQueryData(authKeys.me, null);
    const location = router.state.location;
    if (location.pathname === '/login') return;
    void router.navigate({ to: '/login', search: { redirect: location.href, reason: 'expired' } });
  },
});
const router = createAppRouter(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);

// The offline shell (vite-plugin-pwa's generateSW): registered here, not by an injected script.
void navigator.serviceWorker?.register('/sw.js');
