// Issue 17: the unit form's office type and location picker, and the locations import.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UnitIn } from '../../shared/wire/registry.ts';
import { ApiError } from '../lib/api.ts';
import { renderWithProviders } from '../test/render.tsx';
import { UnitForm } from './unit-form.tsx';
import { UnitLocationsImport } from './unit-locations-import.tsx';
import { coordinateProblems, locationsCsv, parseCoordinate } from './unit-location-model.ts';

const uploadForm = vi.hoisted(() => vi.fn());
vi.mock('../lib/upload.ts', () => ({ uploadForm }));

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const CILEGON = { code: '36.72', name: 'Kota Cilegon' };
const seen: string[] = [];

beforeEach(() => {
  seen.length = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    seen.push(url);
    if (url.startsWith('/api/v1/vertical-office-types'))
      return json({
        items: [
          {
            bodyCode: 'polri',
            sector: 'kepolisian',
            name: 'Polres {place}',
            label: { id: 'Kepolisian Resor (Polres/Polresta)', en: 'District police (Polres)' },
          },
          {
            bodyCode: 'atrbpn',
            sector: 'pertanahan',
            name: 'Kantor Pertanahan {place}',
            label: { id: 'Kantor Pertanahan', en: 'Land office' },
          },
        ],
      });
    if (url.startsWith('/api/v1/regencies/match')) return json({ regency: decodeURIComponent(url).includes('Cilegon') ? CILEGON : null });
    return json({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});
afterEach(() => vi.unstubAllGlobals());

const setup = () => userEvent.setup({ delay: null });
const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
/** Types a whole value at once (a paste: one render instead of one per key). */
async function fill(user: ReturnType<typeof setup>, label: RegExp, value: string) {
  await user.click(field(label));
  await user.paste(value);
}

describe('UnitForm: office type and location (issue 17)', { timeout: 60_000 }, () => {
  it('offers the body’s vertical office types first and takes the kabupaten/kota the address names', async () => {
    const onSubmit = vi.fn(async (_: UnitIn) => {});
    const user = setup();
    renderWithProviders(<UnitForm bodyCode="polri" onSubmit={onSubmit} onCancel={() => {}} />);
    const select = (await screen.findByLabelText(/^Jenis kantor/)) as HTMLSelectElement;
    await waitFor(() => expect(within(select).getByRole('option', { name: 'Kepolisian Resor (Polres/Polresta)' })).toBeTruthy());
    const groups = [...select.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toEqual(['Kantor vertikal instansi ini', 'Sektor lain']);
    // Another body's office type is not offered as this body's.
    expect(within(select.querySelector('optgroup')!).queryByRole('option', { name: 'Kantor Pertanahan' })).toBeNull();
    await fill(user, /^Nama unit/, 'Polres Cilegon');
    await user.selectOptions(select, 'kepolisian');
    await fill(user, /^Alamat/, 'Jl. Sudirman, Kota Cilegon');
    const use = await screen.findByRole('button', { name: 'Pakai Kota Cilegon' }, { timeout: 3000 });
    await user.click(use);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Pakai Kota Cilegon' })).toBeNull());
    await fill(user, /^Lintang/, '-6,0183');
    await fill(user, /^Bujur/, '106.0486');
    expect(screen.getByRole('link', { name: /Lihat titik ini di peta/ }).getAttribute('href')).toContain('mlat=-6.0183&mlon=106.0486');
    await user.click(screen.getByRole('button', { name: 'Tambahkan unit' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      name: 'Polres Cilegon',
      sector: 'kepolisian',
      address: 'Jl. Sudirman, Kota Cilegon',
      regencyCode: '36.72',
      latitude: -6.0183,
      longitude: 106.0486,
    });
  });

  it('refuses coordinates that are not numbers, outside Indonesia or alone, and sends nothing', async () => {
    const onSubmit = vi.fn(async () => {});
    const user = setup();
    renderWithProviders(
      <UnitForm unit={{ name: 'Polres Serang', sector: 'kepolisian' }} bodyCode="polri" onSubmit={onSubmit} onCancel={() => {}} />,
    );
    await fill(user, /^Lintang/, 'enam');
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    expect(screen.getByText('Tulis angka desimal, misalnya -6,0183.')).toBeTruthy();
    await user.clear(field(/^Lintang/));
    await fill(user, /^Lintang/, '20');
    await fill(user, /^Bujur/, '106');
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    expect(screen.getByText('Di luar wilayah Indonesia: harus antara -11.5 dan 6.5.')).toBeTruthy();
    await user.clear(field(/^Lintang/));
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    expect(screen.getByText('Lintang dan bujur diisi bersama.')).toBeTruthy();
    expect(field(/^Lintang/).getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sets approximate coordinates from a click on the province drawing (offline picker)', async () => {
    const onSubmit = vi.fn(async (_: UnitIn) => {});
    renderWithProviders(
      <UnitForm
        unit={{ name: 'Polres Cilegon', sector: 'kepolisian', regencyCode: '36.72' }}
        bodyCode="polri"
        onSubmit={onSubmit}
        onCancel={() => {}}
      />,
    );
    const drawing = await screen.findByRole('img', { name: 'Gambar provinsi untuk memilih koordinat' });
    // Banten's 8 kabupaten/kota, Cilegon the chosen one; no point yet.
    expect(drawing.querySelectorAll('[data-regency]')).toHaveLength(8);
    expect(drawing.querySelector('[data-regency="36.72"]')!.getAttribute('class')).toContain('picker-ref-chosen');
    expect(screen.queryByTestId('picker-point')).toBeNull();
    // A click at the drawing's middle (jsdom boxes start at 0, 0): a point inside Banten.
    fireEvent.click(drawing, { clientX: Number(drawing.getAttribute('width')) / 2, clientY: Number(drawing.getAttribute('height')) / 2 });
    const lat = Number(field(/^Lintang/).value);
    const lon = Number(field(/^Bujur/).value);
    expect(lat).toBeGreaterThan(-7.1);
    expect(lat).toBeLessThan(-5.8);
    expect(lon).toBeGreaterThan(105.1);
    expect(lon).toBeLessThan(106.9);
    expect(field(/^Lintang/).value).toMatch(/^-\d\.\d{1,4}$/);
    expect(await screen.findByTestId('picker-point')).toBeTruthy();
  });

  it('reads coordinates the way people type them', () => {
    expect(parseCoordinate(' -6,0183 ')).toBe(-6.0183);
    expect(parseCoordinate('−6.5')).toBe(-6.5);
    expect(parseCoordinate('')).toBeNull();
    expect(Number.isNaN(parseCoordinate('6°S'))).toBe(true);
    expect(coordinateProblems('', '')).toEqual({});
    expect(coordinateProblems('-6', '')).toEqual({ longitude: 'pair' });
    expect(coordinateProblems('-6', '150')).toEqual({ longitude: 'range' });
  });
});

describe('UnitLocationsImport (issue 17)', { timeout: 30_000 }, () => {
  it('shows every problem of a refused file in a table', async () => {
    uploadForm.mockRejectedValueOnce(
      new ApiError(422, 'import.invalid', '2 masalah', {
        count: 2,
        issues: [
          {
            sheet: null,
            row: 3,
            column: 'D',
            header: 'kode_kabupaten_kota',
            code: 'regency.unknown',
            message: 'Kode kabupaten/kota 99.99 tidak dikenal.',
            value: '99.99',
          },
          {
            sheet: null,
            row: 5,
            column: null,
            header: null,
            code: 'coordinate.incomplete',
            message: 'Lintang dan bujur harus diisi bersama.',
          },
        ],
      }),
    );
    const user = setup();
    renderWithProviders(<UnitLocationsImport bodyId="00000000-0000-4000-8000-000000000001" bodyCode="polri" />);
    const input = (await screen.findByLabelText(/^Berkas lokasi/)) as HTMLInputElement;
    const file = new File(['id_unit,lintang\n'], 'lokasi.csv', { type: 'text/csv' });
    // Mantine's FileInput keeps a hidden <input type=file>.
    await user.upload(document.querySelector('input[type=file]') as HTMLInputElement, file);
    expect(input).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Periksa dan simpan lokasi' }));
    const table = await screen.findByTestId('import-issues');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Kode kabupaten/kota 99.99 tidak dikenal.');
    expect(rows[1]!.getAttribute('data-code')).toBe('coordinate.incomplete');
    expect(uploadForm).toHaveBeenCalledWith('/bodies/00000000-0000-4000-8000-000000000001/units/locations', expect.any(FormData), {
      lang: 'id',
    });
  });

  it('says how many units changed', async () => {
    uploadForm.mockResolvedValueOnce({ updated: 7, unchanged: 1 });
    const user = setup();
    renderWithProviders(<UnitLocationsImport bodyId="00000000-0000-4000-8000-000000000001" bodyCode="polri" />);
    await screen.findByLabelText(/^Berkas lokasi/);
    await user.upload(document.querySelector('input[type=file]') as HTMLInputElement, new File(['x'], 'lokasi.xlsx'));
    await user.click(screen.getByRole('button', { name: 'Periksa dan simpan lokasi' }));
    expect(await screen.findByText('7 unit diperbarui, 1 baris tanpa perubahan.')).toBeTruthy();
  });

  it('writes the template in the import’s own column names, quoting what needs it', () => {
    const csv = locationsCsv([
      { id: 'u1', name: 'Polres Serang', address: 'Jl. A, "Serang"', regencyCode: '36.04', latitude: -6.1, longitude: 106.1 },
      { id: 'u2', name: 'Polres Lebak', address: null, regencyCode: null, latitude: null, longitude: null },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'id_unit,unit,alamat,kode_kabupaten_kota,lintang,bujur',
      'u1,Polres Serang,"Jl. A, ""Serang""",36.04,-6.1,106.1',
      'u2,Polres Lebak,,,,',
      '',
    ]);
  });
});
