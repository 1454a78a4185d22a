import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Finding, FollowupProduct } from '../../shared/wire/findings.ts';
import { i18n } from '../lib/i18n.ts';
import { renderWithProviders } from '../test/render.tsx';
import { FollowupProductForm, FollowupProductList } from './followup-products.tsx';
import { FindingsToAdvise } from './followup-screen.tsx';

const CYCLE = '11111111-1111-4111-8111-111111111111';
const BODY = '22222222-2222-4222-8222-222222222222';
const UNIT = '33333333-3333-4333-8333-333333333333';

const finding = (indicator: string, over: Partial<Finding> = {}): Finding => ({
  id: `00000000-0000-4000-8000-00000000000${indicator.length}`,
  cycleId: CYCLE,
  bodyId: BODY,
  bodyName: 'Kota Tangerang',
  unitId: UNIT,
  unitName: 'Disdukcapil',
  indicator,
  ref: `ombudsman-2024/x/${indicator}`,
  text: { id: `Standar pelayanan ${indicator}`, en: `Service standard ${indicator}` },
  dimension: 'standar',
  levelReached: 2,
  nextLevel: 3,
  nextDescriptor: { id: 'Standar pelayanan dipublikasikan', en: 'Service standard published' },
  unitGain: 1,
  governmentGain: 0.5,
  recommendationKind: null,
  recommendation: null,
  recommendedBy: null,
  recommendedAt: null,
  actions: 0,
  verifiedActions: 0,
  resolution: null,
  resolutionNote: null,
  resolvedBy: null,
  resolvedAt: null,
  createdAt: '2026-11-01T00:00:00Z',
  ...over,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('FindingsToAdvise (the Perwakilan writes advice per finding)', () => {
  it('saves a tindakan korektif on a finding, refuses an empty text without sending, and clears an existing one', async () => {
    await i18n.loadNamespaces('improve');
    const sent: { url: string; method: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init: RequestInit = {}) => {
        sent.push({ url: String(input), method: init.method ?? 'GET', body: JSON.parse(String(init.body ?? 'null')) });
        return json(finding('SP1'));
      }),
    );
    const items = [
      finding('SP1'),
      finding('SP12', { recommendationKind: 'saran_perbaikan', recommendation: 'Pasang maklumat.', recommendedAt: '2026-11-02T03:00:00Z' }),
    ];
    renderWithProviders(<FindingsToAdvise items={items} />);
    const [first, second] = within(screen.getByRole('list', { name: 'Daftar temuan' })).getAllByRole('listitem');
    // Nothing typed: the save button is disabled until the text changes; an emptied text is refused on screen.
    const save = within(first!).getByRole('button', { name: 'Simpan saran: SP1 · Disdukcapil' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(first!).getByLabelText('Jenis saran: SP1 · Disdukcapil'), { target: { value: 'tindakan_korektif' } });
    fireEvent.click(save);
    expect(await within(first!).findByText('Wajib diisi.')).toBeTruthy();
    expect(sent).toHaveLength(0);
    fireEvent.change(within(first!).getByLabelText('Isi saran: SP1 · Disdukcapil'), {
      target: { value: '  Tetapkan SK standar pelayanan.  ' },
    });
    fireEvent.click(save);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      url: `/api/v1/findings/${items[0]!.id}`,
      method: 'PATCH',
      body: { recommendationKind: 'tindakan_korektif', recommendation: 'Tetapkan SK standar pelayanan.' },
    });
    // The second already has advice: it is prefilled, dated and can be removed.
    expect((within(second!).getByLabelText('Isi saran: SP12 · Disdukcapil') as HTMLTextAreaElement).value).toBe('Pasang maklumat.');
    expect(second!.textContent).toContain('Terakhir disimpan 2 November 2026');
    fireEvent.click(within(second!).getByRole('button', { name: 'Hapus saran: SP12 · Disdukcapil' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.body).toEqual({ recommendationKind: null, recommendation: null });
  });

  it('shows a refusal translated', async () => {
    await i18n.loadNamespaces(['improve', 'ui']);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ error: { code: 'auth.forbidden', message: 'Anda tidak berwenang melakukan ini.', details: {} } }, 403)),
    );
    renderWithProviders(<FindingsToAdvise items={[finding('SP1')]} />);
    fireEvent.change(screen.getByLabelText('Isi saran: SP1 · Disdukcapil'), { target: { value: 'Saran' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan saran: SP1 · Disdukcapil' }));
    expect(
      await screen.findByText(i18n.t('errors.auth.forbidden', { ns: 'ui', defaultValue: 'Anda tidak berwenang melakukan ini.' })),
    ).toBeTruthy();
  });
});

