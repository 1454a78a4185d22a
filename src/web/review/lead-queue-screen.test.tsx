// Issue 13 §6: the team lead's queue — units handed in waiting for the lead, per open cycle, each
// opening the unit's review in lead mode; the lead's decision passes on or returns per indicator.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { LeadQueue } from '../../shared/wire/visits.ts';
import { renderWithProviders } from '../test/render.tsx';
import { LeadQueueView } from './lead-queue-screen.tsx';
import { ReviewDecision } from './review-decision.tsx';

const C = '00000000-0000-4000-8000-0000000000c1';
const C2 = '00000000-0000-4000-8000-0000000000c2';
const U = '00000000-0000-4000-8000-0000000000a1';
const queue: LeadQueue = {
  items: [
    {
      unitId: U,
      name: 'RSUD Kota',
      bodyName: 'Kota Tangerang',
      provinceCode: '36',
      status: 'submitted',
      assessor: { id: '00000000-0000-4000-8000-000000000001', name: 'Asisten Satu', username: 'asisten1' },
      since: '2024-07-02T03:00:00Z',
    },
  ],
};
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

vi.mock('../ui/links.tsx', () => ({
  ButtonLink: ({ children, params }: { children: React.ReactNode; params?: Record<string, string> }) => (
    <a href={params ? `/tim/${params.cycleId}/${params.unitId}` : '/tim'}>{children}</a>
  ),
}));

describe('LeadQueueView', () => {
  it('lists the units waiting per cycle with who handed them in, and leaves out cycles with none', async () => {
    vi.stubGlobal('fetch', async (url: string) => json(String(url).includes(C2) ? { items: [] } : queue));
    renderWithProviders(
      <LeadQueueView
        title="Antrean ketua tim"
        cycles={[
          { id: C, name: 'Penilaian 2024' },
          { id: C2, name: 'Penilaian lain' },
        ]}
      />,
    );
    const item = await screen.findByTestId('lead-item');
    expect(item.textContent).toContain('RSUD Kota · Kota Tangerang');
    expect(item.textContent).toContain('oleh Asisten Satu');
    expect(screen.getByRole('link', { name: 'Tinjau unit' }).getAttribute('href')).toBe(`/tim/${C}/${U}`);
    expect(screen.getAllByTestId('lead-cycle')).toHaveLength(1);
    expect(screen.getByText('Penilaian 2024: 1 unit menunggu')).toBeTruthy();
  });
});

describe('ReviewDecision in lead mode', () => {
  it('passes the unit on to the pimpinan, and returns it with the comments per indicator', async () => {
    const posts: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      posts.push({ url, body: JSON.parse(String(init?.body ?? 'null')) });
      return json(url.endsWith('lead-review') ? { status: 'reviewed' } : { status: 'returned' });
    });
    renderWithProviders(
      <ReviewDecision
        ids={{ cycleId: C, unitId: U, bodyId: 'b1' }}
        bodyName="Kota"
        max={100}
        status="submitted"
        complete
        comments={{ O1: ' Foto kurang jelas ' }}
        lead
      />,
    );
    expect(screen.queryByRole('button', { name: 'Setujui unit' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Kembalikan dengan komentar' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      url: `/api/v1/cycles/${C}/units/${U}/lead-return`,
      body: { note: null, comments: { O1: 'Foto kurang jelas' } },
    });
    fireEvent.change(screen.getByLabelText('Catatan untuk asisten (opsional)'), { target: { value: 'Lengkap' } });
    fireEvent.click(screen.getByRole('button', { name: 'Teruskan ke pimpinan' }));
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1]).toEqual({ url: `/api/v1/cycles/${C}/units/${U}/lead-review`, body: { note: 'Lengkap' } });
  });
});
