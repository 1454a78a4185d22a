import { describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import userEvent from '@testing-library/user-event';
import type { Assignment } from '../../shared/wire/locus.ts';
import { renderWithProviders } from '../test/render.tsx';
import { AssignmentCard } from './assignment-card.tsx';
import { OfflinePanel } from './offline-panel.tsx';

const a: Assignment = {
  cycle: {
    id: '7f0c1f7e-0000-4000-8000-0000000000c1',
    name: 'Penilaian 2025',
    year: 2025,
    status: 'fieldwork',
    schemeId: 'ombudsman-2024',
  },
  body: { id: '7f0c1f7e-0000-4000-8000-0000000000b1', name: 'Kota Serang', type: 'pemkot', provinceCode: '36' },
  unit: {
    unitId: '7f0c1f7e-0000-4000-8000-0000000000a1',
    name: 'Disdukcapil',
    sector: 'kependudukan',
    status: 'pending',
    assessor: null,
    dueDate: null,
    instruments: [],
    done: 0,
    target: 0,
    complete: false,
    result: null,
  },
};

async function renderRouted(ui: ReactNode) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  renderWithProviders(<RouterProvider router={router as never} />);
  await act(() => router.load());
}

describe('AssignmentCard offline mark', () => {
  it('says a unit is not downloaded and offers the download', async () => {
    const onDownload = vi.fn();
    await renderRouted(<AssignmentCard assignment={a} scheme={undefined} local={undefined} today="2025-03-01" onDownload={onDownload} />);
    expect((await screen.findByTestId('offline-mark')).textContent).toBe('Belum diunduh untuk luring');
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Unduh untuk luring: Disdukcapil · Kota Serang' }));
    expect(onDownload).toHaveBeenCalledOnce();
  });

  it('shows when it was downloaded and what is on the device; no download offline', async () => {
    await renderRouted(
      <AssignmentCard
        assignment={a}
        scheme={undefined}
        local={undefined}
        today="2025-03-01"
        download={{ cycleId: a.cycle.id, unitId: a.unit.unitId, at: '2025-03-01T01:02:00.000Z', records: 12, evidence: 3, schemeHash: 'h' }}
        onDownload={() => {}}
        online={false}
      />,
    );
    const mark = await screen.findByTestId('offline-mark');
    expect(mark.dataset.ready).toBe('yes');
    expect(mark.textContent).toMatch(/^Siap luring · diunduh 1 Maret 2025 08[.:]02 WIB · 12 lembar di server, 3 berkas bukti$/);
    expect((screen.getByRole('button', { name: /Unduh untuk luring: Disdukcapil/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('AssignmentCard quotas', () => {
  const withQuota: Assignment = {
    ...a,
    unit: { ...a.unit, instruments: [{ code: 'pengguna', done: 3, target: 30, min: 25, complete: false }], done: 3, target: 30 },
  };
  const scheme = {
    instruments: [{ code: 'pengguna', title: { id: 'Wawancara pengguna layanan', en: 'Service-user interview' } }],
  } as never;

  it('shows placeholders, not instrument codes, while the scheme loads', async () => {
    await renderRouted(<AssignmentCard assignment={withQuota} scheme={undefined} schemePending local={undefined} today="2025-03-01" />);
    const row = await screen.findByTestId('assignment-quota-pengguna');
    expect(row.textContent).toBe('3/30');
    expect(within(row).getByTestId('instrument-title-pending')).toBeTruthy();
  });

  it('names each instrument from the scheme', async () => {
    await renderRouted(<AssignmentCard assignment={withQuota} scheme={scheme} local={undefined} today="2025-03-01" />);
    expect((await screen.findByTestId('assignment-quota-pengguna')).textContent).toBe('Wawancara pengguna layanan3/30');
  });

  it('falls back to the code when the scheme could not be read (not loading)', async () => {
    await renderRouted(<AssignmentCard assignment={withQuota} scheme={undefined} local={undefined} today="2025-03-01" />);
    expect((await screen.findByTestId('assignment-quota-pengguna')).textContent).toBe('pengguna3/30');
  });
});

describe('OfflinePanel', () => {
  it('counts the units on the device and says downloading needs a connection when offline', () => {
    renderWithProviders(
      <OfflinePanel
        units={3}
        onDevice={2}
        oldest={null}
        online={false}
        running={false}
        progress={null}
        result={null}
        error={null}
        onDownloadAll={() => {}}
      />,
    );
    const panel = screen.getByTestId('offline-panel');
    expect(screen.getByTestId('offline-count').textContent).toBe('2 dari 3 unit yang perlu dikerjakan tersimpan di perangkat ini.');
    expect(within(panel).getByText(/Mengunduh memerlukan koneksi/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Unduh semua untuk luring (3)' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
