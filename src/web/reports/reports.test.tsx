// The verification page's states (valid, superseded, invalid, checking, error), the code form,
// the awards lists and the rapor links, rendered with the app's providers and real i18n.
import { describe, expect, it, vi, afterEach } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Awards, Verification } from '../../shared/wire/awards.ts';
import { i18n } from '../lib/i18n.ts';
import { RaporLinks } from '../ui/rapor-links.tsx';
import { renderWithProviders } from '../test/render.tsx';
import { AwardsContent } from './awards-page.tsx';
import { VerificationForm, VerificationResult, VerificationStatus } from './verification-page.tsx';

const band = { code: 'A', label: { id: 'Kualitas Tertinggi', en: 'Highest Quality' }, color: '#2e7d32' };
const valid: Verification = {
  valid: true,
  code: '7K3Q-9XD2-AB12-CD34',
  award: { kind: 'top-province', rank: 2, provinceCode: '36', provinceName: 'Banten', delta: null },
  body: { id: 'b1', name: 'Kota Tangerang', type: 'kota', provinceCode: '36', provinceName: 'Banten' },
  score: 94.76,
  band,
  publication: {
    id: 'p1',
    cycle: { id: 'c1', name: 'Penilaian 2024', year: 2024, schemeId: 'ombudsman-2024' },
    scope: '36',
    scopeName: 'Banten',
    version: 1,
    status: 'current',
    released: true,
    publishedAt: '2024-12-04T03:30:00.000Z',
    contentHash: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
  },
  superseded: false,
  current: null,
};

/** Components that render router links need a router around them. */
function withRouter(ui: ReactNode) {
  const root = createRootRoute({ component: () => <>{ui}</> });
  const routes = ['/publikasi/$publicationId', '/verifikasi/$code', '/governments/$bodyId'].map((path) =>
    createRoute({ getParentRoute: () => root, path, component: () => null }),
  );
  const router = createRouter({ routeTree: root.addChildren(routes), history: createMemoryHistory({ initialEntries: ['/'] }) });
  return <RouterProvider router={router as never} />;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage('id');
});

describe('verification result', () => {
  it('shows a valid certificate as a green card with body, award, score, band, version and the publication link', async () => {
    renderWithProviders(withRouter(<VerificationResult code={valid.valid ? valid.code : ''} result={valid} />));
    const card = await screen.findByTestId('verify-valid');
    expect(card.className).toContain('rep-card-valid');
    expect(card.textContent).toContain('Piagam sah');
    expect(screen.getByTestId('verify-body').textContent).toBe('Kota Tangerang · Banten');
    expect(screen.getByTestId('verify-award').textContent).toBe('Peringkat 2 terbaik di Provinsi Banten');
    expect(screen.getByTestId('verify-score').textContent).toBe('94,76');
    expect(card.textContent).toContain('A · Kualitas Tertinggi');
    expect(card.textContent).toContain('Penilaian 2024 · Banten · versi 1');
    expect(screen.getByTestId('verify-publication-link').getAttribute('href')).toBe('/publikasi/p1');
    expect(screen.queryByTestId('verify-superseded')).toBeNull();
  });

  it('marks a certificate of a superseded version and links the current version', async () => {
    const old = {
      ...valid,
      superseded: true,
      current: { id: 'p2', version: 2 },
      publication: { ...(valid as Extract<Verification, { valid: true }>).publication, status: 'superseded' as const },
    };
    renderWithProviders(withRouter(<VerificationResult code="X" result={old} />));
    const note = await screen.findByTestId('verify-superseded');
    expect(note.textContent).toContain('telah digantikan oleh ralat');
    expect(note.querySelector('a')!.getAttribute('href')).toBe('/publikasi/p2');
    expect(note.textContent).toContain('Lihat versi 2 (berlaku)');
  });

  it('shows an unknown or altered code as a red "Kode tidak valid" with the explanation, in English too', async () => {
    renderWithProviders(withRouter(<VerificationResult code="7K3Q-9XD2-AB12-CD35" result={{ valid: false }} />));
    const card = await screen.findByTestId('verify-invalid');
    expect(card.className).toContain('rep-card-invalid');
    expect(card.getAttribute('role')).toBe('alert');
    expect(card.textContent).toContain('Kode tidak valid');
    expect(card.textContent).toContain('7K3Q-9XD2-AB12-CD35');
    await i18n.changeLanguage('en');
    expect((await screen.findByTestId('verify-invalid')).textContent).toContain('Invalid code');
  });
});

