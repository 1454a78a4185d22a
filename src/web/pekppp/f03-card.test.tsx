import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import type { Survey, SurveyIn } from '../../shared/wire/surveys.ts';
import { ApiError } from '../lib/api.ts';
import { renderWithProviders } from '../test/render.tsx';
import { F03Card, type F03CardProps, F03Results } from './f03-card.tsx';

const CYCLE = '2a8c5e1f-3b4d-4e6f-8a9b-0c1d2e3f4a5b';
const UNIT = '0b6b3f0e-8a51-4b8e-9a53-3f1f8d7c2a10';
const SURVEY = '5f0a3c1e-2b7d-4c8e-9f10-aa11bb22cc33';
// 15 November 2026, 10:00 WIB.
const today = new Date('2026-11-15T03:00:00Z');

function renderCard(props: Partial<F03CardProps>) {
  const all: F03CardProps = {
    view: { cycleId: CYCLE, unitId: UNIT, year: 2024, f03: null },
    canOpen: true,
    canRead: true,
    offsetMinutes: 420,
    today,
    onOpen: async () => ({}) as Survey,
    ...props,
  };
  const rootRoute = createRootRoute({ component: () => <F03Card {...all} /> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: ['/'] }) });
  return renderWithProviders(<RouterProvider router={router} />);
}

const tx = (id: string, en: string) => ({ id, en });
/** Two accepted respondents: item F03.01 3.5 (n 2), F03.12 unanswered (n 0), the aspects' means. */
const F03 = {
  surveyId: SURVEY,
  accepted: 2,
  flagged: 0,
  target: 20,
  mean: 3.75,
  items: [
    { code: 'F03.01', text: tx('Kemudahan persyaratan pelayanan', 'Ease of service requirements'), mean: 3.5, n: 2, unverified: false },
    { code: 'F03.02', text: tx('Kejelasan prosedur', 'Clear procedure'), mean: 4, n: 2, unverified: false },
    { code: 'F03.12', text: tx('Butir dua belas', 'Item twelve'), mean: null, n: 0, unverified: true },
  ],
  dimensions: [{ code: 'kebijakan', title: tx('Kebijakan Pelayanan', 'Service policy'), mean: 3.75, items: 2 }],
  note: tx(
    'Butir F-03 dilaporkan di samping IPP, tidak dihitung di dalamnya.',
    'F-03 items are reported beside the IPP, not computed in it.',
  ),
};

describe('F03Results (beside the IPP)', { timeout: 60_000 }, () => {
  it('shows the mean per aspect and per item with the library’s note on how F-03 enters the result', async () => {
    renderWithProviders(<F03Results f03={F03} />);
    const card = await screen.findByTestId('pekppp-f03-results');
    expect(within(card).getByRole('heading', { name: 'Hasil kuesioner F-03 (di samping IPP)' })).toBeTruthy();
    expect(within(card).getByTestId('pekppp-f03-note').textContent).toBe(
      'Butir F-03 dilaporkan di samping IPP, tidak dihitung di dalamnya.',
    );
    expect(within(card).getByText('Rata-rata semua butir 3,75 dari 5, dari 2 responden diterima.')).toBeTruthy();
    const aspects = within(within(card).getByTestId('pekppp-f03-aspects')).getAllByRole('row').slice(1);
    expect(aspects.map((r) => r.textContent)).toEqual(['Kebijakan Pelayanan (2 butir)3,75']);
    const items = within(within(card).getByTestId('pekppp-f03-items')).getAllByRole('row').slice(1);
    expect(items.map((r) => r.textContent)).toEqual([
      'F03.01 Kemudahan persyaratan pelayanan3,502',
      'F03.02 Kejelasan prosedur4,002',
      'F03.12 Butir dua belas (belum terverifikasi)–0',
    ]);
  });
});

