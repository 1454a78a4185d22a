import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { Action, ActionPage } from '../../shared/wire/actions.ts';
import { changeLanguage, i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { ActionBoard, type BoardFilter } from './action-board.tsx';

const action = (id: string, over: Partial<Action>): Action => ({
  id,
  bodyId: 'b1',
  bodyName: 'Kota Tangerang',
  unitId: 'u1',
  unitName: 'Disdukcapil',
  provinceCode: '36',
  sourceKind: 'manual',
  findingId: null,
  surveyId: null,
  unsurCode: null,
  cycleId: null,
  indicator: null,
  title: `Tindak lanjut ${id}`,
  personInCharge: 'Kepala Bidang',
  dueDate: '2026-12-20',
  targetLevel: null,
  notes: null,
  status: 'planned',
  timing: 'on_track',
  daysLeft: 20,
  evidenceCount: 0,
  createdBy: null,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  verifiedBy: null,
  verifiedAt: null,
  ...over,
});

const page: ActionPage = {
  items: [
    action('a', { timing: 'overdue', daysLeft: -3, title: 'Maklumat pelayanan' }),
    action('b', { sourceKind: 'skm', unsurCode: 'U3', status: 'in_progress', timing: 'due_soon', daysLeft: 5 }),
    action('c', {
      sourceKind: 'finding',
      indicator: 'SP1',
      status: 'verified',
      timing: 'closed',
      daysLeft: 2,
      evidenceCount: 2,
      unitName: 'Dinas Kesehatan',
    }),
  ],
  total: 3,
  page: 1,
  pageSize: 50,
  summary: {
    total: 12,
    byStatus: { planned: 5, in_progress: 3, done: 1, verified: 3 },
    byTiming: { on_track: 4, due_soon: 2, overdue: 2, closed: 4 },
  },
};

function setup(filter: BoardFilter = {}, over: Partial<ActionPage> = {}) {
  const onFilter = vi.fn();
  renderWithProviders(
    <ActionBoard
      page={{ ...page, ...over }}
      filter={filter}
      onFilter={onFilter}
      units={[
        { id: 'u1', name: 'Disdukcapil' },
        { id: 'u2', name: 'Dinas Kesehatan' },
      ]}
      link={(a) => <a href={`/tindak-lanjut/${a.id}`}>{a.title}</a>}
    />,
  );
  return onFilter;
}

const counts = (name = 'Jumlah tindak lanjut per status dan ketepatan waktu') =>
  within(screen.getByRole('group', { name }))
    .getAllByRole('button')
    .map((b) => [b.textContent, b.getAttribute('aria-pressed')]);

describe('ActionBoard', () => {
  it('shows the counts of the whole board per status and timing, and each action with its status, timing and source', async () => {
    await i18n.loadNamespaces('improve');
    setup();
    expect(counts()).toEqual([
      ['Semua12', 'true'],
      ['Direncanakan5', 'false'],
      ['Berjalan3', 'false'],
      ['Selesai, menunggu verifikasi1', 'false'],
      ['Terverifikasi3', 'false'],
      ['Lewat tenggat2', 'false'],
      ['Mendekati tenggat2', 'false'],
      ['Sesuai jadwal4', 'false'],
    ]);
    const items = within(screen.getByRole('list', { name: 'Daftar tindak lanjut' })).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]!.textContent).toContain('Maklumat pelayanan');
    expect(items[0]!.textContent).toContain('Lewat tenggat · Terlambat 3 hari');
    expect(items[0]!.textContent).toContain('Tenggat 20 Desember 2026');
    expect(items[1]!.textContent).toContain('Mendekati tenggat · Sisa 5 hari');
    expect(items[1]!.textContent).toContain('Survei Kepuasan Masyarakat · U3');
    // A closed action shows no timing, its evidence count, its indicator.
    expect(items[2]!.textContent).toContain('Terverifikasi');
    expect(items[2]!.textContent).not.toContain('Sisa');
    expect(items[2]!.textContent).toContain('Temuan penilaian · SP1');
    expect(items[2]!.textContent).toContain('2 bukti');
    expect(screen.getByRole('status').textContent).toBe('3 dari 3 tindak lanjut');
  });

  it('filters from a count (pressing it again clears it) and from the selects, keeping the other filters', async () => {
    await i18n.loadNamespaces('improve');
    const onFilter = setup({ unit: 'u1' });
    fireEvent.click(screen.getByRole('button', { name: /^Lewat tenggat/ }));
    expect(onFilter).toHaveBeenLastCalledWith({ unit: 'u1', timing: 'overdue' });
    fireEvent.click(screen.getByRole('button', { name: /^Berjalan/ }));
    expect(onFilter).toHaveBeenLastCalledWith({ unit: 'u1', status: 'in_progress' });
    fireEvent.change(screen.getByLabelText('Unit layanan'), { target: { value: 'u2' } });
    expect(onFilter).toHaveBeenLastCalledWith({ unit: 'u2' });
    fireEvent.change(screen.getByLabelText('Sumber'), { target: { value: 'skm' } });
    expect(onFilter).toHaveBeenLastCalledWith({ unit: 'u1', source: 'skm' });
    fireEvent.click(screen.getByRole('button', { name: 'Hapus saringan' }));
    expect(onFilter).toHaveBeenLastCalledWith({});
  });

  it('marks the chosen count, toggles it off, and says when nothing matches', async () => {
    await i18n.loadNamespaces('improve');
    const onFilter = setup({ timing: 'overdue' }, { items: [], total: 0 });
    expect(screen.getByRole('button', { name: /^Lewat tenggat/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: /^Semua/ }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: /^Lewat tenggat/ }));
    expect(onFilter).toHaveBeenLastCalledWith({ timing: undefined });
    expect(screen.getByRole('status').textContent).toBe('Tidak ada tindak lanjut yang cocok dengan saringan ini.');
  });

  it('speaks English', async () => {
    setup();
    await act(() => changeLanguage('en'));
    expect(counts('Actions per status and timing')[5]![0]).toBe('Overdue2');
    const items = within(screen.getByRole('list', { name: 'Follow-up actions' })).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('Overdue · 3 days late');
    await act(() => changeLanguage('id'));
  });
});
