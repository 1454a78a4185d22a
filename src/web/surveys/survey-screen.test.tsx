import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import type { Action } from '../../shared/wire/actions.ts';
import type { SurveyResults } from '../../shared/wire/surveys.ts';
import { renderWithProviders } from '../test/render.tsx';
import { SurveyView, type SurveyViewProps } from './survey-screen.tsx';

const SURVEY = '5f0a3c1e-2b7d-4c8e-9f10-aa11bb22cc33';
const UNIT = '0b6b3f0e-8a51-4b8e-9a53-3f1f8d7c2a10';
const tx = (id: string, en: string) => ({ id, en });

const results: SurveyResults = {
  survey: {
    id: SURVEY,
    kind: 'skm',
    code: 'abc2345',
    unitId: UNIT,
    unitName: 'Disdukcapil Kota Tangerang',
    bodyId: '7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
    bodyName: 'Pemerintah Kota Tangerang',
    schemeId: 'skm-2017',
    instrument: 'skm',
    cycleId: null,
    periodKind: 'quarter',
    periodKey: '2026-Q4',
    periodFirstDay: '2026-10-01',
    periodLastDay: '2026-12-31',
    offsetMinutes: 420,
    services: ['KTP-el', 'Kartu Keluarga'],
    expectedUsers: 1000,
    targetSample: 278,
    opensAt: '2026-09-30T17:00:00.000Z',
    closesAt: '2026-12-31T16:59:00.000Z',
    accepted: 251,
    flagged: 2,
    publishedAt: null,
    createdAt: '2026-09-20T03:00:00.000Z',
  },
  accepted: 251,
  flagged: 2,
  target: 278,
  progress: 251 / 278,
  ikm: {
    value: 79.17,
    raw: 3.1667,
    band: { code: 'B', label: tx('Baik', 'Good') },
    unsur: [
      { code: 'U1', text: tx('Persyaratan', 'Requirements'), nrr: 3.25, weighted: 0.36, converted: 81.25, band: 'B', n: 251 },
      { code: 'U6', text: tx('Kompetensi pelaksana', 'Staff competence'), nrr: 2.5, weighted: 0.28, converted: 62.5, band: 'D', n: 250 },
    ],
    weakest: ['U6'],
    ascending: ['U6', 'U1'],
  },
  profile: [],
  flaggedResponses: [
    {
      id: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
      submittedAt: '2026-11-02T02:15:00.000Z',
      source: 'public',
      flags: [{ code: 'honeypot', reason: tx('Kolom jebakan bot terisi.', 'The bot trap field was filled.') }],
    },
    {
      id: 'f1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
      submittedAt: '2026-11-03T04:30:00.000Z',
      source: 'kiosk',
      flags: [{ code: 'device-repeat', reason: tx('Perangkat ini sudah menjawab pada periode ini.', 'This device already answered.') }],
    },
  ],
  suggestions: [],
};

const action: Action = {
  id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  bodyId: results.survey.bodyId,
  bodyName: results.survey.bodyName,
  unitId: UNIT,
  unitName: results.survey.unitName,
  provinceCode: '36',
  sourceKind: 'skm',
  findingId: null,
  surveyId: SURVEY,
  unsurCode: 'U6',
  cycleId: null,
  indicator: null,
  title: 'Pelatihan layanan prima petugas loket',
  personInCharge: 'Kepala Seksi Pelayanan',
  dueDate: '2027-01-31',
  targetLevel: 3,
  notes: null,
  status: 'planned',
  timing: 'on_track',
  daysLeft: 60,
  evidenceCount: 0,
  createdBy: null,
  createdAt: '2026-11-05T03:00:00.000Z',
  updatedAt: '2026-11-05T03:00:00.000Z',
  verifiedBy: null,
  verifiedAt: null,
};

function renderView(props: Partial<SurveyViewProps> = {}) {
  const view = (
    <SurveyView
      results={results}
      link={{ url: 'https://pantau.example/s/abc2345', qr: 'data:image/svg+xml;base64,PHN2Zy8+' }}
      actions={[action]}
      canManage
      canPlan={false}
      now={new Date('2026-11-15T03:00:00Z')}
      {...props}
    />
  );
  const rootRoute = createRootRoute({ component: () => view });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: ['/'] }) });
  return renderWithProviders(<RouterProvider router={router} />);
}