describe('Follow-up products', () => {
  const product = (over: Partial<FollowupProduct> = {}): FollowupProduct => ({
    id: '44444444-4444-4444-8444-444444444444',
    cycleId: CYCLE,
    bodyId: BODY,
    unitId: UNIT,
    findingId: finding('SP1').id,
    kind: 'rekomendasi',
    number: 'R/12/ORI-BTN/XI/2026',
    issuedOn: '2026-11-20',
    title: 'Rekomendasi perbaikan standar pelayanan',
    note: null,
    document: { sha256: 'abc', filename: 'rekomendasi.pdf', mime: 'application/pdf', size: 1000 },
    createdBy: null,
    createdAt: '2026-11-20T01:00:00Z',
    ...over,
  });

  it('lists each product with its kind, number, date, what it is about and its document', async () => {
    await i18n.loadNamespaces('improve');
    renderWithProviders(
      <FollowupProductList
        items={[product(), product({ id: '55555555-5555-4555-8555-555555555555', kind: 'saran_perbaikan', unitId: null, findingId: null })]}
        findings={[finding('SP1')]}
      />,
    );
    const rows = within(screen.getByRole('list', { name: 'Produk tindak lanjut Ombudsman' })).getAllByRole('listitem');
    expect(rows[0]!.textContent).toContain('Rekomendasi');
    expect(rows[0]!.textContent).toContain('Nomor R/12/ORI-BTN/XI/2026 · 20 November 2026 · SP1 · Disdukcapil');
    expect(rows[1]!.textContent).toContain('Pemerintah secara keseluruhan');
    expect(within(rows[0]!).getByRole('link', { name: 'Unduh dokumen: rekomendasi.pdf' }).getAttribute('href')).toBe(
      '/api/v1/followup-products/44444444-4444-4444-8444-444444444444/document',
    );
  });

  it('records a product: fields required, then sent as multipart with the unit, the finding and the file', async () => {
    await i18n.loadNamespaces('improve');
    const sent: { url: string; form: FormData }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init: RequestInit = {}) => {
        sent.push({ url: String(input), form: init.body as FormData });
        return json(product(), 201);
      }),
    );
    const onDone = vi.fn();
    renderWithProviders(
      <FollowupProductForm
        cycleId={CYCLE}
        bodyId={BODY}
        units={[{ id: UNIT, name: 'Disdukcapil' }]}
        findings={[finding('SP1')]}
        onDone={onDone}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Simpan produk' }));
    expect((await screen.findAllByText('Wajib diisi.')).length).toBe(4);
    expect(sent).toHaveLength(0);
    fireEvent.change(screen.getByLabelText(/^Jenis produk/), { target: { value: 'rekomendasi' } });
    fireEvent.change(screen.getByLabelText(/^Nomor surat/), { target: { value: 'R/12/ORI-BTN/XI/2026' } });
    fireEvent.change(screen.getByLabelText(/^Tanggal terbit/), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByLabelText(/^Judul/), { target: { value: 'Rekomendasi perbaikan' } });
    fireEvent.change(screen.getByLabelText(/^Tentang/), { target: { value: UNIT } });
    fireEvent.change(screen.getByLabelText(/^Temuan/), { target: { value: finding('SP1').id } });
    const file = new File(['%PDF-1.4'], 'rekomendasi.pdf', { type: 'application/pdf' });
    fireEvent.change(document.querySelector('input[type="file"]')!, { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan produk' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.url).toBe(`/api/v1/cycles/${CYCLE}/bodies/${BODY}/followup-products`);
    const form = sent[0]!.form;
    expect([...form.keys()]).toEqual(['kind', 'number', 'issuedOn', 'title', 'unitId', 'findingId', 'file']);
    expect(form.get('kind')).toBe('rekomendasi');
    expect(form.get('findingId')).toBe(finding('SP1').id);
    expect((form.get('file') as File).name).toBe('rekomendasi.pdf');
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });
});
