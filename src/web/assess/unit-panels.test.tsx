import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getScheme } from '../../../methodologies/index.ts';
import type { Scheme } from '../../core/types.ts';
import type { RecordView } from '../../shared/wire/records.ts';
import { renderWithProviders } from '../test/render.tsx';
import { QuotaPanel } from './quota-panel.tsx';
import { SubmitUnitPanel } from './submit-unit-panel.tsx';
import { quotaRows, submitBlockers } from './unit-model.ts';

const scheme: Scheme = getScheme('ombudsman-2024')!;
const record = (k: number, instrument: string): RecordView => ({
  id: `r${instrument}${k}`,
  cycleId: 'c',
  unitId: 'u',
  instrument,
  respondent: null,
  answers: {},
  remarks: {},
  notes: null,
  capturedAt: '2025-01-01T00:00:00.000Z',
  capturedBy: null,
  latitude: null,
  longitude: null,
  status: 'submitted',
  review: {},
  contentHash: `r${instrument}${k}`,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});
const many = (n: number, instrument: string) => Array.from({ length: n }, (_, k) => record(k, instrument));
const users = scheme.instruments.find((i) => i.code === 'pengguna')!;

describe('QuotaPanel', () => {
  it('shows each instrument against its quota, with the sheets waiting on the device', async () => {
    const onNew = vi.fn();
    const rows = quotaRows(scheme, [...many(27, 'pengguna'), ...many(4, 'pejabat')], [], []);
    rows.find((r) => r.instrument.code === 'pengguna')!.queued = 2;
    renderWithProviders(<QuotaPanel rows={rows} writable onNew={onNew} />);

    expect(screen.getByTestId('quota-count-pengguna').textContent).toBe('27/30');
    expect(within(screen.getByTestId('quota-pengguna')).getByText('2 di antrean kirim')).toBeTruthy();
    expect(within(screen.getByTestId('quota-pejabat')).getByText('Kuota terpenuhi')).toBeTruthy();
    expect(within(screen.getByTestId('quota-pengguna')).queryByText('Kuota terpenuhi')).toBeNull();

    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: `Lembar baru: ${users.title.id}` }));
    expect(onNew).toHaveBeenCalledWith('pengguna');
  });

  it('offers no new sheet when the unit does not accept changes', () => {
    renderWithProviders(<QuotaPanel rows={quotaRows(scheme, [], [], [])} writable={false} onNew={() => {}} />);
    expect(screen.queryAllByRole('button', { name: /Lembar baru/ })).toHaveLength(0);
  });
});

describe('SubmitUnitPanel', () => {
  const ids = { cycleId: 'c', unitId: 'u' };

  it('lists why the unit cannot be handed in yet, in Indonesian, and keeps the button disabled', () => {
    const quotas = quotaRows(scheme, many(27, 'pengguna'), [], []);
    const blockers = submitBlockers({ writable: true, quotas, outbox: 1, drafts: 0, evidence: 0 });
    renderWithProviders(<SubmitUnitPanel ids={ids} unitName="Disdukcapil" status="pending" blockers={blockers} quotas={quotas} />);
    const list = screen.getByTestId('submit-blockers');
    expect(list.textContent).toContain(`${users.title.id} 27 dari minimal 30`);
    expect(list.textContent).toContain('Masih ada lembar di antrean kirim');
    expect((screen.getByRole('button', { name: 'Serahkan unit untuk ditinjau' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('enables handing in when nothing blocks it', () => {
    const quotas = quotaRows(
      scheme,
      scheme.instruments.flatMap((i) => many(i.quota.target, i.code)),
      [],
      [],
    );
    renderWithProviders(
      <SubmitUnitPanel
        ids={ids}
        unitName="Disdukcapil"
        status="returned"
        blockers={submitBlockers({ writable: true, quotas, outbox: 0, drafts: 0, evidence: 0 })}
        quotas={quotas}
      />,
    );
    expect(screen.queryByTestId('submit-blockers')).toBeNull();
    expect((screen.getByRole('button', { name: 'Serahkan unit untuk ditinjau' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says the unit awaits review once handed in', () => {
    renderWithProviders(<SubmitUnitPanel ids={ids} unitName="Disdukcapil" status="submitted" blockers={['locked']} quotas={[]} />);
    expect(screen.getByTestId('unit-handed-in').textContent).toBe('Unit ini sudah diserahkan dan menunggu tinjauan pimpinan.');
    expect(screen.queryByRole('button', { name: 'Serahkan unit untuk ditinjau' })).toBeNull();
  });
});
