import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { getScheme } from '../../../methodologies/index.ts';
import type { Scheme } from '../../core/types.ts';
import type { PublicationMeta, PublicationSnapshot, PublicationView } from '../../shared/wire/publications.ts';
import { EmbargoNotice } from '../ui/embargo-notice.tsx';
import { sourceFor } from '../ui/publication-source.tsx';
import { renderWithProviders } from '../test/render.tsx';
import { ErratumForm } from './erratum-form.tsx';
import { loadManageStrings, loadPublishStrings } from './manage-strings.ts';
import { PublicationContent } from './publication-page.tsx';
import { PublishForm } from './publish-form.tsx';
import { reasonError, rowErrors } from './publish-model.ts';
import { VersionHistory } from './version-history.tsx';

const scheme: Scheme = getScheme('ombudsman-2024')!;
const firstIndicator = scheme.dimensions[0]!.variables[0]!.indicators[0]!;

const meta = (over: Partial<PublicationMeta> = {}): PublicationMeta => ({
  id: 'p1',
  cycleId: 'c1',
  cycle: { id: 'c1', name: 'Penilaian 2024', year: 2024, schemeId: 'ombudsman-2024' },
  scope: '36',
  scopeName: 'Banten',
  version: 1,
  status: 'current',
  publicAt: '2024-12-10T02:00:00.000Z',
  publishedAt: '2024-12-04T03:30:00.000Z',
  publishedBy: 'Kepala Perwakilan Banten',
  reason: null,
  supersedesId: null,
  supersededById: null,
  contentHash: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
  schemeHash: '99887766554433221100998877665544332211009988776655443322110099aa',
  released: true,
  bodies: 2,
  ...over,
});

const snapshot: PublicationSnapshot = {
  format: 1,
  cycle: { id: 'c1', name: 'Penilaian 2024', year: 2024, schemeId: 'ombudsman-2024', family: 'ombudsman', schemeHash: 'x' },
  scope: '36',
  version: 1,
  publishedAt: '2024-12-04T03:30:00.000Z',
  publicAt: '2024-12-10T02:00:00.000Z',
  assumptions: [{ path: 'dimensions/output', note: { id: 'Asumsi satu', en: 'Assumption one' } }],
  bodies: [
    {
      id: 'b1',
      code: '36.71',
      name: 'Kota Tangerang',
      type: 'kota',
      provinceCode: '36',
      raw: 94.755,
      score: 94.76,
      bandCode: 'A',
      complete: true,
      units: 1,
      qualifiers: [],
      source: 'computed',
      ranks: {
        nationalType: { group: 'national:kota', rank: 3, of: 98, previousRank: 5, movement: 2 },
        province: { group: 'province:36', rank: 1, of: 8, previousRank: 1, movement: 0 },
      },
      previous: { cycleId: 'c0', year: 2022, score: 90.1, bandCode: 'A' },
      changes: [
        {
          unitId: 'u1',
          indicator: firstIndicator.code,
          source: 'dispute',
          reason: 'Bukti SK sudah ada sejak Maret',
          before: { value: 1, unitScore: 93.5 },
          after: { value: 3, unitScore: 95.2 },
          changedAt: '2024-12-01T00:00:00.000Z',
          changedBy: null,
        },
      ],
    },
    {
      id: 'b2',
      code: '36.02',
      name: 'Kabupaten Lebak',
      type: 'kabupaten',
      provinceCode: '36',
      raw: 61.2,
      score: 61.2,
      bandCode: 'D',
      complete: true,
      units: 0,
      qualifiers: [],
      source: 'computed',
      ranks: {
        nationalType: { group: 'national:kabupaten', rank: 300, of: 416, previousRank: null, movement: null },
        province: { group: 'province:36', rank: 8, of: 8, previousRank: 6, movement: -2 },
      },
      previous: null,
      changes: [],
    },
  ],
  units: [
    {
      id: 'u1',
      bodyId: 'b1',
      name: 'Disdukcapil Kota Tangerang',
      sector: 'adminduk',
      // issue 17: the unit's place as the snapshot froze it
      place: { provinceCode: '36', regencyCode: '36.71', regencyName: 'Kota Tangerang' },
      raw: 95.2,
      score: 95.2,
      bandCode: 'A',
      complete: true,
      breakdown: {
        schemeId: scheme.id,
        raw: 95.2,
        score: 95.2,
        band: 'A',
        complete: true,
        missing: [],
        incompleteInstruments: [],
        weight: 1,
        progress: {},
        supplements: [],
        dimensions: [
          [
            scheme.dimensions[0]!.code,
            90,
            20,
            2,
            [[scheme.dimensions[0]!.variables[0]!.code, 10, 1, [[firstIndicator.code, 3, 30, 1, 1, 0]]]],
          ],
        ],
      },
    },
  ],
};
const bands = scheme.bands.map(({ code, label, color, zone }) => ({ code, label, color, zone }));

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** A fetch double: replies by "METHOD path" and records every call. */
function mockApi(routes: Record<string, (body: unknown) => { status: number; json: unknown }>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const url = String(input)
        .replace(/^\/api\/v1/, '')
        .replace(/\?.*$/, '');
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ method, url, body });
      const handler = routes[`${method} ${url}`];
      const reply = handler ? handler(body) : { status: 404, json: { error: { code: 'not_found', message: 'nope', details: {} } } };
      return new Response(JSON.stringify(reply.json), { status: reply.status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

async function renderRouted(ui: ReactNode) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => ui }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  renderWithProviders(<RouterProvider router={router as never} />);
  await act(() => router.load());
}

