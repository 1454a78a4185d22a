import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { User } from '../../shared/wire/auth.ts';
import type { BodyWhatIf, TargetPlan, TargetPlanFix, Trend } from '../../shared/wire/scores.ts';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { CycleBodyPicker } from './cycle-body-picker.tsx';
import { PlanView, Planner } from './target-plan-screen.tsx';
import { WhatIfView } from './what-if-screen.tsx';

const UNIT = '33333333-3333-4333-8333-333333333333';
const FINDING = '44444444-4444-4444-8444-444444444444';
const fix = (indicator: string, over: Partial<TargetPlanFix> = {}): TargetPlanFix => ({
  indicator,
  ref: `ombudsman-2024/output/${indicator}`,
  text: { id: `Persepsi pengguna ${indicator}`, en: `User perception ${indicator}` },
  dimension: 'output',
  from: 2,
  to: 3,
  descriptor: { id: 'Pengguna sangat puas', en: 'Users very satisfied' },
  unitGain: 1.616,
  governmentGain: 0.808,
  unit: { id: UNIT, name: 'DPMPTSP', sector: 'perizinan' },
  steps: 1,
  findingId: null,
  ...over,
});

const body = { id: '22222222-2222-4222-8222-222222222222', code: '36.71', name: 'Kota Tangerang', type: 'kota', provinceCode: '36' };
const plan = (over: Partial<TargetPlan> = {}): TargetPlan => ({
  cycle: { id: '11111111-1111-4111-8111-111111111111', name: 'Penilaian 2024', year: 2024, schemeId: 'ombudsman-2024' },
  body,
  scope: 'province',
  group: 'province:36',
  status: 'reachable',
  peersAssumedUnchanged: true,
  cheapest: 'fewest-steps-then-largest-gain',
  current: { score: 83.33, rank: 2, of: 3 },
  target: {
    rank: 1,
    score: 85.52,
    needed: 2.19,
    tiedWith: [{ id: '55555555-5555-4555-8555-555555555555', code: '36.72', name: 'Kota Cilegon', type: 'kota', provinceCode: '36' }],
  },
  fixes: [fix('O1', { findingId: FINDING }), fix('O2'), fix('O3')],
  steps: 3,
  result: { score: 85.76, rank: 1 },
  maximum: { score: 100, rank: 1 },
  peers: 2,
  unpublishedPeers: 1,
  fixable: null,
  ...over,
});

afterEach(() => vi.unstubAllGlobals());

async function renderRouted(ui: ReactNode) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  renderWithProviders(<RouterProvider router={router as never} />);
  await act(() => router.load());
}

