import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getScheme } from '../../../methodologies/index.ts';
import type { Scheme } from '../../core/types.ts';
import { renderWithProviders } from '../test/render.tsx';
import { ikmIndicators } from '../../core/ikm-evidence.ts';
import { IkmEvidencePanel } from './ikm-evidence-panel.tsx';

// Issue 11 §7, Ombudsman side: the asisten attaches the unit's IKM to the Output indicators of a K/L unit.
const scheme: Scheme = getScheme('ombudsman-2024')!;
const cycleId = '00000000-0000-4000-8000-000000000001';
const unitId = '00000000-0000-4000-8000-000000000002';
const tx = (id: string) => ({ id, en: id });
const ikm = {
  id: '00000000-0000-4000-8000-0000000000a1',
  cycleId,
  unitId,
  indicator: 'O1',
  surveyId: '00000000-0000-4000-8000-0000000000b1',
  periodKey: '2024-S1',
  ikm: 82.45,
  band: 'B',
  bandLabel: tx('Baik'),
  respondents: 412,
  target: 384,
  createdAt: '2024-08-01T03:00:00.000Z',
};
const option = {
  surveyId: '00000000-0000-4000-8000-0000000000b2',
  periodKey: '2024-S2',
  ikm: 85.1,
  band: 'B',
  bandLabel: tx('Baik'),
  respondents: 390,
  target: 384,
  published: false,
};