describe('verification status (fetches /verify/:code)', () => {
  const respond = (body: unknown, status = 200) =>
    vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

  it('asks the server with the normalised code and shows the answer', async () => {
    const fetch = respond({ valid: false });
    renderWithProviders(withRouter(<VerificationStatus code=" 7k3q-9xd2-ab12-cd35 " />));
    expect((await screen.findByTestId('verify-invalid')).textContent).toContain('Kode tidak valid');
    expect(String(fetch.mock.calls[0]![0])).toContain('/api/v1/verify/7K3Q9XD2AB12CD35');
  });

  it('says when the code cannot be checked', async () => {
    respond({ error: { code: 'internal', message: 'x', details: {} } }, 500);
    renderWithProviders(withRouter(<VerificationStatus code="ABCD" />));
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toContain('tidak dapat diperiksa');
  });
});

describe('verification form', () => {
  it('submits a typed code and ignores an empty one', async () => {
    const onSubmit = vi.fn();
    renderWithProviders(<VerificationForm initial="" onSubmit={onSubmit} />);
    const input = await screen.findByLabelText(/Kode verifikasi/);
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: ' 7K3Q-9XD2-AB12-CD34 ' } });
    fireEvent.submit(input.closest('form')!);
    expect(onSubmit).toHaveBeenCalledWith('7K3Q-9XD2-AB12-CD34');
  });
});

describe('awards and rapor links', () => {
  it('lists the awards per kind with certificate download and verification links', async () => {
    const data: Awards = {
      publication: { ...(valid as Extract<Verification, { valid: true }>).publication },
      topBand: band,
      rules: { topProvinceRank: 3, mostImprovedTopN: 3, assumption: 'ASUMSI: contoh' },
      items: [
        {
          kind: 'top-province',
          rank: 2,
          provinceCode: '36',
          provinceName: 'Banten',
          delta: null,
          body: { id: 'b1', code: '36.71', name: 'Kota Tangerang', type: 'kota', provinceCode: '36' },
          score: 94.76,
          band,
          ranks: { national: 3, province: 2 },
          previousScore: null,
          code: '7K3Q-9XD2-AB12-CD34',
          piagamUrl: '/api/v1/publications/p1/awards/7K3Q-9XD2-AB12-CD34/piagam.pdf',
          verifyUrl: 'https://pantau.example/verifikasi/7K3Q-9XD2-AB12-CD34',
        },
      ],
    };
    renderWithProviders(withRouter(<AwardsContent data={data} />));
    const table = await screen.findByTestId('awards-top-province');
    expect(table.textContent).toContain('Kota Tangerang');
    expect(table.textContent).toContain('94,76');
    const download = screen.getByRole('link', { name: 'Unduh piagam Kota Tangerang (PDF)' });
    expect(download.getAttribute('href')).toBe('/api/v1/publications/p1/awards/7K3Q-9XD2-AB12-CD34/piagam.pdf?lang=id');
    expect(screen.getByRole('link', { name: '7K3Q-9XD2-AB12-CD34' }).getAttribute('href')).toBe('/verifikasi/7K3Q-9XD2-AB12-CD34');
    // The kinds without awardees say so.
    expect(screen.getAllByText('Tidak ada penerima.')).toHaveLength(2);
  });

  it('offers the rapor PDF in Bahasa Indonesia and English', async () => {
    renderWithProviders(<RaporLinks target={{ cycleId: 'c1', bodyId: 'b1' }} name="Kota Tangerang" />);
    const id = await screen.findByRole('link', { name: 'Unduh rapor Kota Tangerang (PDF)' });
    expect(id.getAttribute('href')).toBe('/api/v1/cycles/c1/bodies/b1/rapor.pdf?lang=id');
    expect(screen.getByRole('link', { name: 'English (PDF)' }).getAttribute('href')).toBe('/api/v1/cycles/c1/bodies/b1/rapor.pdf?lang=en');
  });
});
