import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import type { UnitFieldworkFlags } from '../../shared/wire/fieldwork.ts';
import { renderWithProviders } from '../test/render.tsx';
import { FieldworkFlagsPanel } from './fieldwork-flags-panel.tsx';
import { sheetNames } from './review-model.ts';

const C = '00000000-0000-4000-8000-0000000000c1';
const U = '00000000-0000-4000-8000-0000000000a1';
const R1 = '11111111-0000-4000-8000-000000000001';
const R2 = '22222222-0000-4000-8000-000000000002';
const R3 = '33333333-0000-4000-8000-000000000003';

const flag = (recordId: string, code: 'too-short' | 'straight-line') => ({
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
