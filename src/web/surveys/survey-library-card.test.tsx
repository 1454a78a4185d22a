import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import type { LibraryDocumentDetail, LibraryDocumentPage } from '../../shared/wire/library-docs.ts';
import { i18n } from '../lib/i18n.ts';
import { libraryDoc, libraryUse } from '../test/library-fixtures.ts';
import { renderWithProviders } from '../test/render.tsx';
import { SurveyLibraryCard } from './survey-library-card.tsx';

const UNIT = '0b6b3f0e-8a51-4b8e-9a53-3f1f8d7c2a10';
const SURVEY = '5f0a3c1e-2b7d-4c8e-9f10-aa11bb22cc33';

const doc = (id: string, title: string, over: Partial<LibraryDocumentDetail> = {}) =>
  libraryDoc(id, {
    unitId: UNIT,
    type: 'laporan-skm',
    typeTitle: { id: 'Laporan SKM', en: 'SKM (satisfaction survey) report' },
    title,
    issuedOn: '2026-07-10',
    ...over,
  });

const linked = doc('d-old', 'Laporan SKM Triwulan III 2026', {
  validUntil: '2026-11-30',
  validity: 'expired',
  linkedHere: true,
  uses: [
    libraryUse('use-9', {
      kind: 'survey',
      surveyId: SURVEY,
      surveyKind: 'skm',
      surveyPeriodKey: '2026-Q4',
      validity: 'expired',
      createdAt: '2026-11-03T00:00:00Z',
    }),
  ],
});
const page: LibraryDocumentPage = {
  items: [linked, doc('d-new', 'Laporan SKM Triwulan IV 2026', { suggested: true, suggestedSurveys: [SURVEY] }), doc('d-sop', 'SOP KTP')],
  total: 3,
  page: 1,
  pageSize: 200,
  unitName: 'Disdukcapil',
  bodyName: 'Kota Tangerang',
  today: '2026-12-05',
  types: [],
  expiringSoonDays: 60,
  surveys: [{ id: SURVEY, kind: 'skm', periodKey: '2026-Q4', closesAt: '2026-12-31T16:59:00Z' }],
};

function stubApi(refuse?: { status: number; code: string; message: string }) {
  const sent: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      sent.push({ url: String(input), method, body: JSON.parse(String(init.body ?? 'null')) });
      if (method === 'GET') return Response.json(page);
      if (refuse) return Response.json({ error: { code: refuse.code, message: refuse.message } }, { status: refuse.status });
      return Response.json(method === 'POST' ? { use: linked.uses[0], document: linked } : linked, {
        status: method === 'POST' ? 201 : 200,
      });
    }),
  );
  return sent;
}

function renderCard() {
  const rootRoute = createRootRoute({ component: () => <SurveyLibraryCard unitId={UNIT} surveyId={SURVEY} /> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: ['/'] }) });
  return renderWithProviders(<RouterProvider router={router} />);
}

describe('SurveyLibraryCard', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists only the survey's linked documents (expired flagged), links one from the library (suggested first) and unlinks", async () => {
    await i18n.loadNamespaces(['surveys', 'improve']);
    const sent = stubApi();
    renderCard();
    const card = await screen.findByRole('region', { name: 'Dokumen pustaka survei ini' });
    const rows = await within(card).findAllByTestId('survey-library-doc');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('Laporan SKM Triwulan III 2026');
    expect(within(rows[0]!).getByText('Kedaluwarsa').closest('[data-validity]')?.getAttribute('data-validity')).toBe('expired');
    expect(rows[0]!.textContent).toContain('berlaku s.d. 30 November 2026');
    expect(within(rows[0]!).getByRole('link', { name: 'Unduh d-old.pdf' }).getAttribute('href')).toBe(
      '/api/v1/library-documents/d-old/file',
    );
    expect(sent[0]!.url).toBe(`/api/v1/units/${UNIT}/library-documents?pageSize=200&surveyId=${SURVEY}`);

    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Pilih dari pustaka dokumen' }));
    const dialog = await screen.findByRole('dialog');
    const items = await within(dialog).findAllByTestId('library-pick-item');
    // As the server orders them: linked here, then suggested (the SKM report), then the rest.
    expect(items[0]!.textContent).toContain('Sudah ditautkan di sini.');
    expect(items[1]!.textContent).toContain('Disarankan');
    expect(items[2]!.textContent).not.toContain('Disarankan');
    expect(within(dialog).getByText(/disarankan untuk survei ini/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Pilih Laporan SKM Triwulan IV 2026' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true));
    expect(sent.find((r) => r.method === 'POST')).toEqual({
      url: '/api/v1/library-documents/d-new/uses',
      method: 'POST',
      body: { surveyId: SURVEY },
    });

    await user.click(within(card).getByRole('button', { name: 'Lepas tautan Laporan SKM Triwulan III 2026 dari survei ini' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'DELETE')).toBe(true));
    expect(sent.find((r) => r.method === 'DELETE')!.url).toBe('/api/v1/library-documents/d-old/uses/use-9');
  });

  it('shows a refusal in words', async () => {
    await i18n.loadNamespaces(['surveys', 'improve']);
    const message = 'Berkas ini sudah disebut dalam laporan kemajuan tindak lanjut; tautannya tidak dapat dilepas.';
    stubApi({ status: 409, code: 'library.use_reported', message });
    renderCard();
    const card = await screen.findByRole('region', { name: 'Dokumen pustaka survei ini' });
    await within(card).findAllByTestId('survey-library-doc');
    await userEvent.setup().click(within(card).getByRole('button', { name: 'Lepas tautan Laporan SKM Triwulan III 2026 dari survei ini' }));
    expect((await within(card).findByRole('alert')).textContent).toBe(message);
  });
});