describe('F03Card (PEKPPP unit view)', { timeout: 60_000 }, () => {
  it('shows the accepted responses against the locus quota and links to the survey page', async () => {
    renderCard({ view: { cycleId: CYCLE, unitId: UNIT, year: 2024, f03: { ...F03, accepted: 1234, flagged: 3 } } });
    const card = await screen.findByTestId('pekppp-f03');
    expect(within(card).getByText('Diterima 1.234/20 responden · ditandai 3')).toBeTruthy();
    expect(within(card).getByTestId('pekppp-f03-mean').textContent).toBe('Rata-rata semua butir: 3,75 (skala 0–5)');
    expect(within(card).getByRole('progressbar', { name: 'Jawaban diterima terhadap kuota lokus (20 responden)' })).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Tautan, kode QR dan jawaban F-03' }).getAttribute('href')).toBe(`/survei/${SURVEY}`);
    // Already open: nothing to open again.
    expect(within(card).queryByRole('button', { name: 'Buka kuesioner F-03' })).toBeNull();
  });

  it('offers no opening to a reader who cannot manage surveys, and no survey page to one who cannot read them', async () => {
    renderCard({ canOpen: false, canRead: false });
    const card = await screen.findByTestId('pekppp-f03');
    expect(within(card).getByText('Belum ada survei F-03 untuk siklus ini.')).toBeTruthy();
    expect(within(card).queryByRole('button')).toBeNull();
    expect(within(card).queryByRole('link')).toBeNull();
  });

  it("opens the cycle's F-03 for the unit: checked with the wire schema, sent as one survey over the cycle's year", async () => {
    const onOpen = vi.fn(async (_input: SurveyIn) => ({}) as Survey);
    const user = userEvent.setup({ delay: null });
    renderCard({ onOpen });
    await user.click(await screen.findByRole('button', { name: 'Buka kuesioner F-03' }));
    const form = screen.getByRole('form', { name: 'Buka kuesioner F-03' });
    // Opens today and closes 30 days later, in the body's zone.
    expect((within(form).getByLabelText(/^Dibuka pada tanggal/) as HTMLInputElement).value).toBe('2026-11-15');
    expect((within(form).getByLabelText(/^Ditutup pada tanggal/) as HTMLInputElement).value).toBe('2026-12-15');

    await user.click(within(form).getByRole('button', { name: 'Buka kuesioner' }));
    expect(await within(form).findByText('Sebutkan minimal satu layanan, satu per baris.')).toBeTruthy();
    expect(within(form).getByText('Isi bilangan bulat positif.')).toBeTruthy();
    expect(onOpen).not.toHaveBeenCalled();

    await user.type(within(form).getByLabelText(/^Layanan yang disurvei/), 'Perizinan\n\n Izin usaha ');
    await user.type(within(form).getByLabelText(/^Perkiraan jumlah pengguna layanan/), '1500');
    fireEvent.change(within(form).getByLabelText(/^Ditutup pada tanggal/), { target: { value: '2026-11-01' } });
    await user.click(within(form).getByRole('button', { name: 'Buka kuesioner' }));
    expect(await within(form).findByText('Tanggal tutup harus sama dengan atau setelah tanggal buka.')).toBeTruthy();
    expect(onOpen).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByLabelText(/^Ditutup pada tanggal/), { target: { value: '2026-12-31' } });
    await user.click(within(form).getByRole('button', { name: 'Buka kuesioner' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledTimes(1));
    expect(onOpen.mock.calls[0]![0]).toEqual({
      kind: 'f03',
      cycleId: CYCLE,
      periodKind: 'year',
      year: 2024,
      index: 1,
      services: ['Perizinan', 'Izin usaha'],
      expectedUsers: 1500,
      opensAt: '2026-11-15T00:00:00+07:00',
      closesAt: '2026-12-31T23:59:00+07:00',
    });
  });

  it("shows the server's refusal translated and keeps the form", async () => {
    const onOpen = vi.fn(async (_input: SurveyIn): Promise<Survey> => {
      // The server's message comes in the caller's language (Accept-Language).
      throw new ApiError(422, 'survey.cycle_invalid', 'F-03 memerlukan siklus PEKPPP yang mencakup unit ini.', {});
    });
    const user = userEvent.setup({ delay: null });
    renderCard({ onOpen, offsetMinutes: 480 });
    await user.click(await screen.findByRole('button', { name: 'Buka kuesioner F-03' }));
    const form = screen.getByRole('form', { name: 'Buka kuesioner F-03' });
    await user.type(within(form).getByLabelText(/^Layanan yang disurvei/), 'Perizinan');
    await user.type(within(form).getByLabelText(/^Perkiraan jumlah pengguna layanan/), '200');
    await user.click(within(form).getByRole('button', { name: 'Buka kuesioner' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Kuesioner F-03 belum dibuka');
    expect(alert.textContent).toContain('F-03 memerlukan siklus PEKPPP yang mencakup unit ini.');
    expect(within(form).getByLabelText(/^Layanan yang disurvei/)).toBeTruthy();
    expect(onOpen.mock.calls[0]![0]).toMatchObject({ opensAt: '2026-11-15T00:00:00+08:00' });
  });
});
