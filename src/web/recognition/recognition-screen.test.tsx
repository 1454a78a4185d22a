// Issue 18: the recognition screen of a publication — unit awards by kind with their piagam link,
// the hand-over line, and for the Perwakilan the hand-over form (a refusal shown as the server's
// translated text) and the award-night pack; a koordinator sees neither form.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import type { User } from '../../shared/wire/auth.ts';
import type { UnitAwards } from '../../shared/wire/recognition.ts';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { RecognitionScreen } from './recognition-screen.tsx';

const PUB = '5f0a3c1e-2b7d-4c8e-9f10-aa11bb22cc33';
const band = { code: 'A', label: { id: 'Kualitas Tertinggi', en: 'Highest quality' }, color: '#1e6b34' };
const gov = { id: 'b1', name: 'Kota Tangerang Selatan', type: 'kota', provinceCode: '36' };
const item = (kind: UnitAwards['items'][number]['kind'], code: string, name: string, rank: number | null, delta: number | null = null) => ({
  kind,
  rank,
  delta,
  unit: { id: `u-${code}`, name, sector: 'adminduk', sectorName: 'Administrasi Kependudukan' },
  body: gov,
  provinceName: 'Banten',
  score: 91.25,
  band,
  previousScore: delta === null ? null : 91.25 - delta,
  code,
  piagamUrl: `/api/v1/publications/${PUB}/unit-awards/${code}/piagam.pdf`,
  verifyUrl: `http://localhost/verifikasi/${code}`,
});
const AWARDS: UnitAwards = {
  publication: {
    id: PUB,
    cycle: { id: 'c23', name: 'Penilaian Kepatuhan 2023', year: 2023, schemeId: 'ombudsman-2023' },
    scope: 'national',
    scopeName: 'Nasional',
    version: 1,
    status: 'current',
    released: true,
    publishedAt: '2024-01-10T03:00:00.000Z',
  },
  topBand: band,
  rules: { topBand: true, topPerSector: 3, mostImproved: 5, assumption: '' },
  items: [
    item('top-band', 'PTU-AAAA-1111', 'Disdukcapil', null),
    item('top-sector', 'PTU-BBBB-2222', 'DPMPTSP', 1),
    item('most-improved', 'PTU-CCCC-3333', 'RSUD', 1, 12.5),
  ],
};
const user = (role: User['role']): User => ({
  id: '00000000-0000-4000-8000-000000000002',
  username: role,
  name: role,
  role,
  provinceCode: role === 'admin' ? null : '36',
  bodyId: role === 'koordinator' ? 'b-other' : null,
  unitId: null,
  mustChangePassword: false,
  totpEnabled: false,
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stub(me: User, put: () => Response) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : null });
    if (url === '/api/v1/auth/session') return json(200, { user: me });
    if (url.endsWith('/unit-awards')) return json(200, AWARDS);
    if (url.endsWith('/handover') && method === 'PUT') return put();
    if (url.endsWith('/handover')) return json(200, { date: '2024-01-24', place: 'Pendopo Gubernur Banten', updatedAt: null });
    if (url.endsWith('/award-night-pack')) return json(500, { error: { code: 'internal', message: 'x' } });
    if (url === `/api/v1/publications/${PUB}`) return json(200, { snapshot: { bodies: [{ id: 'b-other', name: 'Kota Serang' }] } });
    return json(404, { error: { code: 'not_found', message: 'Tidak ditemukan.' } });
  });
  return calls;
}

async function renderScreen() {
  await i18n.loadNamespaces('recognition');
  const root = createRootRoute();
  const route = createRoute({ getParentRoute: () => root, path: '/rekognisi/$publicationId', component: RecognitionScreen });
  const router = createRouter({
    routeTree: root.addChildren([route]),
    history: createMemoryHistory({ initialEntries: [`/rekognisi/${PUB}`] }),
  });
  renderWithProviders(<RouterProvider router={router as never} />);
  await act(() => router.load());
}

afterEach(() => vi.unstubAllGlobals());

describe('RecognitionScreen', () => {
  it('lists the unit awards by kind with the piagam link and the hand-over day in words', async () => {
    stub(user('pimpinan'), () => json(200, {}));
    await renderScreen();
    const top = await screen.findByTestId('unit-awards-top-band');
    expect(within(top).getByText('Disdukcapil')).toBeTruthy();
    expect(within(top).getByRole('link').getAttribute('href')).toBe(
      `/api/v1/publications/${PUB}/unit-awards/PTU-AAAA-1111/piagam.pdf?lang=id`,
    );
    expect(within(screen.getByTestId('unit-awards-top-sector')).getByText('DPMPTSP')).toBeTruthy();
    const improved = screen.getByTestId('unit-awards-most-improved');
    expect(within(improved).getByText('RSUD')).toBeTruthy();
    expect(improved.textContent).toContain('12,50');
    expect((await screen.findByTestId('handover-line')).textContent).toBe('Penyerahan: 24 Januari 2024, Pendopo Gubernur Banten');
  });

  it('the Perwakilan saves the hand-over; a refusal shows the server\u2019s translated text', async () => {
    const refusal = 'Versi 1 sudah digantikan; isi tanggal dan tempat penyerahan pada versi yang berlaku.';
    const calls = stub(user('pimpinan'), () => json(409, { error: { code: 'recognition.handover_superseded', message: refusal } }));
    await renderScreen();
    const place = await screen.findByLabelText(/Tempat penyerahan/);
    await waitFor(() => expect((place as HTMLInputElement).value).toBe('Pendopo Gubernur Banten'));
    await userEvent.clear(place);
    await userEvent.type(place, 'Aula Kantor Gubernur');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan penyerahan' }));
    expect((await screen.findByText(refusal)).getAttribute('role')).toBe('alert');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ date: '2024-01-24', place: 'Aula Kantor Gubernur' });
    expect(screen.getByTestId('award-night-pack')).toBeTruthy();
  });

  it('a koordinator sees the awards but neither the hand-over form nor the pack', async () => {
    stub(user('koordinator'), () => json(200, {}));
    await renderScreen();
    await screen.findByTestId('unit-awards-top-band');
    await screen.findByTestId('handover-line');
    // Signed in (its own government's press-release editor is there), yet no Perwakilan forms.
    await screen.findByTestId('release-editor');
    expect(screen.queryByRole('button', { name: 'Simpan penyerahan' })).toBeNull();
    expect(screen.queryByTestId('award-night-pack')).toBeNull();
  });
});