describe('PlanView (target planner)', () => {
  it('says the points needed, the fixes with level, descriptor and gains, and the assumption about the peers', async () => {
    await i18n.loadNamespaces('improve');
    await renderRouted(<PlanView plan={plan()} canPlan={false} />);
    expect(screen.getByRole('heading', { name: 'Untuk mencapai peringkat 1 di provinsi perlu +2,19 poin' })).toBeTruthy();
    expect(screen.getByText('83,33 (peringkat 2 dari 3)')).toBeTruthy();
    expect(screen.getByText(/Nilai terendah yang memegang peringkat 1: 85,52 \(Kota Cilegon\)/)).toBeTruthy();
    expect(screen.getByText('85,76 (peringkat 1 dari 3)')).toBeTruthy();
    expect(screen.getByText(/dianggap tetap pada nilai terbitnya/)).toBeTruthy();
    expect(screen.getByText('1 anggota kelompok belum terbit nilainya dan tidak diperhitungkan.')).toBeTruthy();
    const rows = within(screen.getByRole('list', { name: 'Perbaikan indikator' })).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('O1 · Persepsi pengguna O1');
    expect(rows[0]!.textContent).toContain('Tingkat 2 → 3');
    expect(rows[0]!.textContent).toContain('Nilai unit +1,62 poin');
    expect(rows[0]!.textContent).toContain('Nilai pemerintah +0,81 poin');
    expect(rows[0]!.textContent).toContain('Tingkat 3: Pengguna sangat puas');
    // Only the koordinator turns a fix into an action.
    expect(screen.queryByRole('button', { name: /Buat rencana aksi/ })).toBeNull();
  });

  it('says when the rank is out of reach, with the best possible score', async () => {
    await i18n.loadNamespaces('improve');
    await renderRouted(
      <PlanView
        plan={plan({ status: 'unreachable', fixes: [], steps: 0, maximum: { score: 84.74, rank: 2 }, unpublishedPeers: 0 })}
        canPlan
      />,
    );
    expect(
      screen.getByText(/bahkan dengan semua indikator di tingkat tertinggi nilainya paling tinggi 84,74 \(peringkat 2 dari 3\)/),
    ).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Perbaikan indikator' })).toBeNull();
  });

  it('the koordinator turns a fix into a follow-up action on its finding, aiming at the fix’s level', async () => {
    await i18n.loadNamespaces('improve');
    const sent: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init: RequestInit = {}) => {
        sent.push({ url: String(input), body: JSON.parse(String(init.body ?? 'null')) });
        return new Response(JSON.stringify({ id: 'a' }), { status: 201, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    await renderRouted(<PlanView plan={plan()} canPlan />);
    fireEvent.click(screen.getByRole('button', { name: 'Buat rencana aksi: O1 · DPMPTSP' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Penanggung jawab/), { target: { value: 'Kepala DPMPTSP' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan rencana' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.url).toBe(`/api/v1/units/${UNIT}/actions`);
    expect(sent[0]!.body).toMatchObject({
      sourceKind: 'finding',
      findingId: FINDING,
      indicator: 'O1',
      targetLevel: 3,
      title: 'Mencapai tingkat 3 pada O1: Persepsi pengguna O1',
    });
  });

  it('the koordinator plans all fixes at once: one person and due date, one action per fix; a refusal stops and resumes without doubles', async () => {
    await i18n.loadNamespaces(['improve', 'ui']);
    const sent: { url: string; body: Record<string, unknown> }[] = [];
    let refuseNext = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init: RequestInit = {}) => {
        const body = JSON.parse(String(init.body ?? 'null')) as Record<string, unknown>;
        if (body?.indicator === 'O2' && !refuseNext) {
          refuseNext = true;
          return new Response(JSON.stringify({ error: { code: 'action.source_invalid', message: 'x', details: { reason: 'r' } } }), {
            status: 422,
            headers: { 'Content-Type': 'application/json' },
          });
        }
        sent.push({ url: String(input), body });
        return new Response(JSON.stringify({ id: 'a' }), { status: 201, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    await renderRouted(<PlanView plan={plan()} canPlan />);
    fireEvent.click(screen.getByRole('button', { name: 'Rencanakan semua perbaikan (3)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rencanakan 3 perbaikan sekaligus' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan 3 rencana' }));
    expect(await within(dialog).findByText('Wajib diisi.')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText(/^Penanggung jawab/), { target: { value: 'Kepala DPMPTSP' } });
    fireEvent.change(within(dialog).getByLabelText(/^Tenggat/), { target: { value: '2027-06-30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan 3 rencana' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Rencana untuk O2 · DPMPTSP ditolak:');
    expect(sent.map((r) => r.body.indicator)).toEqual(['O1']);
    expect(within(dialog).getByRole('status').textContent).toBe('1 dari 3 rencana tersimpan');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lanjutkan' }));
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(sent.map((r) => r.body.indicator)).toEqual(['O1', 'O2', 'O3']);
    expect(sent[0]!.body).toMatchObject({
      sourceKind: 'finding',
      findingId: FINDING,
      personInCharge: 'Kepala DPMPTSP',
      dueDate: '2027-06-30',
    });
    expect(sent[1]!.body).toMatchObject({ sourceKind: 'manual', indicator: 'O2', targetLevel: 3, cycleId: plan().cycle.id });
    expect(sent[1]!.body.findingId).toBeUndefined();
  });

  it('offers no all-fixes button to the Perwakilan', async () => {
    await i18n.loadNamespaces('improve');
    await renderRouted(<PlanView plan={plan()} canPlan={false} />);
    expect(screen.queryByRole('button', { name: /Rencanakan semua perbaikan/ })).toBeNull();
  });
});

describe('WhatIfView', () => {
  it('shows the score now and under the newer scheme, the change per unit and the indicators the answers do not cover', async () => {
    await i18n.loadNamespaces('improve');
    const band = (code: string) => ({ code, label: { id: code, en: code }, color: '#2f9e44' });
    const data: BodyWhatIf = {
      fromScheme: 'ombudsman-2024',
      toScheme: 'ombudsman-2025',
      from: { score: 83.33, band: band('B'), complete: true, qualifiers: [] },
      to: { score: 58.33, band: band('D'), complete: false, qualifiers: [] },
      delta: -25,
      units: [
        {
          unit: { id: UNIT, name: 'DPMPTSP', sector: 'perizinan' },
          from: { score: 66.67, band: band('C'), complete: true },
          to: { score: 46.67, band: band('E'), complete: false },
          delta: -20,
          unmapped: ['T1', 'T2'],
        },
      ],
    };
    await renderRouted(<WhatIfView data={data} />);
    expect(screen.getByText('Selisih −25,00')).toBeTruthy();
    expect(screen.getByText(/2 indikator \(T1, T2\) belum ada dalam penilaian ini/)).toBeTruthy();
    const row = screen.getByRole('row', { name: /DPMPTSP/ });
    expect(row.textContent).toBe('DPMPTSP66,6746,67−20,00');
  });
});

describe('CycleBodyPicker', () => {
  const asisten = { id: 'a', username: 'a', name: 'A', role: 'asisten', provinceCode: '36', bodyId: null, unitId: null } as unknown as User;

  it("offers only the cycles where the koordinator's government has a published, assessed result, newest first", async () => {
    await i18n.loadNamespaces('improve');
    const band = { code: 'A', label: { id: 'A', en: 'A' }, color: '#2f9e44' };
    const item = (id: string, name: string, year: number, published: boolean, source = 'computed') => ({
      cycle: { id, name, year, schemeId: `ombudsman-${year}`, family: 'ombudsman', status: 'final', published },
      score: 90,
      band,
      complete: true,
      source,
    });
    const trend: Trend = {
      body,
      items: [
        item('10000000-0000-4000-8000-000000000022', 'Hasil 2022 (impor)', 2022, true, 'imported'),
        item('10000000-0000-4000-8000-000000000023', 'Penilaian 2023', 2023, true),
        item('10000000-0000-4000-8000-000000000024', 'Penilaian 2024', 2024, true),
        item('10000000-0000-4000-8000-000000000025', 'Penilaian 2025 (belum terbit)', 2025, false),
      ],
    };
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        urls.push(String(input));
        return new Response(JSON.stringify(trend), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const koordinator = {
      id: 'u',
      username: 'k',
      name: 'K',
      role: 'koordinator',
      provinceCode: '36',
      bodyId: body.id,
      unitId: null,
    } as unknown as User;
    const picked: string[] = [];
    await renderRouted(
      <CycleBodyPicker user={koordinator} cycleId={undefined} bodyId={undefined} onChange={() => {}}>
        {({ cycle, bodyId }) => {
          picked.push(`${cycle.id} ${bodyId}`);
          return <p>{cycle.name}</p>;
        }}
      </CycleBodyPicker>,
    );
    const select = (await screen.findByLabelText('Siklus')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Penilaian 2024', 'Penilaian 2023']);
    expect(urls).toEqual([`/api/v1/bodies/${body.id}/trend`]);
    expect(picked.at(-1)).toBe(`10000000-0000-4000-8000-000000000024 ${body.id}`);
    // The koordinator does not choose a government.
    expect(screen.queryByLabelText('Pemerintah')).toBeNull();
  });

  it('offers an asisten only the governments it assesses, and only the cycles of those assignments', async () => {
    await i18n.loadNamespaces('improve');
    const band = { code: 'A', label: { id: 'A', en: 'A' }, color: '#2f9e44' };
    const item = (id: string, name: string, year: number) => ({
      cycle: { id, name, year, schemeId: `ombudsman-${year}`, family: 'ombudsman', status: 'final', published: true },
      score: 90,
      band,
      complete: true,
      source: 'computed',
    });
    const assignedCycle = '10000000-0000-4000-8000-000000000024';
    const trend: Trend = {
      body,
      items: [item('10000000-0000-4000-8000-000000000023', 'Penilaian 2023', 2023), item(assignedCycle, 'Penilaian 2024', 2024)],
    };
    const assigned = {
      items: [
        { id: body.id, name: 'Kota Tangerang', type: 'kota', provinceCode: '36', cycleIds: [assignedCycle] },
        { id: '33333333-3333-4333-8333-333333333333', name: 'Kota Serang', type: 'kota', provinceCode: '36', cycleIds: [assignedCycle] },
        // A ministry's vertical office it assesses: not a government to plan for here.
        {
          id: '44444444-4444-4444-8444-444444444444',
          name: 'Kepolisian Negara',
          type: 'lembaga',
          provinceCode: null,
          cycleIds: [assignedCycle],
        },
      ],
    };
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        urls.push(String(input));
        return Response.json(String(input).includes('/assignments/mine/bodies') ? assigned : trend);
      }),
    );
    await renderRouted(
      <CycleBodyPicker user={asisten} cycleId={undefined} bodyId={body.id} onChange={() => {}}>
        {({ cycle }) => <p>{cycle.name}</p>}
      </CycleBodyPicker>,
    );
    const bodies = (await screen.findByLabelText(/^Pemerintah/)) as HTMLSelectElement;
    await waitFor(() => expect(bodies.options).toHaveLength(3));
    expect([...bodies.options].map((o) => o.textContent)).toEqual(['Pilih pemerintah', 'Kota Tangerang', 'Kota Serang']);
    expect(screen.getByText('Hanya pemerintah yang unitnya Anda nilai, pada siklus penugasan itu.')).toBeTruthy();
    // Not the province's list of every government.
    expect(urls.some((u) => u.includes('/bodies?'))).toBe(false);
    const cycles = (await screen.findByLabelText('Siklus')) as HTMLSelectElement;
    expect([...cycles.options].map((o) => o.textContent)).toEqual(['Penilaian 2024']);
  });

  it('tells an asisten with no assignment that there is nothing to plan', async () => {
    await i18n.loadNamespaces('improve');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ items: [] })),
    );
    await renderRouted(
      <CycleBodyPicker user={asisten} cycleId={undefined} bodyId={undefined} onChange={() => {}}>
        {() => null}
      </CycleBodyPicker>,
    );
    expect((await screen.findByRole('status')).textContent).toContain('belum ditugaskan menilai');
  });
});

describe('Planner (the rank asked)', () => {
  it('keeps an out-of-range rank as typed when the field is left, says its range, and does not ask for it', async () => {
    await i18n.loadNamespaces(['improve', 'ui']);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(plan()), { status: 200, headers: { 'Content-Type': 'application/json' } })),
    );
    const onAsk = vi.fn();
    const user = { id: 'k', role: 'koordinator' } as User;
    await renderRouted(<Planner user={user} cycleId="c1" bodyId="b1" scope="province" rank={1} onAsk={onAsk} />);
    const field = screen.getByLabelText('Peringkat sasaran') as HTMLInputElement;
    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: '20000' } });
    fireEvent.blur(field);
    // Not clamped to 10000 behind the user's back: the number stays and the range shows at once.
    expect(field.value).toBe('20000');
    expect(screen.getByText('Isi angka 1–10000.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.submit(field.closest('form')!);
    expect(onAsk).not.toHaveBeenCalled();
    fireEvent.change(field, { target: { value: '0' } });
    fireEvent.blur(field);
    expect(field.value).toBe('0');
    expect(screen.getByText('Isi angka 1–10000.')).toBeTruthy();
    fireEvent.change(field, { target: { value: '5' } });
    expect(screen.queryByText('Isi angka 1–10000.')).toBeNull();
    fireEvent.submit(field.closest('form')!);
    expect(onAsk).toHaveBeenCalledWith('province', 5);
  });
});
