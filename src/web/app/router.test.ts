/**
 * The route tree (issue 14 §2): the entry chunk holds only the public routes; the signed-in ones
 * are added on demand — by a URL no public route matches (a deep link, a reload) or by a known
 * session — and then guard and match as before.
 */
import { createMemoryHistory } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import type { Role, User } from '../../shared/wire/auth.ts';
import { authKeys } from '../api/auth.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { createAppRouter } from './router.tsx';

const user = (role: Role): User => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: `${role}.test`,
  name: `Uji ${role}`,
  role,
  provinceCode: '36',
  bodyId: null,
  unitId: null,
  mustChangePassword: false,
  totpEnabled: false,
});

/** A router at `path` for `who` (null: anonymous), after its first load. */
async function openAt(path: string, who: User | null) {
  const queryClient = createQueryClient();
  queryClient.setQueryData(authKeys.me, who);
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: [path] }));
  await router.load();
  return router;
}

const leaf = (router: Awaited<ReturnType<typeof openAt>>) => router.state.matches.at(-1);
const hasRoute = (router: Awaited<ReturnType<typeof openAt>>, id: string) => id in router.routesById;

describe('the route tree', () => {
  it('starts with the public routes only: the start page loads without a signed-in route', async () => {
    const router = await openAt('/', null);
    expect(leaf(router)?.routeId).toBe('/');
    expect(hasRoute(router, '/map')).toBe(true);
    expect(hasRoute(router, '/admin/users')).toBe(false);
  });

  it('a deep link to a signed-in page adds the signed-in routes; anonymous, it asks for a login and comes back', async () => {
    const router = await openAt('/admin/users?x=1', null);
    expect(hasRoute(router, '/admin/users')).toBe(true);
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toEqual({ redirect: '/admin/users?x=1' });
  });

  it('a reload on a signed-in page opens that page for its role, with its search and params', async () => {
    const router = await openAt('/assignments/00000000-0000-4000-8000-0000000000aa/00000000-0000-4000-8000-0000000000bb', user('asisten'));
    expect(leaf(router)?.routeId).toBe('/assignments/$cycleId/$unitId');
    expect(leaf(router)?.status).toBe('success');
    expect(leaf(router)?.params).toEqual({
      cycleId: '00000000-0000-4000-8000-0000000000aa',
      unitId: '00000000-0000-4000-8000-0000000000bb',
    });
    const findings = await openAt('/temuan?cycle=c1&unit=u1', user('koordinator'));
    expect(leaf(findings)?.routeId).toBe('/temuan');
    expect(leaf(findings)?.search).toEqual({ cycle: 'c1', unit: 'u1' });
  });

  it('the role guards still hold: another role gets the no-access error', async () => {
    const router = await openAt('/admin/users', user('asisten'));
    expect(leaf(router)?.routeId).toBe('/admin/users');
    expect(leaf(router)?.status).toBe('error');
    expect(leaf(router)?.error).toMatchObject({ status: 403 });
  });

  it('a path no route has is not found, once the signed-in routes are in', async () => {
    const router = await openAt('/tidak/ada', null);
    expect(hasRoute(router, '/admin')).toBe(true);
    expect(router.state.location.pathname).toBe('/tidak/ada');
    // The root's not-found screen (the router marks the match whose boundary renders it).
    const notFoundAt = (r: typeof router) => r.state.matches.filter((m) => (m as { _notFound?: boolean })._notFound).map((m) => m.routeId);
    expect(notFoundAt(router)).toEqual(['__root__']);
    const signedIn = await openAt('/admin/tidak-ada', user('admin'));
    expect(signedIn.state.location.pathname).toBe('/admin/tidak-ada');
    expect(notFoundAt(signedIn)).toEqual(['__root__']);
  });

  it('after the routes were added by a navigation, the next navigation opens its screen', async () => {
    const router = await openAt('/admin', user('admin'));
    expect(leaf(router)?.routeId).toBe('/admin');
    await router.navigate({ to: '/admin/cycles' });
    expect(leaf(router)?.routeId).toBe('/admin/cycles');
    expect(leaf(router)?.status).toBe('success');
  });

  it('a known session adds the signed-in routes while on a public page', async () => {
    const router = await openAt('/map', user('admin'));
    expect(leaf(router)?.routeId).toBe('/map');
    await expect.poll(() => hasRoute(router, '/admin/cycles')).toBe(true);
  });
});
