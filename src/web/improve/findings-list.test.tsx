import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Action } from '../../shared/wire/actions.ts';
import type { User } from '../../shared/wire/auth.ts';
import type { Finding } from '../../shared/wire/findings.ts';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { FindingList, defaultFindingsCycle, findingsCycles } from './findings-screen.tsx';

const finding = (indicator: string, unitGain: number, governmentGain: number, over: Partial<Finding> = {}): Finding => ({
  id: `00000000-0000-4000-8000-00000000000${indicator.length}`,
  cycleId: '11111111-1111-4111-8111-111111111111',
  bodyId: '22222222-2222-4222-8222-222222222222',
  bodyName: 'Kota Tangerang',
  unitId: '33333333-3333-4333-8333-333333333333',
  unitName: 'Disdukcapil',
  indicator,
  ref: `ombudsman-2024/x/${indicator}`,
  text: { id: `Standar pelayanan ${indicator}`, en: `Service standard ${indicator}` },
  dimension: 'standar',
  levelReached: 2,
  nextLevel: 3,
  nextDescriptor: { id: 'Standar pelayanan ditetapkan dan dipublikasikan', en: 'Service standard set and published' },
  unitGain,
  governmentGain,
  recommendationKind: null,
  recommendation: null,
  recommendedBy: null,
  recommendedAt: null,
  actions: 0,
  verifiedActions: 0,
  resolution: null,
  resolutionNote: null,
  resolvedBy: null,
  resolvedAt: null,
  createdAt: '2026-11-01T00:00:00Z',
  ...over,
});

const user = (role: User['role']): User =>
  ({
    id: 'u',
    username: 'x',
    name: 'X',
    role,
    provinceCode: null,
    bodyId: null,
    unitId: null,
    mustChangePassword: false,
  }) as unknown as User;

const items = [
  finding('SP1', 1.5, 0.2, {
    recommendationKind: 'saran_perbaikan',
    recommendation: 'Umumkan standar pelayanan.',
    actions: 2,
    verifiedActions: 1,
  }),
  finding('SP12', 0.8, 0.4, { levelReached: null }),
  finding('SP123', 0.1, 0.1, { levelReached: 2.5 }),
];

afterEach(() => vi.unstubAllGlobals());

async function renderRouted(ui: ReactNode) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  renderWithProviders(<RouterProvider router={router as never} />);
  await act(() => router.load());
}

