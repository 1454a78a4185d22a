import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { User } from '../../shared/wire/auth.ts';
import type { FieldworkFlagView, UnitFieldworkFlags } from '../../shared/wire/fieldwork.ts';
import { renderWithProviders } from '../test/render.tsx';
import { FieldworkFlagsPanel } from './fieldwork-flags-panel.tsx';
import { sheetNames } from './review-model.ts';

const C = '00000000-0000-4000-8000-0000000000c1';
const U = '00000000-0000-4000-8000-0000000000a1';
const R1 = '11111111-0000-4000-8000-000000000001';
const R2 = '22222222-0000-4000-8000-000000000002';
const R3 = '33333333-0000-4000-8000-000000000003';

const flag = (recordId: string, code: 'too-short' | 'straight-line'): FieldworkFlagView => ({
  recordId,
  unitId: U,
  instrument: 'pengguna',
  code,
  severity: 'warning' as const,
  reason: { id: `alasan ${code}`, en: `reason ${code}` },
  details: {},
  acknowledged: null,
});

afterEach(() => vi.unstubAllGlobals());

describe('sheetNames', () => {
  it('numbers each instrument’s sheets in capture order and keeps the respondent label', () => {
    const names = sheetNames([
      { id: R2, instrument: 'pengguna', respondent: '  ', capturedAt: '2025-02-02T08:00:00.000Z' },
      { id: R1, instrument: 'pengguna', respondent: 'Ibu Sari', capturedAt: '2025-02-01T08:00:00.000Z' },
      { id: R3, instrument: 'pejabat', respondent: null, capturedAt: '2025-01-01T08:00:00.000Z' },
    ]);
    expect(names.get(R1)).toEqual({ respondent: 'Ibu Sari', number: 1 });
    expect(names.get(R2)).toEqual({ respondent: null, number: 2 });
    expect(names.get(R3)).toEqual({ respondent: null, number: 1 });
  });
});

describe('FieldworkFlagsPanel', () => {
  it('names a flagged sheet by its instrument and respondent (or number), never by its id', async () => {
    const body: UnitFieldworkFlags = { items: [flag(R1, 'too-short'), flag(R2, 'straight-line')], open: 2, computedAt: null };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
    const sheets = sheetNames([
      { id: R1, instrument: 'pengguna', respondent: 'Ibu Sari', capturedAt: '2025-02-01T08:00:00.000Z' },
      { id: R2, instrument: 'pengguna', respondent: null, capturedAt: '2025-02-02T08:00:00.000Z' },
    ]);
    renderWithProviders(
      <FieldworkFlagsPanel cycleId={C} unitId={U} canAcknowledge={false} instrumentTitle={() => 'Pengguna layanan'} sheets={sheets} />,
    );
    const cards = await screen.findAllByTestId('fieldwork-sheet');
    expect(cards.map((c) => c.querySelector('p')?.textContent)).toEqual([
      'Pengguna layanan · Responden: Ibu Sari · lembar 1',
      'Pengguna layanan · Lembar 2',
    ]);
    const text = screen.getByTestId('fieldwork-flags').textContent ?? '';
    expect(text).not.toContain(R1.slice(0, 8));
    expect(text).not.toContain(R2.slice(0, 8));
  });
});

const pimpinan: User = {
  id: '00000000-0000-4000-8000-000000000002',
  username: 'pimpinan',
  name: 'Pimpinan',
  role: 'pimpinan',
  provinceCode: '36',
  bodyId: null,
  unitId: null,
  mustChangePassword: false,
  totpEnabled: false,
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
/** Five sheets: four too short (one already acknowledged), one straight-line, one without position. */
const many = (): UnitFieldworkFlags => {
  const ids = [1, 2, 3, 4, 5].map((n) => `00000000-0000-4000-8000-00000000010${n}`);
  const items = [
    ...ids.slice(0, 4).map((id) => flag(id, 'too-short')),
    flag(ids[4]!, 'straight-line'),
    { ...flag(ids[4]!, 'too-short'), code: 'position-missing' as const, severity: 'info' as const },
  ];
  items[0] = { ...items[0]!, acknowledged: { by: 'pimpinan', at: '2025-02-01T08:00:00.000Z', note: 'ok' } };
  return { items, open: 4, computedAt: null };
};

describe('FieldworkFlagsPanel at scale', () => {
  it('opens on counts by rule with the sheets folded, and the pimpinan acknowledges them all with one note', async () => {
    let body = many();
    const posts: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (url === '/api/v1/auth/session') return json({ user: pimpinan });
      if (init?.method === 'POST') {
        posts.push({ url, body: JSON.parse(String(init.body)) });
        body = {
          ...body,
          open: 0,
          items: body.items.map((i) => ({
            ...i,
            acknowledged: i.acknowledged ?? { by: 'pimpinan', at: '2025-02-02T08:00:00.000Z', note: 'Semua dicek' },
          })),
        };
        return json({ unitId: U, sheets: 4, warnings: 4 });
      }
      return json(body);
    });
    renderWithProviders(
      <FieldworkFlagsPanel cycleId={C} unitId={U} canAcknowledge instrumentTitle={() => 'Pengguna layanan'} sheets={new Map()} />,
    );
    const summary = await screen.findByTestId('fieldwork-summary');
    expect([...summary.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Wawancara terlalu singkat: 4 lembar, 3 belum ditanggapi',
      'Jawaban seragam: 1 lembar, 1 belum ditanggapi',
      'Posisi tidak tercatat: 1 lembar (informasi)',
    ]);
    expect(screen.queryAllByTestId('fieldwork-sheet')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('fieldwork-toggle'));
    expect(screen.getAllByTestId('fieldwork-sheet')).toHaveLength(5);
    const button = screen.getByRole('button', { name: 'Akui semua (4)' });
    expect(button.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('Satu catatan untuk semua peringatan unit ini'), { target: { value: ' Semua dicek ' } });
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('4 peringatan pada 4 lembar diakui.'));
    expect(posts).toEqual([{ url: `/api/v1/cycles/${C}/units/${U}/fieldwork-flags/acknowledge-all`, body: { note: 'Semua dicek' } }]);
    await waitFor(() => expect(screen.getByTestId('fieldwork-flags').textContent).toContain('Semua peringatan sudah ditanggapi.'));
  });

  it('offers no acknowledge-all to a reviewer who is not the pimpinan', async () => {
    let sessionRead = false;
    vi.stubGlobal('fetch', async (url: string) => {
      if (url !== '/api/v1/auth/session') return json(many());
      sessionRead = true;
      return json({ user: { ...pimpinan, role: 'koordinator' } });
    });
    renderWithProviders(
      <FieldworkFlagsPanel cycleId={C} unitId={U} canAcknowledge instrumentTitle={() => 'Pengguna layanan'} sheets={new Map()} />,
    );
    await screen.findByTestId('fieldwork-summary');
    await waitFor(() => expect(sessionRead).toBe(true));
    await act(async () => {});
    expect(screen.queryByTestId('fieldwork-ack-all')).toBeNull();
  });
});