type Call = { url: string; method: string; body: unknown };
function stubApi(calls: Call[], attached: unknown[] = [ikm], options: () => unknown = () => ({ surveys: [option], refreshAt: null })) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : null });
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (url.endsWith('/ikm-evidence') && method === 'GET') return json({ items: attached });
      if (url.endsWith('/ikm-evidence') && method === 'POST')
        return json({ ...ikm, id: '00000000-0000-4000-8000-0000000000a2', indicator: 'O2' }, 201);
      if (url.includes('/ikm-options')) return json({ indicators: ['O1', 'O2', 'O3', 'O4', 'O5'], ...(options() as object) });
      if (url.includes('/ikm-evidence/') && method === 'DELETE') return json({ deleted: ikm.id });
      return new Promise<Response>(() => {});
    }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('IkmEvidencePanel (Ombudsman)', () => {
  it('takes the Output indicators O1–O5 of the frozen scheme for K/L units only (library ASSUMPTION)', () => {
    expect(ikmIndicators(scheme, 'kementerian').map((i) => i.code)).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
    expect(ikmIndicators(scheme, 'lembaga').map((i) => i.code)).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
    expect(ikmIndicators(scheme, 'kota')).toEqual([]);
  });

  it('shows the assigned asisten the attached IKM in words, lets them remove it and attach one to another indicator', async () => {
    const calls: Call[] = [];
    stubApi(calls);
    renderWithProviders(<IkmEvidencePanel scheme={scheme} bodyType="kementerian" cycleId={cycleId} unitId={unitId} writable />);
    const o1 = await screen.findByTestId('ikm-indicator-O1');
    expect((await within(o1).findByTestId('ikm-evidence')).textContent).toContain(
      'IKM 82,45 (mutu B, Baik) — SKM Semester I 2024, 412 responden',
    );
    const o2 = screen.getByTestId('ikm-indicator-O2');
    expect(within(o2).getByText('Belum ada IKM yang dilampirkan.')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Lampirkan IKM' })).toHaveLength(5);

    const user = userEvent.setup({ delay: null });
    await user.click(within(o1).getByRole('button', { name: 'Lepas' }));
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(calls.find((c) => c.method === 'DELETE')!.url).toContain(`/ikm-evidence/${ikm.id}`);

    await user.click(within(o2).getByTestId('ikm-pick-O2'));
    const choice = await screen.findByTestId('ikm-choice');
    expect(choice.textContent).toContain('IKM 85,10 (mutu B, Baik) — SKM Semester II 2024, 390 responden');
    await user.click(within(choice).getByRole('button', { name: 'Lampirkan' }));
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: expect.stringContaining(`/cycles/${cycleId}/units/${unitId}/ikm-evidence`),
      body: { indicator: 'O2', surveyId: option.surveyId },
    });
  });

  it("asks the server to score the unit's IKMs once, not on every picker opened (any indicator's, minutes apart)", async () => {
    const calls: Call[] = [];
    stubApi(calls);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      renderWithProviders(<IkmEvidencePanel scheme={scheme} bodyType="kementerian" cycleId={cycleId} unitId={unitId} writable />);
      const user = userEvent.setup({ delay: null });
      for (const code of ['O2', 'O3', 'O2']) {
        await user.click(await screen.findByTestId(`ikm-pick-${code}`));
        expect((await screen.findByTestId('ikm-choice')).textContent).toContain('IKM 85,10 (mutu B, Baik)');
        await user.keyboard('{Escape}');
        await vi.waitFor(() => expect(screen.queryByTestId('ikm-choice')).toBeNull());
        // Past the app's default freshness (30 s): the options are kept, not asked again.
        vi.setSystemTime(Date.now() + 5 * 60_000);
      }
      expect(calls.filter((c) => c.url.includes('/ikm-options'))).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks again once a running survey has closed by time alone (its close instant, given by the server), not before', async () => {
    const calls: Call[] = [];
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    // A survey of the unit still runs for 10 minutes; once it closes the server offers it too.
    const closesAt = start + 10 * 60_000;
    const later = {
      ...option,
      surveyId: '00000000-0000-4000-8000-0000000000b3',
      periodKey: '2025-S1',
      ikm: 90.5,
      band: 'A',
      bandLabel: tx('Sangat Baik'),
    };
    stubApi(calls, [ikm], () =>
      Date.now() < closesAt
        ? { surveys: [option], refreshAt: new Date(closesAt).toISOString() }
        : { surveys: [later, option], refreshAt: null },
    );
    try {
      renderWithProviders(<IkmEvidencePanel scheme={scheme} bodyType="kementerian" cycleId={cycleId} unitId={unitId} writable />);
      const user = userEvent.setup({ delay: null });
      const openPicker = async (code: string) => {
        await user.click(await screen.findByTestId(`ikm-pick-${code}`));
        await screen.findAllByTestId('ikm-choice');
      };
      const closePicker = async () => {
        await user.keyboard('{Escape}');
        await vi.waitFor(() => expect(screen.queryByTestId('ikm-choice')).toBeNull());
      };
      await openPicker('O2');
      expect(screen.getAllByTestId('ikm-choice')).toHaveLength(1);
      await closePicker();
      // Five minutes on, still running: the kept offer, not asked again.
      vi.setSystemTime(start + 5 * 60_000);
      await openPicker('O3');
      expect(screen.getAllByTestId('ikm-choice')).toHaveLength(1);
      await closePicker();
      expect(calls.filter((c) => c.url.includes('/ikm-options'))).toHaveLength(1);
      // Past its close: the next picker asks again and offers the survey that just closed, first.
      vi.setSystemTime(closesAt + 1000);
      await openPicker('O2');
      await vi.waitFor(() => expect(screen.getAllByTestId('ikm-choice')).toHaveLength(2));
      expect(screen.getAllByTestId('ikm-choice')[0]!.textContent).toContain('IKM 90,50 (mutu A, Sangat Baik) — SKM Semester I 2025');
      expect(calls.filter((c) => c.url.includes('/ikm-options'))).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the line read-only once the unit no longer accepts changes', async () => {
    stubApi([]);
    renderWithProviders(<IkmEvidencePanel scheme={scheme} bodyType="lembaga" cycleId={cycleId} unitId={unitId} writable={false} />);
    expect((await screen.findByTestId('ikm-evidence')).textContent).toContain('IKM 82,45 (mutu B, Baik)');
    expect(screen.queryByRole('button', { name: 'Lepas' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lampirkan IKM' })).toBeNull();
    // Only the indicator with an IKM, and words for a reader, not for someone attaching.
    expect(screen.queryByTestId('ikm-indicator-O2')).toBeNull();
    expect(screen.getByText(/dilampirkan asisten sebagai bukti indikator Output/)).toBeTruthy();
  });

  it('says in one line that nothing is attached when read-only and none is', async () => {
    stubApi([], []);
    renderWithProviders(<IkmEvidencePanel scheme={scheme} bodyType="kementerian" cycleId={cycleId} unitId={unitId} writable={false} />);
    expect((await screen.findByTestId('ikm-none')).textContent).toBe('Tidak ada IKM yang dilampirkan pada indikator O1, O2, O3, O4, O5.');
    expect(screen.queryByTestId('ikm-indicator-O1')).toBeNull();
  });

  it('shows nothing and asks nothing for a unit of a regional government', () => {
    const calls: Call[] = [];
    stubApi(calls);
    const { container } = renderWithProviders(
      <IkmEvidencePanel scheme={scheme} bodyType="kota" cycleId={cycleId} unitId={unitId} writable />,
    );
    expect(container.querySelector('[data-testid="ikm-panel"]')).toBeNull();
    expect(calls).toEqual([]);
  });
});