const user = () => userEvent.setup({ delay: null });

beforeAll(() =>
  Promise.all([loadManageStrings('id'), loadManageStrings('en'), loadPublishStrings('detail', 'id'), loadPublishStrings('detail', 'en')]),
);
beforeEach(() => {
  vi.unstubAllGlobals();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

// Forms with many fields and a mocked server: generous timeouts for a loaded machine.
const SLOW = 30_000;

describe('publish-model', () => {
  it('requires a reason of 10 to 2000 characters, trimmed', () => {
    expect(reasonError('   ')).toBe('required');
    expect(reasonError(' typo     ')).toBe('too_short');
    expect(reasonError('Salah ketik nilai')).toBeNull();
    expect(reasonError('x'.repeat(2001))).toBe('too_long');
  });

  it('flags incomplete and duplicate correction rows', () => {
    const errors = rowErrors([
      { key: 1, bodyId: 'b', unitId: 'u', indicator: 'I1', value: '2' },
      { key: 2, bodyId: 'b', unitId: 'u', indicator: 'I1', value: '3' },
      { key: 3, bodyId: 'b', unitId: '', indicator: '', value: '' },
    ]);
    expect([...errors]).toEqual([
      [2, 'duplicate'],
      [3, 'incomplete'],
    ]);
  });
});

describe('ErratumForm', () => {
  it(
    'refuses a reason that is too short, in Indonesian, and sends nothing',
    async () => {
      const calls = mockApi({});
      const onPublished = vi.fn();
      renderWithProviders(<ErratumForm publication={meta()} onCancel={() => {}} onPublished={onPublished} />);
      await user().type(screen.getByRole('textbox', { name: /Alasan ralat/ }), 'Typo');
      await user().click(screen.getByRole('button', { name: 'Terbitkan ralat…' }));
      expect(screen.getByText('Alasan terlalu singkat: minimal 10 karakter.')).toBeTruthy();
      expect(screen.getByTestId('erratum-invalid').textContent).toBe('Periksa kembali isian yang ditandai.');
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
      expect(onPublished).not.toHaveBeenCalled();
      // An erratum of a public version is public at once: no embargo field.
      expect(screen.getByTestId('erratum-public-now').textContent).toBe(
        'Versi 1 sudah tayang untuk publik, jadi ralatnya langsung tayang juga.',
      );
      expect(screen.queryByLabelText('Tayang untuk publik pada')).toBeNull();
    },
    SLOW,
  );

  it(
    'keeps an embargoed version’s date unless a new one is chosen',
    async () => {
      mockApi({});
      renderWithProviders(<ErratumForm publication={meta({ released: false })} onCancel={() => {}} onPublished={() => {}} />);
      expect(screen.getByLabelText('Tayang untuk publik pada')).toBeTruthy();
      expect(screen.getByText(/^Versi ini masih embargo sampai 10 Desember 2024/)).toBeTruthy();
      expect(screen.queryByTestId('erratum-public-now')).toBeNull();
    },
    SLOW,
  );

  it('says so in English too', async () => {
    mockApi({});
    const { changeLanguage } = await import('../lib/i18n.ts');
    await act(() => changeLanguage('en'));
    renderWithProviders(<ErratumForm publication={meta()} onCancel={() => {}} onPublished={() => {}} />);
    await user().click(screen.getByRole('button', { name: 'Publish erratum…' }));
    expect(screen.getByText('Write the reason for the erratum.')).toBeTruthy();
  });

  it(
    'sends the reason and a correction picked from the snapshot and the frozen scheme, after confirmation',
    async () => {
      const created = meta({ id: 'p2', version: 2, reason: 'Nilai indikator salah input', supersedesId: 'p1' });
      const calls = mockApi({
        'GET /publications/p1': () => ({ status: 200, json: { meta: meta(), snapshot, bands } satisfies PublicationView }),
        'GET /cycles/c1/scheme': () => ({ status: 200, json: { schemeId: scheme.id, schemeHash: 'h', scheme } }),
        'POST /publications/p1/errata': () => ({ status: 201, json: created }),
      });
      const onPublished = vi.fn();
      renderWithProviders(<ErratumForm publication={meta()} onCancel={() => {}} onPublished={onPublished} />);
      await user().type(screen.getByRole('textbox', { name: /Alasan ralat/ }), '  Nilai indikator salah input  ');
      await user().click(screen.getByRole('button', { name: '+ Tambah koreksi' }));

      // An empty correction row blocks sending.
      await user().click(screen.getByRole('button', { name: 'Terbitkan ralat…' }));
      expect(await screen.findByText('Lengkapi instansi, unit, indikator, dan level, atau hapus koreksi ini.')).toBeTruthy();

      const row = await screen.findByTestId('correction-1');
      fireEvent.change(within(row).getByRole('combobox', { name: 'Instansi' }), { target: { value: 'b1' } });
      fireEvent.change(within(row).getByRole('combobox', { name: 'Unit layanan' }), { target: { value: 'u1' } });
      fireEvent.change(within(row).getByRole('combobox', { name: 'Indikator' }), { target: { value: firstIndicator.code } });
      const level = within(row).getByRole('combobox', { name: /Level baru/ });
      // The level's descriptor is offered with its value; the snapshot's value is shown.
      const top = firstIndicator.scale.levels.at(-1)!;
      expect(within(level).getByRole('option', { name: `${top.value} · ${top.descriptor.id}` })).toBeTruthy();
      expect(within(row).getByText('Nilai dalam versi ini: 3')).toBeTruthy();
      fireEvent.change(level, { target: { value: String(top.value) } });

      await user().click(screen.getByRole('button', { name: 'Terbitkan ralat…' }));
      const dialog = await screen.findByRole('dialog', { name: 'Terbitkan ralat?' });
      expect(within(dialog).getByText('1 koreksi jawaban')).toBeTruthy();
      expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
      await user().click(within(dialog).getByRole('button', { name: 'Ya, terbitkan ralat' }));

      await waitFor(() => expect(onPublished).toHaveBeenCalledWith(created));
      expect(calls.filter((c) => c.method === 'POST')).toEqual([
        {
          method: 'POST',
          url: '/publications/p1/errata',
          body: {
            reason: 'Nilai indikator salah input',
            corrections: [{ unitId: 'u1', indicator: firstIndicator.code, value: top.value }],
          },
        },
      ]);
    },
    SLOW,
  );
});

describe('PublishForm', () => {
  it(
    'publishes the fixed province scope with the embargo date, after confirming it is permanent',
    async () => {
      const calls = mockApi({ 'POST /cycles/c1/publications': () => ({ status: 201, json: meta({ released: false }) }) });
      await renderRouted(
        <PublishForm cycleId="c1" scopes={[{ value: '36', label: 'Banten' }]} scope="36" onScopeChange={() => {}} current={null} />,
      );
      expect(screen.getByTestId('publish-scope').textContent).toBe('Banten');
      expect(screen.getByText(/Koordinator melihat hasilnya sejak diterbitkan; publik sejak tanggal ini/)).toBeTruthy();
      fireEvent.change(screen.getByLabelText('Tayang untuk publik pada'), { target: { value: '2024-12-10T09:00' } });
      await user().click(screen.getByRole('button', { name: 'Terbitkan…' }));
      const dialog = await screen.findByRole('dialog', { name: 'Terbitkan hasil?' });
      expect(within(dialog).getByText(/Publikasi bersifat permanen/)).toBeTruthy();
      await user().click(within(dialog).getByRole('button', { name: 'Ya, terbitkan' }));
      await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
      expect(calls.find((c) => c.method === 'POST')).toEqual({
        method: 'POST',
        url: '/cycles/c1/publications',
        // issue 16: the embargo is a wall-clock time in the province's zone (Banten: WIB), not the browser's.
        body: { scope: '36', publicAt: '2024-12-10T02:00:00.000Z' },
      });
      expect((await screen.findByTestId('publish-done')).textContent).toContain('Versi 1 telah terbit');
    },
    SLOW,
  );

  it(
    'shows the server’s translated refusal when bodies are still open',
    async () => {
      mockApi({
        'POST /cycles/c1/publications': () => ({
          status: 409,
          json: {
            error: {
              code: 'publication.bodies_open',
              message: 'Masih ada 2 instansi yang belum final.',
              details: { bodies: [{ name: 'Kabupaten Lebak' }, { name: 'Kota Serang' }] },
            },
          },
        }),
      });
      await renderRouted(
        <PublishForm
          cycleId="c1"
          scopes={[
            { value: 'national', label: 'Nasional' },
            { value: '36', label: 'Banten' },
          ]}
          scope="national"
          onScopeChange={() => {}}
          current={null}
        />,
      );
      await user().click(screen.getByRole('button', { name: 'Terbitkan…' }));
      const dialog = await screen.findByRole('dialog');
      await user().click(within(dialog).getByRole('button', { name: 'Ya, terbitkan' }));
      const refusal = await within(dialog).findByTestId('server-refusal');
      expect(refusal.textContent).toContain('Masih ada 2 instansi yang belum final.');
      expect(refusal.textContent).toContain('Kabupaten Lebak');
    },
    SLOW,
  );

  it('offers no second publication when a version is in force', async () => {
    await renderRouted(
      <PublishForm
        cycleId="c1"
        scopes={[{ value: '36', label: 'Banten' }]}
        scope="36"
        onScopeChange={() => {}}
        current={meta({ version: 2 })}
      />,
    );
    expect(screen.getByTestId('publish-has-current').textContent).toContain('versi 2');
    expect(screen.queryByRole('button', { name: 'Terbitkan…' })).toBeNull();
  });
});

describe('VersionHistory', () => {
  it(
    'lists versions newest first with status badges, reason, publisher, id-ID dates and a short hash',
    async () => {
      const onErratum = vi.fn();
      const v2 = meta({ id: 'p2', version: 2, reason: 'Salah input nilai P3', supersedesId: 'p1' });
      const v1 = meta({ status: 'superseded', supersededById: 'p2' });
      await renderRouted(<VersionHistory versions={[v2, v1]} scopeName="Banten" onErratum={onErratum} />);
      const rows = within(screen.getByTestId('version-history')).getAllByRole('row').slice(1);
      expect(rows.map((r) => r.getAttribute('data-version'))).toEqual(['2', '1']);
      expect(within(rows[0]!).getByTestId('publication-status').textContent).toBe('Berlaku');
      expect(within(rows[1]!).getByTestId('publication-status').textContent).toBe('Digantikan');
      expect(rows[0]!.textContent).toContain('Salah input nilai P3');
      expect(rows[1]!.textContent).toContain('Terbitan pertama');
      expect(rows[0]!.textContent).toContain('oleh Kepala Perwakilan Banten');
      expect(rows[0]!.textContent).toMatch(/4 Desember 2024/);
      expect(rows[0]!.textContent).toContain('ab12cd34ef56…');
      // Only the version in force can be corrected.
      expect(within(rows[1]!).queryByRole('button')).toBeNull();
      await user().click(within(rows[0]!).getByRole('button', { name: 'Terbitkan ralat' }));
      expect(onErratum).toHaveBeenCalledWith(v2);
    },
    SLOW,
  );
});

describe('PublicationContent', () => {
  it.each([
    ['51', 'Bali', '10 Desember 2024 10.00 WITA'],
    ['91', 'Papua', '10 Desember 2024 11.00 WIT'],
  ])(
    'gives the dates of a province %s (%s) publication in its zone, not WIB (issue 16)',
    async (scope, scopeName, local) => {
      mockApi({ 'GET /cycles/c1/publications': () => ({ status: 200, json: { items: [] } }) });
      // 02:00 UTC: 09.00 WIB, 10.00 WITA, 11.00 WIT.
      await renderRouted(<PublicationContent meta={meta({ scope, scopeName, released: false })} snapshot={snapshot} bands={bands} />);
      expect(screen.getByTestId('embargo-banner').textContent).toContain(local);
      expect(document.body.textContent).not.toContain('WIB');
    },
    SLOW,
  );

  it(
    'marks a superseded version with a banner naming the new version, its reason, and a link to it',
    async () => {
      const v2 = meta({ id: 'p2', version: 2, reason: 'Salah input nilai P3', supersedesId: 'p1' });
      mockApi({
        'GET /cycles/c1/publications': () => ({ status: 200, json: { items: [v2, meta({ status: 'superseded', supersededById: 'p2' })] } }),
      });
      await renderRouted(
        <PublicationContent meta={meta({ status: 'superseded', supersededById: 'p2' })} snapshot={snapshot} bands={bands} />,
      );
      const banner = await screen.findByTestId('superseded-banner');
      await waitFor(() => expect(banner.textContent).toContain('Versi ini telah digantikan oleh versi 2 (alasan: Salah input nilai P3)'));
      expect(within(banner).getByRole('link', { name: 'Buka versi 2' }).getAttribute('href')).toBe('/publikasi/p2');
      // The header says so too, and the list of versions marks the one in force.
      expect(screen.getAllByTestId('publication-status').map((b) => b.textContent)).toEqual(['Digantikan', 'Berlaku', 'Digantikan']);
    },
    SLOW,
  );

  it(
    'shows an erratum’s reason, the governments by rank with units and change log, hashes and downloads',
    async () => {
      mockApi({
        'GET /cycles/c1/publications': () => ({ status: 200, json: { items: [] } }),
        'GET /cycles/c1/scheme': () => ({ status: 200, json: { schemeId: scheme.id, schemeHash: 'h', scheme } }),
      });
      const v2 = meta({ id: 'p2', version: 2, reason: 'Salah input nilai P3', supersedesId: 'p1', released: false });
      await renderRouted(<PublicationContent meta={v2} snapshot={snapshot} bands={bands} />);
      expect(screen.getByTestId('erratum-banner').textContent).toContain('Ralat dari versi 1: Salah input nilai P3');
      expect(screen.getByTestId('embargo-banner').textContent).toContain('Embargo: tayang untuk publik pada 10 Desember 2024');
      const table = screen.getByRole('table', { name: 'Instansi dalam publikasi Banten, menurut peringkat' });
      const names = within(table)
        .getAllByRole('rowheader')
        .map((h) => within(h).getByRole('button').textContent);
      expect(names).toEqual(['Kota Tangerang', 'Kabupaten Lebak']);
      const first = within(table).getAllByRole('row')[1]!;
      expect(within(first).getByTestId('score-value').textContent).toBe('94,76');
      expect(first.textContent).toContain('1 dari 8');
      expect(first.textContent).toContain('3 dari 98');
      expect(first.textContent).toContain('Naik 2 peringkat (sebelumnya 5)');

      const toggle = within(first).getByRole('button', { name: 'Kota Tangerang' });
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      await user().click(toggle);
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      // The detail row's code loads on first opening.
      const unit = (await screen.findByText('Disdukcapil Kota Tangerang')).closest('li')!;
      // Its office type and kabupaten/kota (issue 17), never the bare code.
      expect(unit.textContent).toContain('Administrasi kependudukan · Kota Tangerang');
      expect(unit.textContent).not.toContain('36.71');
      const log = await screen.findByTestId('change-log');
      expect(log.textContent).toContain('Nilai indikator 1 → 3; nilai unit 93,50 → 95,20');
      expect(log.textContent).toContain('Bukti SK sudah ada sejak Maret');
      await waitFor(() => expect(log.textContent).toContain(firstIndicator.text.id));

      expect(screen.getByTestId('content-hash').textContent).toBe(v2.contentHash);
      expect(screen.getByTestId('download-csv').getAttribute('href')).toBe('/api/v1/publications/p2/open-data.csv');
      expect(screen.getByTestId('download-json').getAttribute('href')).toBe('/api/v1/publications/p2/open-data.json');
      expect(screen.getByTestId('awards-link').getAttribute('href')).toBe('/penghargaan/p2');
    },
    SLOW,
  );
});

describe('EmbargoNotice and the leaderboard source', () => {
  it(
    'tells the koordinator its results are published and when the public sees them',
    async () => {
      mockApi({
        'GET /cycles/c1/publications': () => ({
          status: 200,
          json: {
            items: [meta({ released: false }), meta({ id: 'p0', version: 1, scope: '31', scopeName: 'DKI Jakarta', released: false })],
          },
        }),
      });
      await renderRouted(<EmbargoNotice cycleId="c1" provinceCode="36" />);
      const notice = await screen.findByTestId('embargo-notice');
      expect(screen.getAllByTestId('embargo-notice')).toHaveLength(1);
      expect(notice.textContent).toMatch(/^Diterbitkan, tayang untuk publik pada 10 Desember 2024 \d{2}\.\d{2}/);
      expect(within(notice).getByRole('link', { name: 'Buka halaman publikasi' }).getAttribute('href')).toBe('/publikasi/p1');
    },
    SLOW,
  );

  it(
    'says nothing once the publication is public',
    async () => {
      const calls = mockApi({ 'GET /cycles/c1/publications': () => ({ status: 200, json: { items: [meta({ released: true })] } }) });
      await renderRouted(<EmbargoNotice cycleId="c1" provinceCode="36" />);
      await waitFor(() => expect(calls).toHaveLength(1));
      expect(screen.queryByTestId('embargo-notice')).toBeNull();
    },
    SLOW,
  );

  it('cites the released version in force for the scope, else the nation’s', () => {
    const national = meta({ id: 'n1', scope: 'national', scopeName: 'Nasional' });
    const bantenOld = meta({ id: 'b1', status: 'superseded' });
    const bantenNew = meta({ id: 'b2', version: 2 });
    const bantenEmbargoed = meta({ id: 'b3', released: false });
    expect(sourceFor([national, bantenOld, bantenNew], '36')?.id).toBe('b2');
    expect(sourceFor([national, bantenOld], '36')?.id).toBe('n1');
    expect(sourceFor([bantenEmbargoed], '36')).toBeUndefined();
    expect(sourceFor([bantenNew, national], 'national')?.id).toBe('n1');
  });
});