describe('FindingList', () => {
  it('shows each finding with level reached → next, its descriptor, both gains, the recommendation and its actions', async () => {
    await i18n.loadNamespaces('improve');
    await renderRouted(<FindingList items={items} user={user('operator')} orderBy="governmentGain" />);
    const rows = within(screen.getByRole('list', { name: 'Daftar temuan' })).getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-finding'))).toEqual(['SP12', 'SP1', 'SP123']);
    expect(rows[2]!.textContent).toContain('Tingkat 2,5 → 3');
    expect(rows[0]!.textContent).toContain('Tingkat belum dijawab → 3');
    expect(rows[0]!.textContent).toContain('Nilai pemerintah +0,40 poin');
    expect(rows[0]!.textContent).toContain('Tingkat 3: Standar pelayanan ditetapkan dan dipublikasikan');
    expect(rows[1]!.textContent).toContain('Tingkat 2 → 3');
    expect(rows[1]!.textContent).toContain('Saran perbaikan PerwakilanUmumkan standar pelayanan.');
    expect(rows[1]!.textContent).toContain('2 tindak lanjut · 1 terverifikasi');
    // Only the koordinator plans.
    expect(screen.queryByRole('button', { name: /Buat rencana aksi/ })).toBeNull();
  });

  it('the koordinator plans an action from a finding: unit, indicator, target level and a title prefilled; sent as a finding action', async () => {
    await i18n.loadNamespaces('improve');
    const sent: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init: RequestInit = {}) => {
        sent.push({ url: String(input), body: JSON.parse(String(init.body ?? 'null')) });
        return new Response(JSON.stringify({ id: 'a' }), { status: 201, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    await renderRouted(<FindingList items={items} user={user('koordinator')} orderBy="unitGain" />);
    fireEvent.click(screen.getByRole('button', { name: 'Buat rencana aksi: SP1 · Disdukcapil' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Dari temuan SP1 · Disdukcapil')).toBeTruthy();
    expect((within(dialog).getByLabelText(/^Tindak lanjut/) as HTMLTextAreaElement).value).toBe(
      'Mencapai tingkat 3 pada SP1: Standar pelayanan SP1',
    );
    // The person in charge is required: nothing is sent without it.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan rencana' }));
    expect(await within(dialog).findByText('Wajib diisi.')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText(/^Penanggung jawab/), { target: { value: 'Kepala Bidang Pelayanan' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan rencana' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.url).toBe('/api/v1/units/33333333-3333-4333-8333-333333333333/actions');
    expect(sent[0]!.body).toMatchObject({
      sourceKind: 'finding',
      findingId: items[0]!.id,
      cycleId: items[0]!.cycleId,
      indicator: 'SP1',
      targetLevel: 3,
      title: 'Mencapai tingkat 3 pada SP1: Standar pelayanan SP1',
      personInCharge: 'Kepala Bidang Pelayanan',
    });
    expect((sent[0]!.body as { dueDate: string }).dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('the asisten marks a finding resolved or not at the next visit (pre-check), with a note', async () => {
    await i18n.loadNamespaces('improve');
    const sent: { url: string; method: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init: RequestInit = {}) => {
        sent.push({ url: String(input), method: init.method ?? 'GET', body: JSON.parse(String(init.body ?? 'null')) });
        return new Response(JSON.stringify(items[0]), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    await renderRouted(<FindingList items={items} user={user('asisten')} orderBy="unitGain" />);
    expect(screen.queryByRole('button', { name: /Buat rencana aksi/ })).toBeNull();
    const row = within(screen.getByRole('list', { name: 'Daftar temuan' })).getAllByRole('listitem')[0]!;
    fireEvent.change(within(row).getByLabelText('Catatan pemeriksaan (opsional): SP1'), {
      target: { value: 'SK belum dipasang di loket' },
    });
    fireEvent.click(within(row).getByRole('button', { name: 'Belum teratasi' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: `/api/v1/findings/${items[0]!.id}`,
      method: 'PATCH',
      body: { resolution: 'unresolved', resolutionNote: 'SK belum dipasang di loket' },
    });
  });

  it('the asisten sees the actions answering a finding with status and evidence, each linked to its page, and no board link', async () => {
    await i18n.loadNamespaces('improve');
    const action = (id: string, status: Action['status'], evidenceCount: number, title: string) =>
      ({ id, findingId: items[0]!.id, status, evidenceCount, title }) as Action;
    const actionsOf = new Map([
      [
        items[0]!.id,
        [
          action('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'verified', 1, 'Menetapkan SK standar pelayanan'),
          action('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'planned', 0, 'Mengumumkan standar pelayanan'),
        ],
      ],
    ]);
    await renderRouted(<FindingList items={items} user={user('asisten')} orderBy="unitGain" actionsOf={actionsOf} />);
    const list = screen.getByRole('list', { name: 'Tindak lanjut temuan: SP1' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      'TerverifikasiMenetapkan SK standar pelayanan1 bukti',
      'DirencanakanMengumumkan standar pelayananbelum ada bukti',
    ]);
    expect(within(rows[0]!).getByRole('link', { name: 'Menetapkan SK standar pelayanan' }).getAttribute('href')).toBe(
      '/tindak-lanjut/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    );
    // The board is not the asisten's: no link to it.
    expect(screen.queryByRole('link', { name: 'Lihat tindak lanjut' })).toBeNull();
    // Findings without actions list none.
    expect(screen.queryByRole('list', { name: 'Tindak lanjut temuan: SP12' })).toBeNull();
  });
});

describe('defaultFindingsCycle', () => {
  it('opens on the newest published Ombudsman cycle, not a newer PEKPPP evaluation of another government', () => {
    const pekppp = { id: 'p', family: 'pekppp' };
    const ombudsman2023 = { id: 'o23', family: 'ombudsman' };
    const ombudsman2022 = { id: 'o22', family: 'ombudsman' };
    expect(defaultFindingsCycle([pekppp, ombudsman2023, ombudsman2022])).toBe('o23');
    expect(defaultFindingsCycle([pekppp])).toBe('p');
    expect(defaultFindingsCycle([])).toBeUndefined();
  });
});

describe('findingsCycles', () => {
  it("offers a government's own users only the cycles it has a published result in; the Perwakilan every one", () => {
    const list = [
      { id: 'cilegon-pekppp', family: 'pekppp' },
      { id: 'o23', family: 'ombudsman' },
      { id: 'o22', family: 'ombudsman' },
    ];
    const own = findingsCycles(list, new Set(['o23', 'o22', 'unlisted']));
    expect(own.map((c) => c.id)).toEqual(['o23', 'o22']);
    expect(defaultFindingsCycle(own)).toBe('o23');
    expect(findingsCycles(list, new Set())).toEqual([]);
    expect(findingsCycles(list, null).map((c) => c.id)).toEqual(['cilegon-pekppp', 'o23', 'o22']);
  });
});