describe('SurveyView', { timeout: 60_000 }, () => {
  it('shows the period in words, live counts, and each flagged response with its reason', async () => {
    renderView();
    expect(await screen.findByRole('heading', { name: 'Survei kepuasan masyarakat Triwulan IV 2026' })).toBeTruthy();
    expect(screen.getByText('Dibuka')).toBeTruthy();
    expect(screen.getByTestId('count-accepted').textContent).toBe('251');
    expect(screen.getByTestId('count-target').textContent).toBe('278');
    expect(screen.getByTestId('count-flagged').textContent).toBe('2');
    const flagged = screen.getByRole('table', { name: 'Jawaban yang ditandai' });
    const rows = within(flagged).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Kolom jebakan bot terisi.');
    expect(rows[0]!.textContent).toContain('Tautan publik');
    expect(rows[0]!.textContent).toContain('09.15 WIB');
    expect(rows[1]!.textContent).toContain('Perangkat ini sudah menjawab pada periode ini.');
    expect(rows[1]!.textContent).toContain('Kios');
  });

  it("shows the server's IKM with its mutu, the weakest unsur, the link, the poster, the report and the RTL", async () => {
    renderView();
    expect((await screen.findByTestId('ikm-value')).textContent).toBe('IKM 79,17');
    expect(screen.getByTestId('ikm-band').textContent).toBe('Mutu B (Baik)');
    const u6 = screen.getByText(/U6 Kompetensi pelaksana/).closest('tr')!;
    expect(u6.textContent).toContain('terlemah');
    expect(u6.textContent).toContain('62,50');
    expect(screen.getByRole('link', { name: 'https://pantau.example/s/abc2345' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Kode QR tautan survei' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Unduh poster A4 (PDF)' }).getAttribute('href')).toBe(`/api/v1/surveys/${SURVEY}/poster.pdf`);
    expect(screen.getByRole('link', { name: 'Unduh laporan SKM (PDF)' }).getAttribute('href')).toBe(`/api/v1/surveys/${SURVEY}/report.pdf`);
    expect(screen.getByRole('link', { name: 'Unduh jawaban diterima (CSV)' }).getAttribute('href')).toBe(
      `/api/v1/surveys/${SURVEY}/responses.csv`,
    );
    expect(screen.getByRole('button', { name: 'Buat tautan kios' })).toBeTruthy();
    expect(screen.getByText('Pelatihan layanan prima petugas loket').closest('tr')!.textContent).toContain('Direncanakan');
    // The operator reports progress; only the koordinator plans.
    expect(screen.queryByRole('button', { name: /Tambah tindak lanjut/ })).toBeNull();
  });

  it('lets the koordinator open the follow-up form from an unsur', async () => {
    const user = userEvent.setup({ delay: null });
    renderView({ canPlan: true });
    await user.click(await screen.findByRole('button', { name: 'Tambah tindak lanjut U6 Kompetensi pelaksana' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tindak lanjut untuk U6 Kompetensi pelaksana' });
    await user.click(within(dialog).getByRole('button', { name: 'Simpan tindak lanjut' }));
    expect(within(dialog).getAllByText('Wajib diisi.').length).toBe(2);
  });

  it('says when there is no accepted response yet (no IKM, no report)', async () => {
    renderView({ results: { ...results, accepted: 0, progress: 0, ikm: null, flaggedResponses: [], flagged: 0 } });
    expect(await screen.findByText('Belum ada jawaban yang diterima; IKM muncul setelah jawaban pertama.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Unduh laporan SKM (PDF)' })).toBeNull();
    expect(screen.getByText('Tidak ada jawaban yang ditandai.')).toBeTruthy();
  });

  it("shows an F-03 questionnaire against the locus quota, with no IKM, and leads to the unit's PEKPPP view", async () => {
    const cycleId = '2a8c5e1f-3b4d-4e6f-8a9b-0c1d2e3f4a5b';
    const survey = { ...results.survey, kind: 'f03' as const, schemeId: 'pekppp-2024', instrument: 'f03', cycleId, targetSample: 20 };
    renderView({
      results: { ...results, survey, accepted: 7, target: 20, progress: 7 / 20, ikm: null, flaggedResponses: [], flagged: 0 },
      actions: [],
    });
    expect(await screen.findByRole('heading', { name: 'Kuesioner pengguna layanan (F-03 PEKPPP)' })).toBeTruthy();
    expect(screen.getByText('Kuota lokus F-03')).toBeTruthy();
    expect(screen.getByTestId('count-target').textContent).toBe('20');
    expect(screen.getByRole('link', { name: 'https://pantau.example/s/abc2345' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Buka unit di siklus PEKPPP' }).getAttribute('href')).toBe(
      `/pekppp/cycles/${cycleId}/units/${UNIT}`,
    );
    // Neither the SKM's IKM nor its follow-up plan.
    expect(screen.queryByText(/IKM muncul setelah jawaban pertama/)).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Rencana tindak lanjut' })).toBeNull();
  });
});
