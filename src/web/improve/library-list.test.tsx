import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LibraryDocumentPage } from '../../shared/wire/library-docs.ts';
import { libraryDoc, libraryUse } from '../test/library-fixtures.ts';
import { changeLanguage, i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { LibraryList } from './library-list.tsx';
import { AddDocumentForm } from './library-screen.tsx';
import { DeleteDocumentDialog, EditDocumentDialog } from './library-document-dialogs.tsx';

const doc = libraryDoc;

const page: LibraryDocumentPage = {
  items: [
    doc('sk', {
      type: 'sk-standar-pelayanan',
      typeTitle: { id: 'SK standar pelayanan', en: 'Service-standard decree' },
      title: 'SK Standar Pelayanan',
      issuedOn: '2023-02-01',
      validUntil: '2025-12-31',
      validity: 'expired',
      daysLeft: -339,
      uses: [
        libraryUse('use-1', {
          kind: 'indicator',
          cycleId: 'c1',
          cycleName: 'Penilaian 2026',
          cycleYear: 2026,
          family: 'ombudsman',
          indicator: 'S6',
          indicatorText: { id: 'Dasar hukum standar pelayanan', en: 'Legal basis of the service standard' },
          evidenceId: 'e1',
          validity: 'expired',
        }),
        libraryUse('use-2', {
          kind: 'survey',
          surveyId: 's-q4',
          surveyKind: 'skm',
          surveyPeriodKey: '2026-Q4',
          validity: 'expired',
          createdAt: '2026-11-03T00:00:00Z',
        }),
      ],
    }),
    doc('mk', {
      title: 'Maklumat Pelayanan',
      suggestedSurveys: ['s-s1'],
      suggestions: [
        {
          cycleId: 'c2',
          cycleName: 'PEKPPP 2026',
          cycleYear: 2026,
          family: 'pekppp',
          indicator: 'A5',
          ref: 'pekppp-2024/A/A5',
          text: { id: 'Siklus maklumat pelayanan terpenuhi', en: 'The maklumat cycle is complete' },
          topics: ['maklumat'],
          reason: 'type',
          validity: 'open',
        },
      ],
    }),
  ],
  total: 2,
  page: 1,
  pageSize: 200,
  unitName: 'Disdukcapil',
  bodyName: 'Kota Tangerang',
  today: '2026-12-05',
  types: [
    { code: 'sk-standar-pelayanan', title: { id: 'SK standar pelayanan', en: 'Service-standard decree' }, topics: ['standar-pelayanan'] },
    { code: 'maklumat-pelayanan', title: { id: 'Maklumat pelayanan', en: 'Service pledge (maklumat)' }, topics: ['maklumat'] },
  ],
  expiringSoonDays: 60,
  surveys: [
    { id: 's-q4', kind: 'skm', periodKey: '2026-Q4', closesAt: '2026-12-31T16:59:00Z' },
    { id: 's-m11', kind: 'skm', periodKey: '2026-11', closesAt: '2026-11-30T16:59:00Z' },
    { id: 's-s1', kind: 'skm', periodKey: '2026-S1', closesAt: '2026-06-30T16:59:00Z' },
  ],
};

function setup() {
  const onLink = vi.fn();
  const onUnlink = vi.fn();
  const onLinkSurvey = vi.fn();
  renderWithProviders(
    <LibraryList
      page={page}
      fileUrl={(id) => `/api/v1/library-documents/${id}/file`}
      onLink={onLink}
      onUnlink={onUnlink}
      onLinkSurvey={onLinkSurvey}
    />,
  );
  return { onLink, onUnlink, onLinkSurvey };
}

const card = (title: string) => screen.getByRole('article', { name: title });

describe('LibraryList', () => {
  it('lists each document with type, dates, an expired badge and where it is used', async () => {
    await i18n.loadNamespaces('improve');
    setup();
    expect(screen.getByText('2 dokumen')).toBeTruthy();
    expect(screen.getByText('1 kedaluwarsa')).toBeTruthy();
    expect(screen.getByText('Masa berlaku dinilai per 5 Desember 2026 (zona waktu instansi).')).toBeTruthy();
    const sk = card('SK Standar Pelayanan');
    expect(sk.textContent).toContain('SK standar pelayanan');
    expect(sk.textContent).toContain('Terbit 1 Februari 2023 · berlaku s.d. 31 Desember 2025');
    expect(within(sk).getByText('Kedaluwarsa').closest('[data-validity]')?.getAttribute('data-validity')).toBe('expired');
    expect(sk.textContent).toContain('S6 · Penilaian 2026');
    expect(sk.textContent).toContain('kedaluwarsa untuk siklus ini');
    expect(within(sk).getByRole('link', { name: 'Unduh sk.pdf' }).getAttribute('href')).toBe('/api/v1/library-documents/sk/file');
    const mk = card('Maklumat Pelayanan');
    expect(mk.textContent).toContain('tanpa batas berlaku');
    expect(within(mk).getByText('Tanpa batas')).toBeTruthy();
    expect(mk.textContent).toContain('Belum ditautkan ke indikator, survei atau tindak lanjut.');
  });

  it('names a survey among the uses (a link to its screen, expired flagged) and links a document to a survey, the suggested one first', async () => {
    await i18n.loadNamespaces('improve');
    const { onLinkSurvey, onUnlink } = setup();
    const sk = card('SK Standar Pelayanan');
    const use = within(sk).getByRole('link', { name: 'Survei SKM Triwulan IV 2026' });
    expect(use.getAttribute('href')).toBe('/survei/s-q4');
    expect(sk.textContent).toContain('kedaluwarsa hari ini');
    fireEvent.click(within(sk).getByRole('button', { name: 'Lepas tautan Survei SKM Triwulan IV 2026' }));
    expect(onUnlink).toHaveBeenCalledWith(page.items[0], page.items[0]!.uses[1]);
    // The SK is already linked to Q4: only the other surveys are offered.
    const skSelect = within(sk).getByRole('combobox', { name: 'Tautkan ke survei unit: SK Standar Pelayanan' }) as HTMLSelectElement;
    expect([...skSelect.options].map((o) => o.value)).toEqual(['s-m11', 's-s1']);
    // The maklumat's suggested survey comes first, chosen and marked.
    const mk = card('Maklumat Pelayanan');
    const select = within(mk).getByRole('combobox', { name: 'Tautkan ke survei unit: Maklumat Pelayanan' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'SKM Semester I 2026 (disarankan)',
      'SKM Triwulan IV 2026',
      'SKM November 2026',
    ]);
    fireEvent.click(within(mk).getByRole('button', { name: 'Tautkan ke survei SKM Semester I 2026: Maklumat Pelayanan' }));
    expect(onLinkSurvey).toHaveBeenLastCalledWith(page.items[1], page.surveys[2]);
    fireEvent.change(select, { target: { value: 's-m11' } });
    fireEvent.click(within(mk).getByRole('button', { name: 'Tautkan ke survei SKM November 2026: Maklumat Pelayanan' }));
    expect(onLinkSurvey).toHaveBeenLastCalledWith(page.items[1], page.surveys[1]);
  });

  it('offers the survey select only on documents that go with a survey, its name starting with its visible words', async () => {
    await i18n.loadNamespaces('improve');
    const types = [
      ...page.types,
      { code: 'sop-pelayanan', title: { id: 'SOP pelayanan', en: 'Service SOP' }, topics: ['prosedur'] },
      { code: 'lainnya', title: { id: 'Lainnya', en: 'Other' }, topics: [] },
    ];
    renderWithProviders(
      <LibraryList
        page={{
          ...page,
          items: [
            ...page.items,
            doc('sop', { type: 'sop-pelayanan', title: 'SOP KTP' }),
            doc('tl', { type: 'lainnya', title: 'Publikasi tindak lanjut SKM' }),
          ],
          total: 4,
          types,
        }}
        fileUrl={(id) => `/api/v1/library-documents/${id}/file`}
        onLink={vi.fn()}
        onUnlink={vi.fn()}
        onLinkSurvey={vi.fn()}
      />,
    );
    // An SOP is suggested for no survey and linked to none: no select, no link button.
    const sop = card('SOP KTP');
    expect(within(sop).queryByRole('combobox')).toBeNull();
    expect(within(sop).queryByRole('button', { name: /^Tautkan ke survei/ })).toBeNull();
    // Linked to a survey already, suggested for one, or of a type naming no topic: offered.
    for (const title of ['SK Standar Pelayanan', 'Maklumat Pelayanan', 'Publikasi tindak lanjut SKM']) {
      const select = within(card(title)).getByRole('combobox', { name: `Tautkan ke survei unit: ${title}` });
      // Its visible label is the start of its accessible name (WCAG 2.5.3).
      expect(within(card(title)).getByText('Tautkan ke survei unit').tagName).toBe('LABEL');
      expect(select).toBeTruthy();
    }
  });

  it('links a suggestion with one click and unlinks a use', async () => {
    await i18n.loadNamespaces('improve');
    const { onLink, onUnlink } = setup();
    const mk = card('Maklumat Pelayanan');
    fireEvent.click(within(mk).getByRole('button', { name: 'Tautkan ke indikator (1 saran)' }));
    const suggestions = within(mk).getByRole('region', { name: 'Disarankan untuk' });
    expect(suggestions.textContent).toContain('A5 · PEKPPP 2026');
    expect(suggestions.textContent).toContain('PEKPPP · sesuai jenis dokumen');
    fireEvent.click(within(suggestions).getByRole('button', { name: 'Tautkan ke A5 · PEKPPP 2026' }));
    expect(onLink).toHaveBeenCalledWith(page.items[1], page.items[1]!.suggestions[0]);
    fireEvent.click(within(card('SK Standar Pelayanan')).getByRole('button', { name: 'Lepas tautan S6 · Penilaian 2026' }));
    expect(onUnlink).toHaveBeenCalledWith(page.items[0], page.items[0]!.uses[0]);
  });

  it('says what is missing in the add form before sending anything', async () => {
    await i18n.loadNamespaces('improve');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    renderWithProviders(<AddDocumentForm unitId="u1" page={page} onDone={() => undefined} />);
    expect((screen.getByLabelText(/Jenis dokumen/) as HTMLSelectElement).value).toBe('sk-standar-pelayanan');
    fireEvent.submit(screen.getByRole('button', { name: 'Simpan ke pustaka' }).closest('form')!);
    expect(screen.getAllByText('Wajib diisi.').length).toBe(3);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('speaks English', async () => {
    setup();
    await act(() => changeLanguage('en'));
    try {
      expect(screen.getByText('2 documents')).toBeTruthy();
      expect(within(card('SK Standar Pelayanan')).getByText('Expired')).toBeTruthy();
      expect(card('SK Standar Pelayanan').textContent).toContain('Issued 1 February 2023 · valid until 31 December 2025');
    } finally {
      await act(() => changeLanguage('id'));
    }
  });
});

describe('editing and deleting a library document', () => {
  afterEach(() => vi.unstubAllGlobals());
  const recordFetch = () => {
    const sent: { url: string; method: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init: RequestInit = {}) => {
        sent.push({ url: String(input), method: init.method ?? 'GET', body: JSON.parse(String(init.body ?? 'null')) });
        return new Response(JSON.stringify({ id: 'mk', title: 'Maklumat Pelayanan' }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
    return sent;
  };

  it('offers edit and delete on each card, named by the document', async () => {
    await i18n.loadNamespaces('improve');
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    renderWithProviders(
      <LibraryList page={page} fileUrl={(id) => id} onLink={vi.fn()} onUnlink={vi.fn()} onEdit={onEdit} onDelete={onDelete} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ubah SK Standar Pelayanan' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hapus Maklumat Pelayanan' }));
    expect(onEdit.mock.calls[0]![0].id).toBe('sk');
    expect(onDelete.mock.calls[0]![0].id).toBe('mk');
  });

  it('edits the title and validity end, sending only what changed', async () => {
    await i18n.loadNamespaces('improve');
    const sent = recordFetch();
    const onClose = vi.fn();
    renderWithProviders(<EditDocumentDialog doc={page.items[1]!} page={page} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Judul dokumen/), { target: { value: '  Maklumat Pelayanan 2026 ' } });
    fireEvent.change(within(dialog).getByLabelText(/^Berlaku sampai/), { target: { value: '2027-12-31' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan perubahan' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: '/api/v1/library-documents/mk',
      method: 'PATCH',
      body: { title: 'Maklumat Pelayanan 2026', validUntil: '2027-12-31' },
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('a linked document says where it is used and offers no delete; an unlinked one is deleted after confirmation', async () => {
    await i18n.loadNamespaces('improve');
    const sent = recordFetch();
    const { unmount } = renderWithProviders(<DeleteDocumentDialog doc={page.items[0]!} onClose={vi.fn()} />);
    let dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('status').textContent).toContain('masih tertaut ke 2 indikator, survei atau tindak lanjut');
    expect(within(dialog).getByText('S6 · Penilaian 2026')).toBeTruthy();
    expect(within(dialog).getByText('Survei SKM Triwulan IV 2026')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Hapus dokumen' })).toBeNull();
    unmount();
    const onClose = vi.fn();
    renderWithProviders(<DeleteDocumentDialog doc={page.items[1]!} onClose={onClose} />);
    dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hapus dokumen' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ url: '/api/v1/library-documents/mk', method: 'DELETE' });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});
