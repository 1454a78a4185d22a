import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getScheme } from '../../../methodologies/index.ts';
import type { SurveyIn } from '../../shared/wire/surveys.ts';
import { ApiError } from '../lib/api.ts';
import { renderWithProviders } from '../test/render.tsx';
import { SurveySetupForm } from './survey-setup-form.tsx';

const sampling = getScheme('skm-2017')!.sampling!;
const UNIT = '0b6b3f0e-8a51-4b8e-9a53-3f1f8d7c2a10';
// 15 November 2026, 10:00 WIB: the default period is the fourth quarter.
const today = new Date('2026-11-15T03:00:00Z');

function renderForm(onSubmit: (unitId: string, input: SurveyIn) => Promise<unknown>) {
  return renderWithProviders(
    <SurveySetupForm
      units={[{ id: UNIT, name: 'Disdukcapil' }]}
      sampling={sampling}
      offsetMinutes={420}
      today={today}
      onSubmit={onSubmit}
      onCancel={() => {}}
    />,
  );
}

describe('SurveySetupForm', { timeout: 60_000 }, () => {
  it('shows the minimum sample live from the engine as the expected users change', async () => {
    const user = userEvent.setup({ delay: null });
    renderForm(async () => {});
    const sample = await screen.findByTestId('minimum-sample');
    expect(sample.textContent).toBe('Isi perkiraan jumlah pengguna layanan untuk melihat sampel minimum.');
    const users = screen.getByLabelText(/^Perkiraan jumlah pengguna layanan/);
    await user.type(users, '1000');
    expect(sample.textContent).toBe('Sampel minimum (Krejcie–Morgan): 278 responden');
    await user.clear(users);
    await user.type(users, '100');
    expect(sample.textContent).toBe('Sampel minimum (Krejcie–Morgan): 80 responden');
    await user.clear(users);
    await user.type(users, '100000');
    expect(sample.textContent).toBe('Sampel minimum (Krejcie–Morgan): 383 responden');
  });

  it('checks the fields with the wire schema and sends nothing until they pass', async () => {
    const onSubmit = vi.fn(async () => {});
    const user = userEvent.setup({ delay: null });
    renderForm(onSubmit);
    // The default period is the current quarter, its first and last days prefilled.
    expect((screen.getByLabelText(/^Dibuka pada tanggal/) as HTMLInputElement).value).toBe('2026-10-01');
    expect((screen.getByLabelText(/^Ditutup pada tanggal/) as HTMLInputElement).value).toBe('2026-12-31');
    await user.click(screen.getByRole('button', { name: 'Buat survei' }));
    expect(await screen.findByText('Sebutkan minimal satu layanan, satu per baris.')).toBeTruthy();
    expect(screen.getByText('Isi bilangan bulat 1–100.000.000.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(/^Layanan yang disurvei/), 'KTP-el\n  \nKartu Keluarga ');
    await user.type(screen.getByLabelText(/^Perkiraan jumlah pengguna layanan/), '1000');
    fireEvent.change(screen.getByLabelText(/^Ditutup pada tanggal/), { target: { value: '2026-09-30' } });
    await user.click(screen.getByRole('button', { name: 'Buat survei' }));
    expect(await screen.findByText('Tanggal tutup harus sama dengan atau setelah tanggal buka.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText(/^Ditutup pada tanggal/), { target: { value: '2026-12-20' } });
    await user.click(screen.getByRole('button', { name: 'Buat survei' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith(UNIT, {
        kind: 'skm',
        periodKind: 'quarter',
        year: 2026,
        index: 4,
        services: ['KTP-el', 'Kartu Keluarga'],
        expectedUsers: 1000,
        opensAt: '2026-10-01T00:00:00+07:00',
        closesAt: '2026-12-20T23:59:00+07:00',
      }),
    );
  });

  it("shows the server's refusal (worded by the server's catalogue in the UI language) as an alert", async () => {
    const user = userEvent.setup({ delay: null });
    renderForm(async () => {
      throw new ApiError(422, 'survey.dates_invalid', 'Tanggal tutup survei harus setelah tanggal buka.', {});
    });
    await user.type(screen.getByLabelText(/^Layanan yang disurvei/), 'KTP-el');
    await user.type(screen.getByLabelText(/^Perkiraan jumlah pengguna layanan/), '500');
    await user.click(screen.getByRole('button', { name: 'Buat survei' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Survei belum dibuat');
    expect(alert.textContent).toContain('Tanggal tutup survei harus setelah tanggal buka.');
  });
});
