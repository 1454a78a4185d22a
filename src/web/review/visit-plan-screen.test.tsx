// Issue 13 §5, §6: the pimpinan's visit plans — the rule on screen, progress, the month calendar
// with the planned units per day, the list with each unit's state, and the team-lead queue.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LeadQueue, VisitList } from '../../shared/wire/visits.ts';
import { renderWithProviders } from '../test/render.tsx';
import { VisitPlanView } from './visit-plan-screen.tsx';

const C = '00000000-0000-4000-8000-0000000000c1';
const person = (n: number) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, name: `Asisten ${n}`, username: `asisten${n}` });
const unit = (n: number, state: 'visited' | 'planned' | 'missed') => ({
  unitId: `00000000-0000-4000-8000-0000000000a${n}`,
  name: `Disdukcapil ${n}`,
  bodyName: 'Kota Tangerang',
  status: 'pending' as const,
  state,
});
const visits: VisitList = {
  items: [
    {
      id: '00000000-0000-4000-8000-0000000000b1',
      cycleId: C,
      date: '2024-07-01',
      provinceCode: '36',
      assessor: person(1),
      team: [person(2)],
      units: [unit(1, 'visited'), unit(2, 'missed')],
      note: null,
      visited: 1,
    },
    {
      id: '00000000-0000-4000-8000-0000000000b2',
      cycleId: C,
      date: '2024-07-15',
      provinceCode: '36',
      assessor: person(2),
      team: [],
      units: [unit(3, 'planned')],
      note: 'Bawa surat tugas',
      visited: 0,
    },
  ],
  progress: { plans: 2, plannedUnits: 3, visited: 1, planned: 1, missed: 1 },
};
const queue: LeadQueue = {
  items: [
    {
      unitId: unit(4, 'planned').unitId,
      name: 'RSUD Kota',
      bodyName: 'Kota Tangerang',
      provinceCode: '36',
      status: 'submitted',
      assessor: person(1),
      since: '2024-07-02T03:00:00Z',
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('VisitPlanView', () => {
  it('states the rule, counts by state, marks the planned days and lists each unit with its state', async () => {
    stubApi(queue);
    renderWithProviders(<VisitPlanView cycleId={C} />);
    expect((await screen.findByTestId('visit-rule')).textContent).toMatch(/diserahkan/);
    expect(screen.getByTestId('visit-stat-planned').textContent).toContain('3');
    expect(screen.getByTestId('visit-stat-visited').textContent).toContain('1');
    expect(screen.getByTestId('visit-stat-missed').textContent).toContain('1');
    // July 2024: the 1st and the 15th have visits, with visited/planned units.
    expect(screen.getByTestId('visit-day-1').textContent).toContain('1/2 unit');
    expect(screen.getByTestId('visit-day-15').textContent).toContain('0/1 unit');
    expect(screen.queryByTestId('visit-day-2')).toBeNull();
    const list = screen.getByTestId('visit-list');
    expect(within(list).getByText('Tim: Asisten 1, Asisten 2')).toBeTruthy();
    expect(within(list).getAllByText('Terlewat')).toHaveLength(1);
    expect(within(list).getByText('Bawa surat tugas')).toBeTruthy();
    expect((await screen.findByTestId('lead-queue')).textContent).toContain('RSUD Kota');
  });
});

// ── The forms (issue 13 §5, §6): plan / change / remove a visit, a unit's quota, the team-lead level ──

const me = {
  id: '00000000-0000-4000-8000-0000000000f1',
  username: 'pimpinan',
  name: 'Pimpinan',
  role: 'pimpinan',
  provinceCode: '36',
  bodyId: null,
  unitId: null,
  mustChangePassword: false,
  totpEnabled: false,
};
const asisten = [person(1), person(2)].map((p) => ({
  ...p,
  role: 'asisten',
  provinceCode: '36',
  active: true,
  createdAt: '2024-01-01T00:00:00Z',
}));
const progressPage = {
  items: [
    { bodyId: 'b1', name: 'Kota Tangerang', provinceCode: '36', units: [unit(1, 'planned'), unit(3, 'planned')] },
    { bodyId: 'b2', name: 'Kota Bandung', provinceCode: '32', units: [{ ...unit(5, 'planned'), name: 'Dinkes Bandung' }] },
  ],
  total: 2,
  page: 1,
  pageSize: 200,
  instruments: [],
};
const quotas = {
  instruments: [
    { code: 'pengguna', title: { id: 'Pengguna layanan', en: 'Service users' }, target: 10, min: 8, range: { min: 5, max: 10 } },
  ],
  items: [],
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stubApi(leadQueue: LeadQueue = { items: [] }) {
  const writes: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const u = String(url);
    if (method !== 'GET') {
      writes.push({ method, url: u.split('?')[0]!, body: init?.body ? JSON.parse(String(init.body)) : null });
      if (u.endsWith('/quota')) return json({ instrument: 'pengguna', target: 6, min: 6, adjusted: true });
      if (u.endsWith('/team-leads')) return json({ items: [] });
      if (method === 'DELETE') return new Response(null, { status: 204 });
      return json(visits.items[0]);
    }
    if (u === '/api/v1/auth/session') return json({ user: me });
    if (u.startsWith('/api/v1/users')) return json({ items: asisten, total: 2, page: 1, pageSize: 200 });
    if (u.includes('/progress')) return json(progressPage);
    if (u.includes('/unit-quotas')) return json(quotas);
    if (u.includes('/team-leads')) return json({ items: [] });
    if (u.includes('/lead-queue')) return json(leadQueue);
    return json(visits);
  });
  return writes;
}

describe('VisitPlanView forms', () => {
  it('plans a visit for an asisten of the Perwakilan with units of its province only, and says what is missing first', async () => {
    const writes = stubApi();
    renderWithProviders(<VisitPlanView cycleId={C} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Rencanakan kunjungan' }));
    const form = await screen.findByTestId('plan-form');
    fireEvent.click(within(form).getByRole('button', { name: 'Simpan' }));
    expect(within(form).getByText('Isi tanggal kunjungan.')).toBeTruthy();
    expect(within(form).getByText('Pilih sedikitnya satu unit.')).toBeTruthy();
    expect(writes).toEqual([]);
    fireEvent.change(within(form).getByLabelText(/Tanggal/), { target: { value: '2024-07-20' } });
    const owner = within(form).getByLabelText(/Asisten \(pemilik rencana\)/) as HTMLSelectElement;
    await waitFor(() => expect(owner.options.length).toBe(3));
    fireEvent.change(owner, { target: { value: person(2).id } });
    fireEvent.click(within(form).getAllByLabelText(/Unit yang dikunjungi/)[0]!);
    // The combobox's option (the quota form's native select offers the same unit).
    const comboOption = (name: string) => screen.getAllByRole('option', { name }).find((e) => e.hasAttribute('data-combobox-option'));
    await waitFor(() => expect(comboOption('Disdukcapil 1 · Kota Tangerang')).toBeTruthy());
    // Another province's unit is not offered.
    expect(screen.queryByRole('option', { name: /Dinkes Bandung/ })).toBeNull();
    fireEvent.click(comboOption('Disdukcapil 1 · Kota Tangerang')!);
    fireEvent.change(within(form).getByLabelText('Catatan'), { target: { value: ' Bawa surat tugas ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({
      method: 'POST',
      url: `/api/v1/cycles/${C}/visits`,
      body: { date: '2024-07-20', assessorId: person(2).id, teamIds: [], unitIds: [unit(1, 'planned').unitId], note: 'Bawa surat tugas' },
    });
    await waitFor(() => expect(screen.queryByTestId('plan-form')).toBeNull());
  });

  it('changes a plan in place and removes one only after confirming', async () => {
    const writes = stubApi();
    renderWithProviders(<VisitPlanView cycleId={C} />);
    const plans = await screen.findAllByTestId('visit-plan');
    fireEvent.click(within(plans[1]!).getByRole('button', { name: 'Hapus' }));
    expect(writes).toEqual([]);
    fireEvent.click(within(plans[1]!).getByRole('button', { name: 'Ya, hapus rencana ini' }));
    await waitFor(() => expect(writes).toEqual([{ method: 'DELETE', url: `/api/v1/visits/${visits.items[1]!.id}`, body: null }]));
    fireEvent.click(within(screen.getAllByTestId('visit-plan')[0]!).getByRole('button', { name: 'Ubah' }));
    const form = await screen.findByTestId('plan-form');
    expect((within(form).getByLabelText(/Tanggal/) as HTMLInputElement).value).toBe('2024-07-01');
    fireEvent.change(within(form).getByLabelText(/Tanggal/), { target: { value: '2024-07-02' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toMatchObject({
      method: 'PUT',
      url: `/api/v1/visits/${visits.items[0]!.id}`,
      body: {
        date: '2024-07-02',
        assessorId: person(1).id,
        teamIds: [person(2).id],
        unitIds: [unit(1, 'visited').unitId, unit(2, 'missed').unitId],
      },
    });
  });

  it("sets a unit's quota only within the scheme's range and with a reason", async () => {
    const writes = stubApi();
    renderWithProviders(<VisitPlanView cycleId={C} />);
    const panel = await screen.findByTestId('quota-panel');
    const unitSelect = within(panel).getByLabelText('Unit') as HTMLSelectElement;
    await waitFor(() => expect(unitSelect.options.length).toBe(3));
    fireEvent.change(unitSelect, { target: { value: unit(3, 'planned').unitId } });
    fireEvent.change(within(panel).getByLabelText('Instrumen'), { target: { value: 'pengguna' } });
    expect(within(panel).getByText('Rentang 5–10; bawaan 10')).toBeTruthy();
    fireEvent.change(within(panel).getByLabelText('Kuota baru'), { target: { value: '3' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Simpan kuota' }));
    expect(within(panel).getByText('Di luar rentang skema.')).toBeTruthy();
    expect(within(panel).getByText('Tulis alasannya.')).toBeTruthy();
    expect(writes).toEqual([]);
    fireEvent.change(within(panel).getByLabelText('Kuota baru'), { target: { value: '6' } });
    fireEvent.change(within(panel).getByLabelText('Alasan'), { target: { value: 'Unit kecil, pengguna sedikit' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Simpan kuota' }));
    await waitFor(() =>
      expect(writes).toEqual([
        {
          method: 'PUT',
          url: `/api/v1/cycles/${C}/units/${unit(3, 'planned').unitId}/quota`,
          body: { instrument: 'pengguna', target: 6, reason: 'Unit kecil, pengguna sedikit' },
        },
      ]),
    );
    expect((await within(panel).findByRole('status')).textContent).toBe('Kuota disimpan: target 6, minimum 6.');
  });

  it('keeps an out-of-range quota as typed when the field is left, and says it is out of range', async () => {
    const writes = stubApi();
    renderWithProviders(<VisitPlanView cycleId={C} />);
    const panel = await screen.findByTestId('quota-panel');
    fireEvent.change(within(panel).getByLabelText('Instrumen'), { target: { value: 'pengguna' } });
    const field = within(panel).getByLabelText('Kuota baru') as HTMLInputElement;
    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: '99' } });
    fireEvent.blur(field);
    // Not clamped to 10 behind the user's back: the value stays and the range message shows at once.
    expect(field.value).toBe('99');
    expect(within(panel).getByText('Di luar rentang skema.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(field, { target: { value: '7' } });
    fireEvent.blur(field);
    expect(field.value).toBe('7');
    expect(within(panel).queryByText('Di luar rentang skema.')).toBeNull();
    expect(writes).toEqual([]);
  });

  it('switches the team-lead level on with its leads for the own Perwakilan', async () => {
    const writes = stubApi();
    renderWithProviders(<VisitPlanView cycleId={C} />);
    const panel = await screen.findByTestId('team-leads-panel');
    expect(within(panel).getByText(/Tidak aktif/)).toBeTruthy();
    fireEvent.click(within(panel).getByRole('switch', { name: 'Ketua tim meninjau sebelum pimpinan' }));
    expect(within(panel).getByText('Pilih sedikitnya satu ketua tim.')).toBeTruthy();
    fireEvent.click(within(panel).getAllByLabelText('Ketua tim')[0]!);
    fireEvent.click(await screen.findByRole('option', { name: 'Asisten 1 (asisten1)' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Simpan' }));
    await waitFor(() =>
      expect(writes).toEqual([
        { method: 'PUT', url: `/api/v1/cycles/${C}/team-leads`, body: { provinceCode: '36', enabled: true, leadIds: [person(1).id] } },
      ]),
    );
  });
});
