import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PekpppIndicator, PekpppUnitView } from '../../shared/wire/pekppp.ts';
import { renderWithProviders } from '../test/render.tsx';
import { Workbench } from './pekppp-unit-screen.tsx';

const tx = (id: string) => ({ id, en: id });
const levels = [0, 1, 2, 3, 4, 5].map((value) => ({ value, descriptor: tx(`Deskriptor ${value}`) }));
const indicator = (code: string, claim: number | null, verdict: number | null): PekpppIndicator => ({
  code,
  aspect: 'kebijakan',
  text: tx(`Indikator ${code}`),
  levels,
  evidenceRequired: false,
  takesIkm: false,
  documents: [],
  claim: { level: claim, statement: claim === null ? '' : `Bukti ${code}`, links: [], files: [], ikm: [] },
  verdict: { level: verdict, reason: '', sources: [] },
  difference: claim === null || verdict === null ? null : claim - verdict,
  claimProblems: [],
  verdictProblems: [],
});

function view(indicators: PekpppIndicator[], over: Partial<PekpppUnitView> = {}): PekpppUnitView {
  const verified = indicators.filter((i) => i.verdict.level !== null).length;
  return {
    cycleId: '00000000-0000-4000-8000-000000000001',
    cycleName: 'PEKPPP 2024',
    year: 2024,
    unitId: '00000000-0000-4000-8000-000000000002',
    unitName: 'Disdukcapil',
    bodyName: 'Kota Tangerang',
    unitStatus: 'pending',
    claimStatus: 'submitted',
    submittedAt: null,
    reopenedAt: null,
    reopenNote: null,
    finalisedAt: null,
    evaluatorId: null,
    evaluatorOrganisation: { id: '00000000-0000-4000-8000-000000000009', code: '36.71', name: 'Kota Tangerang', type: 'kota' },
    claimEditable: false,
    claimInstrument: 'f01',
    verdictInstrument: 'f02',
    dataSources: [],
    clarificationDays: 7,
    aspects: [
      {
        code: 'kebijakan',
        title: tx('Kebijakan Pelayanan'),
        indicators: indicators.length,
        claimed: indicators.filter((i) => i.claim.level !== null).length,
        verified,
      },
    ],
    indicators,
    clarifications: [],
    result: {
      ipp: 3.2,
      predicate: 'B-',
      label: tx('Baik dengan Catatan'),
      claimedIpp: 4.1,
      claimedPredicate: 'A-',
      aspects: [{ code: 'kebijakan', title: tx('Kebijakan Pelayanan'), claimed: 4.1, verified: 3.2 }],
      counts: { over: 0, under: 0, equal: 0, unclaimed: 0, unverified: 0 },
    },
    f03: null,
    ...over,
  };
}

