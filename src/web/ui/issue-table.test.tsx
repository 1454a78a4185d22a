import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import type { ImportIssue } from '../../shared/wire/transfer.ts';
import { importIssues } from '../api/transfer.ts';
import { changeLanguage, i18n } from '../lib/i18n.ts';
import { ApiError } from '../lib/api.ts';
import { renderWithProviders } from '../test/render.tsx';
import { IssueTable } from './issue-table.tsx';

const issues: ImportIssue[] = [
  {
    sheet: 'Hasil',
    row: 3,
    column: 'B',
    header: 'kode_instansi',
    code: 'body.unknown',
    message: 'Kode instansi "99.99" tidak ada dalam registri.',
    value: '99.99',
  },
  {
    sheet: 'Hasil',
    row: 1204,
    column: 'E',
    header: 'nilai',
    code: 'score.out_of_range',
    message: 'Nilai 120 di luar rentang skema ombudsman-2022 (0–100).',
  },
  {
    sheet: null,
    row: 5,
    column: null,
    header: null,
    code: 'record.rejected',
    message: 'Lembar jawaban ditolak: responden terlalu panjang',
  },
  { sheet: null, row: null, column: null, header: null, code: 'file.empty', message: 'Berkas kosong: tidak ada baris data.' },
];

describe('IssueTable', () => {
  it('lists every issue as sheet · row · column · message, with the count announced', async () => {
    await i18n.loadNamespaces('transfer');
    renderWithProviders(<IssueTable issues={issues} />);
    expect(screen.getByRole('alert').textContent).toContain('4 masalah ditemukan; tidak ada yang disimpan');
    const table = screen.getByTestId('import-issues');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Lembar', 'Baris', 'Kolom', 'Pesan']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['Hasil', '3', 'B (kode_instansi)', 'Kode instansi "99.99" tidak ada dalam registri.'],
      ['Hasil', '1.204', 'E (nilai)', 'Nilai 120 di luar rentang skema ombudsman-2022 (0–100).'],
      ['—', '5', '—', 'Lembar jawaban ditolak: responden terlalu panjang'],
      ['seluruh berkas', '—', '—', 'Berkas kosong: tidak ada baris data.'],
    ]);
    expect(rows[1]!.getAttribute('data-code')).toBe('score.out_of_range');
  });

  it('speaks English with English number formatting', async () => {
    renderWithProviders(<IssueTable issues={issues.slice(1, 2)} />);
    await act(() => changeLanguage('en'));
    expect(screen.getByRole('alert').textContent).toContain('1 problem found; nothing was saved');
    expect(
      within(screen.getByTestId('import-issues'))
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Sheet', 'Row', 'Column', 'Message']);
    expect(screen.getByText('1,204')).toBeTruthy();
    await act(() => changeLanguage('id'));
  });
});

describe('importIssues', () => {
  it('reads the issues of a 422 import.invalid and nothing else', () => {
    expect(importIssues(new ApiError(422, 'import.invalid', 'x', { count: 1, issues: issues.slice(0, 1) }))).toEqual(issues.slice(0, 1));
    expect(importIssues(new ApiError(403, 'auth.forbidden', 'x'))).toBeNull();
    expect(importIssues(new Error('x'))).toBeNull();
  });
});
