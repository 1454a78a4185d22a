// Issue 13 §5: the asisten's own visit plan on its home — today's and coming visits with each
// unit's state, progress against the plan, and planning its own visit from its assigned units.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { addDays, calendarDay, WIB } from '../../shared/local-time.ts';
import type { VisitList } from '../../shared/wire/visits.ts';
import { renderWithProviders } from '../test/render.tsx';
import { MyVisitsPanel } from './my-visits-panel.tsx';

const C = '00000000-0000-4000-8000-0000000000c1';
const ME = { id: '00000000-0000-4000-8000-000000000001', name: 'Asisten Satu', username: 'asisten1' };
const U1 = '00000000-0000-4000-8000-0000000000a1';
const U2 = '00000000-0000-4000-8000-0000000000a2';
// Days in WIB, the Perwakilan's zone when none is known (as the server counts visits).
const day = (offset: number) => addDays(calendarDay(new Date(), WIB), offset);
const assignment = (unitId: string, name: string) => ({
  cycle: { id: C, name: 'Penilaian 2025', year: 2025, status: 'fieldwork', schemeId: 's' },
  body: { id: 'b1', name: 'Kota Serang', type: 'kota', provinceCode: '36' },
  unit: {
    unitId,
    name,
    sector: 'x',
    status: 'pending',
    assessor: null,
    dueDate: null,
    instruments: [],
    done: 0,
    target: 1,
    complete: false,
    result: null,
  },
});
const plan = (id: string, date: string, state: 'visited' | 'planned' | 'missed', unitId = U1) => ({
  id,
  cycleId: C,
  date,
  provinceCode: '36',
  assessor: ME,
  team: [],
  units: [{ unitId, name: unitId === U1 ? 'Disdukcapil' : 'RSUD', bodyName: 'Kota Serang', status: 'pending' as const, state }],
  note: null,
  visited: state === 'visited' ? 1 : 0,
});
const visits: VisitList = {
  items: [
    plan('00000000-0000-4000-8000-0000000000b1', day(-3), 'missed', U2),
    plan('00000000-0000-4000-8000-0000000000b2', day(0), 'visited'),
    plan('00000000-0000-4000-8000-0000000000b3', day(2), 'planned', U2),
  ],
  progress: { plans: 3, plannedUnits: 3, visited: 1, planned: 1, missed: 1 },
};
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('MyVisitsPanel', () => {
  it("shows today's and coming visits with progress, and plans the asisten's own visit from its assigned units", async () => {
    const posts: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posts.push({ url, body: JSON.parse(String(init.body)) });
        return json(visits.items[2]);
      }
      if (String(url).includes('/assignments/mine')) return json({ items: [assignment(U1, 'Disdukcapil'), assignment(U2, 'RSUD')] });
      return json(visits);
    });
    renderWithProviders(<MyVisitsPanel meId={ME.id} provinceCode={null} />);
    expect((await screen.findByTestId('my-visits-progress')).textContent).toBe(
      '1 dari 3 unit yang direncanakan sudah dikunjungi; 1 terlewat.',
    );
    const cards = screen.getAllByTestId('my-visit');
    // The past day is counted, not listed.
    expect(cards).toHaveLength(2);
    expect(cards[0]!.textContent).toMatch(/^Hari ini, /);
    expect(within(cards[0]!).getByText('Dikunjungi')).toBeTruthy();
    expect(within(cards[1]!).getByText('Direncanakan')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Rencanakan kunjungan' }));
    const form = await screen.findByTestId('own-plan-form');
    fireEvent.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(within(form).getByText('Pilih sedikitnya satu unit.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText(/Tanggal/), { target: { value: day(5) } });
    fireEvent.click(within(form).getAllByLabelText(/Unit yang dikunjungi/)[0]!);
    fireEvent.click(await screen.findByRole('option', { name: 'RSUD · Kota Serang' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(posts).toEqual([{ url: `/api/v1/cycles/${C}/visits`, body: { date: day(5), unitIds: [U2], note: null } }]));
  });

  it("proposes today in the Perwakilan's zone, not the device's: 23.30 WIB is already tomorrow in WITA", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-20T23:30:00+07:00'));
    vi.stubGlobal('fetch', async (url: string) =>
      json(
        String(url).includes('/assignments/mine') ? { items: [assignment(U1, 'Disdukcapil')] } : { items: [], progress: visits.progress },
      ),
    );
    const proposed = async (provinceCode: string) => {
      const view = renderWithProviders(<MyVisitsPanel meId={ME.id} provinceCode={provinceCode} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Rencanakan kunjungan' }));
      const value = (within(await screen.findByTestId('own-plan-form')).getByLabelText(/Tanggal/) as HTMLInputElement).value;
      view.unmount();
      return value;
    };
    expect(await proposed('36')).toBe('2026-12-20'); // Banten, WIB
    expect(await proposed('73')).toBe('2026-12-21'); // Sulawesi Selatan, WITA
  });
});