// The cycle's scheme (for the chart's scale) is not needed here: its request never answers.
beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => new Promise(() => {})),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PEKPPP workbench', () => {
  it('shows the unit its claimed level and claimed IPP, not a verified result before finalisation', async () => {
    const v = view([indicator('A1', 3, null), indicator('A2', null, null)], {
      claimStatus: 'draft',
      result: { ...view([]).result!, ipp: null, predicate: null, label: null, counts: null },
    });
    renderWithProviders(<Workbench view={{ ...v, claimEditable: false }} claimant evaluator={false} />);
    expect(screen.getByTestId('claimed-A1').textContent).toBe('Level 3 — Deskriptor 3');
    expect(screen.getByTestId('claimed-A2').textContent).toBe('Belum ada level yang diklaim.');
    expect(screen.getByTestId('pekppp-ipp-pending').textContent).toBe('Hasil verifikasi tampil setelah evaluator memfinalkan F-02.');
    expect(screen.queryByTestId('pekppp-ipp')).toBeNull();
    expect(screen.getByTestId('pekppp-result').textContent).toContain('Menurut klaim unit: 4,1 · A-');
    // The unit's filters: what it has not claimed yet (no verdict filters).
    const filters = screen.getByRole('radiogroup', { name: 'Tampilkan' });
    expect(within(filters).queryByText('Belum dinilai')).toBeNull();
    await userEvent.setup({ delay: null }).click(within(filters).getByText('Belum diisi'));
    expect(screen.queryByTestId('indicator-A1')).toBeNull();
    expect(screen.getByTestId('indicator-A2')).toBeTruthy();
  });

  it('shows the evaluator the verified IPP only once every indicator has a verdict', () => {
    const { unmount } = renderWithProviders(
      <Workbench view={view([indicator('A1', 3, 3), indicator('A2', 4, null)])} claimant={false} evaluator />,
    );
    expect(screen.getByTestId('pekppp-ipp-pending').textContent).toBe('IPP hasil verifikasi tampil setelah semua indikator dinilai.');
    expect(screen.queryByTestId('pekppp-ipp')).toBeNull();
    unmount();
    renderWithProviders(<Workbench view={view([indicator('A1', 3, 3), indicator('A2', 4, 2)])} claimant={false} evaluator />);
    expect(screen.getByTestId('pekppp-ipp').textContent).toBe('IPP 3,2 · predikat B- (Baik dengan Catatan)');
    expect(within(screen.getByRole('radiogroup', { name: 'Tampilkan' })).getByText('Klaim ≠ verifikasi')).toBeTruthy();
  });

  it('says why "Kirim F-01" is disabled: indicators not complete, then unsaved changes; names the evaluating organisation and the mandiri state', async () => {
    const a2 = { ...indicator('A2', null, null), claimProblems: ['Level wajib diisi.'] };
    const v = view([indicator('A1', 3, null), a2], { claimStatus: 'draft', claimEditable: true, result: null });
    const cycle = {
      mandiri: {
        organiser: { id: '00000000-0000-4000-8000-000000000009', name: 'Kota Tangerang', provinceCode: '36' },
        validator: { code: 'kemenpanrb', name: null },
        status: 'pending' as const,
        decidedBy: null,
        decidedAt: null,
        reason: null,
      },
      terms: null,
    } as unknown as Parameters<typeof Workbench>[0]['cycle'];
    renderWithProviders(<Workbench view={v} claimant evaluator={false} cycle={cycle} />);
    expect(screen.getByTestId('evaluator-organisation').textContent).toBe('Dievaluasi oleh Bagian Organisasi Kota Tangerang');
    expect(screen.getByTestId('mandiri-note').textContent).toBe('Evaluasi mandiri — belum divalidasi kemenpanrb');
    const submit = screen.getByRole('button', { name: 'Kirim F-01' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('submit-blocked').textContent).toBe('1 indikator belum lengkap (level atau bukti yang diwajibkan).');
    await userEvent.setup({ delay: null }).click(screen.getByTestId('claim-A2-4'));
    expect(screen.getByTestId('submit-blocked').textContent).toBe('Simpan draf dahulu: ada perubahan yang belum disimpan.');
  });

  it('lets the unit attach a file (not only a link) to its clarification answer, as clarification evidence of the indicator', async () => {
    const sent: FormData[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        if (String(url).endsWith('/evidence') && init?.method === 'POST') {
          sent.push(init.body as FormData);
          return Promise.resolve(new Response(JSON.stringify({}), { status: 201, headers: { 'content-type': 'application/json' } }));
        }
        return new Promise(() => {});
      }),
    );
    const a1 = indicator('A1', 4, 3);
    const files = [{ id: '00000000-0000-4000-8000-0000000000f1', filename: 'sk-lama.pdf', mime: 'application/pdf', size: 10, kind: 'f01' }];
    const clarification = {
      id: '00000000-0000-4000-8000-0000000000c1',
      indicators: ['A1'],
      question: 'Mohon SK terbaru.',
      requestedAt: '2024-08-01T03:00:00.000Z',
      closesAt: '2024-08-08T16:59:59.000Z',
      lastDay: '2024-08-08',
      status: 'open' as const,
      answers: {},
      answeredAt: null,
      closedAt: null,
    };
    const v = view([{ ...a1, claim: { ...a1.claim, files } }], { clarifications: [clarification] });
    const { unmount } = renderWithProviders(<Workbench view={v} claimant evaluator={false} />);
    const user = userEvent.setup({ delay: null });
    const section = screen.getByRole('region', { name: 'Klarifikasi' });
    // The F-01 file is the claim's evidence, not an answer's.
    expect(within(section).queryByTestId('answer-files-A1')).toBeNull();
    const input = section.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, new File(['%PDF-1.4'], 'sk-baru.pdf', { type: 'application/pdf' }));
    expect((await screen.findByRole('status')).textContent).toBe('Berkas sk-baru.pdf terunggah sebagai bukti klarifikasi A1.');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.get('indicator')).toBe('A1');
    expect(sent[0]!.get('kind')).toBe('klarifikasi');
    expect((sent[0]!.get('file') as File).name).toBe('sk-baru.pdf');
    unmount();
    // Once uploaded, the view lists it under the answer (and the evaluator sees it there too).
    const uploaded = { ...files[0]!, id: '00000000-0000-4000-8000-0000000000f2', filename: 'sk-baru.pdf', kind: 'klarifikasi' };
    const after = view([{ ...a1, claim: { ...a1.claim, files: [...files, uploaded] } }], {
      clarifications: [{ ...clarification, status: 'answered', answers: { A1: { statement: 'SK terlampir.', links: [] } } }],
    });
    renderWithProviders(<Workbench view={after} claimant={false} evaluator />);
    const listed = screen.getByTestId('answer-files-A1');
    expect(within(listed).getByRole('link', { name: 'sk-baru.pdf' })).toBeTruthy();
    expect(within(listed).queryByRole('link', { name: 'sk-lama.pdf' })).toBeNull();
  });

  // issue 11 §7: the unit's IKM as evidence of an SKM indicator.
  const ikm = {
    id: '00000000-0000-4000-8000-0000000000a1',
    cycleId: '00000000-0000-4000-8000-000000000001',
    unitId: '00000000-0000-4000-8000-000000000002',
    indicator: 'A6',
    surveyId: '00000000-0000-4000-8000-0000000000b1',
    periodKey: '2024-S1',
    ikm: 82.45,
    band: 'B',
    bandLabel: tx('Baik'),
    respondents: 412,
    target: 384,
    createdAt: '2024-08-01T03:00:00.000Z',
  };

  it('shows the evaluator an attached IKM in words, frozen as attached, and no picker', () => {
    const a6 = { ...indicator('A6', 4, null), takesIkm: true };
    a6.claim = { ...a6.claim, ikm: [ikm] };
    renderWithProviders(<Workbench view={view([a6])} claimant={false} evaluator />);
    expect(screen.getByTestId('ikm-evidence').textContent).toBe('IKM 82,45 (mutu B, Baik) — SKM Semester I 2024, 412 responden');
    expect(screen.queryByRole('button', { name: 'Lampirkan IKM' })).toBeNull();
  });

  it('lets the unit pick one of its closed IKMs for an indicator that takes one, and attaches it', async () => {
    const calls: { url: string; method: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null });
        const json = (body: unknown, status = 200) =>
          new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
        if (url.includes('/ikm-options'))
          return json({
            indicators: ['A6'],
            refreshAt: null,
            surveys: [
              {
                surveyId: ikm.surveyId,
                periodKey: '2024-S1',
                ikm: 82.45,
                band: 'B',
                bandLabel: tx('Baik'),
                respondents: 412,
                target: 384,
                published: true,
              },
            ],
          });
        if (url.endsWith('/ikm-evidence') && init?.method === 'POST') return json(ikm, 201);
        return new Promise<Response>(() => {});
      }),
    );
    const v = view([{ ...indicator('A6', null, null), takesIkm: true }, indicator('A1', null, null)], {
      claimStatus: 'draft',
      claimEditable: true,
      result: null,
    });
    renderWithProviders(<Workbench view={v} claimant evaluator={false} />);
    expect(screen.queryByTestId('ikm-pick-A1')).toBeNull();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByTestId('ikm-pick-A6'));
    const choice = await screen.findByTestId('ikm-choice');
    expect(choice.textContent).toContain('IKM 82,45 (mutu B, Baik) — SKM Semester I 2024, 412 responden');
    expect(within(choice).getByText('Dipublikasikan')).toBeTruthy();
    await user.click(within(choice).getByRole('button', { name: 'Lampirkan' }));
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: expect.stringContaining(`/cycles/${v.cycleId}/units/${v.unitId}/ikm-evidence`),
      body: { indicator: 'A6', surveyId: ikm.surveyId },
    });
  });

  it("jumps to an aspect from the sticky bar: the aspect's first indicator is scrolled to and focused", async () => {
    const scrollTo = vi.fn();
    vi.stubGlobal('scrollTo', scrollTo);
    const b1 = { ...indicator('B1', 3, null), aspect: 'sdm' };
    const base = view([indicator('A1', 3, null), b1]);
    const v = {
      ...base,
      aspects: [...base.aspects, { code: 'sdm', title: tx('Profesionalisme SDM'), indicators: 1, claimed: 1, verified: 0 }],
    };
    renderWithProviders(<Workbench view={v} claimant evaluator={false} />);
    const jump = screen.getByRole('combobox', { name: 'Lompat ke aspek' }) as HTMLSelectElement;
    expect([...jump.options].map((o) => o.textContent)).toEqual(['Lompat ke aspek…', 'Kebijakan Pelayanan', 'Profesionalisme SDM']);
    await userEvent.setup({ delay: null }).selectOptions(jump, 'sdm');
    expect(scrollTo).toHaveBeenCalledTimes(1);
    expect(document.activeElement?.id).toBe('aspect-sdm');
    expect(document.activeElement?.textContent).toBe('Profesionalisme SDM');
    // Back to the prompt, so the same aspect can be chosen again.
    expect(jump.value).toBe('');
  });

  it('says every IKM is already attached instead of offering it twice', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) =>
        String(input).includes('/ikm-options')
          ? new Response(
              JSON.stringify({
                indicators: ['A6'],
                refreshAt: null,
                surveys: [
                  {
                    surveyId: ikm.surveyId,
                    periodKey: '2024-S1',
                    ikm: 82.45,
                    band: 'B',
                    bandLabel: tx('Baik'),
                    respondents: 412,
                    target: 384,
                    published: true,
                  },
                ],
              }),
              { status: 200, headers: { 'content-type': 'application/json' } },
            )
          : new Promise<Response>(() => {}),
      ),
    );
    const a6 = { ...indicator('A6', null, null), takesIkm: true };
    a6.claim = { ...a6.claim, ikm: [ikm] };
    renderWithProviders(
      <Workbench view={view([a6], { claimStatus: 'draft', claimEditable: true, result: null })} claimant evaluator={false} />,
    );
    await userEvent.setup({ delay: null }).click(screen.getByTestId('ikm-pick-A6'));
    expect(await screen.findByText('Setiap IKM unit yang tersedia sudah dilampirkan pada indikator ini.')).toBeTruthy();
    expect(screen.queryByTestId('ikm-choice')).toBeNull();
    expect(screen.getByRole('button', { name: 'Lepas' })).toBeTruthy();
  });
});
