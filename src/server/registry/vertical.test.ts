// Issue 17: vertical offices in the registry — the typical office types of the starter list's
// ministries and agencies, a typed address's kabupaten/kota, a Perwakilan registering and locating
// the vertical offices of its province (never another's), and unit locations in bulk from Excel.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { addUser, signIn, type SignedIn } from '../auth/testing.ts';
import { bodies, units } from './schema.ts';
import { agencies, ministries, seedRegistry } from './seed.ts';
import { regencyFromAddress } from './locations.ts';
import { verticalOfficeName, verticalOfficeTypes } from './vertical-offices.ts';
import { SECTORS } from '../../shared/wire/enums.ts';

let t: TestApp;
let admin: SignedIn;
let pimpinan: SignedIn;
const PW = 'kata-sandi-rahasia';
let polri = '';
let atr = '';

beforeAll(async () => {
  t = await createTestApp();
  await t.db.db.transaction((tx) => seedRegistry(tx));
  await addUser(t.db.db, { username: 'admin', name: 'Admin', password: PW, role: 'admin' });
  await addUser(t.db.db, { username: 'pimpinan', name: 'Kepala Banten', password: PW, role: 'pimpinan', provinceCode: '36' });
  admin = await signIn(t.app, 'admin', PW);
  pimpinan = await signIn(t.app, 'pimpinan', PW);
  polri = (await t.db.db.select().from(bodies).where(eq(bodies.code, 'polri')))[0]!.id;
  atr = (await t.db.db.select().from(bodies).where(eq(bodies.code, 'atrbpn')))[0]!.id;
});
afterAll(() => t.close());

const call = (who: SignedIn | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });

function form(file: { name: string; content: Buffer }) {
  const boundary = `----pantau${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (who: SignedIn, bodyId: string, file: { name: string; content: Buffer }) => {
  const f = form(file);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/bodies/${bodyId}/units/locations`,
    payload: f.payload,
    headers: { ...who.headers, ...f.headers },
  });
};

describe('vertical office types (registry data)', () => {
  it('gives the starter list’s ministries and agencies their typical vertical offices as sectors', async () => {
    const res = await call(null, 'GET', '/vertical-office-types');
    expect(res.statusCode).toBe(200);
    const items: { bodyCode: string; sector: string; name: string }[] = res.json().items;
    expect(items).toContainEqual(expect.objectContaining({ bodyCode: 'polri', sector: 'kepolisian', name: 'Polres {place}' }));
    expect(items).toContainEqual(expect.objectContaining({ bodyCode: 'atrbpn', sector: 'pertanahan' }));
    for (const s of ['imigrasi', 'samsat', 'kua']) expect(items.some((i) => i.sector === s)).toBe(true);
    const starter = new Set([...ministries, ...agencies].map(([code]) => code));
    for (const v of verticalOfficeTypes) {
      expect(starter.has(v.body), v.body).toBe(true);
      expect((SECTORS as readonly string[]).includes(v.sector)).toBe(true);
    }
  });

  it('names an office after its kabupaten/kota, the kota saying so', () => {
    const polres = verticalOfficeTypes.find((v) => v.sector === 'kepolisian')!;
    const bpn = verticalOfficeTypes.find((v) => v.sector === 'pertanahan')!;
    expect(verticalOfficeName(polres, 'Kabupaten Serang')).toBe('Polres Serang');
    expect(verticalOfficeName(bpn, 'Kota Cilegon')).toBe('Kantor Pertanahan Kota Cilegon');
  });
});

describe('a typed address names its kabupaten/kota', () => {
  const regencies = [
    { code: '36.04', name: 'Kabupaten Serang' },
    { code: '36.73', name: 'Kota Serang' },
    { code: '36.72', name: 'Kota Cilegon' },
    { code: '32.73', name: 'Kota Bandung' },
    { code: '32.04', name: 'Kabupaten Bandung' },
  ];
  it('by full name, bare name, or not at all when unsure', () => {
    expect(regencyFromAddress('Jl. Jenderal Sudirman No. 1, Kota Cilegon, Banten', regencies)).toBe('36.72');
    expect(regencyFromAddress('Jl. Raya Serang km 5, Kabupaten Serang', regencies)).toBe('36.04');
    expect(regencyFromAddress('Jl. Veteran, Kota Serang', regencies)).toBe('36.73');
    expect(regencyFromAddress('Jl. Merdeka, Cilegon', regencies)).toBe('36.72');
    expect(regencyFromAddress('Jl. Asia Afrika, Kota Bandung', regencies)).toBe('32.73');
    expect(regencyFromAddress('Jl. Soreang, Kab. Bandung', regencies)).toBe('32.04');
    expect(regencyFromAddress('Jl. Tanpa Nama', regencies)).toBeNull();
  });

  it('through the API', async () => {
    const res = await call(null, 'GET', `/regencies/match?address=${encodeURIComponent('Jl. Ahmad Yani, Kota Cilegon')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ regency: { code: '36.72', name: 'Kota Cilegon' } });
  });
});

describe('a Perwakilan and the vertical offices of its province', () => {
  it('registers one located in its province, never one elsewhere or without a location', async () => {
    const ok = await call(pimpinan, 'POST', `/bodies/${polri}/units`, {
      name: 'Polres Serang',
      sector: 'kepolisian',
      regencyCode: '36.04',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ provinceCode: null, regencyCode: '36.04' });
    await expectUnchanged(t.db.db, async () => {
      expect(
        (
          await call(pimpinan, 'POST', `/bodies/${polri}/units`, {
            name: 'Polrestabes Bandung',
            sector: 'kepolisian',
            regencyCode: '32.73',
          })
        ).statusCode,
      ).toBe(403);
      expect((await call(pimpinan, 'POST', `/bodies/${polri}/units`, { name: 'Polres Entah', sector: 'kepolisian' })).statusCode).toBe(403);
      // … nor moves its own elsewhere.
      expect((await call(pimpinan, 'PATCH', `/units/${ok.json().id}`, { regencyCode: '32.73' })).statusCode).toBe(403);
    });
    expect(
      (await call(pimpinan, 'PATCH', `/units/${ok.json().id}`, { address: 'Jl. Ki Mas Jong, Serang', latitude: -6.12, longitude: 106.15 }))
        .statusCode,
    ).toBe(200);
  });
});

describe('unit locations in bulk from Excel', () => {
  async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lokasi');
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('sets every listed unit’s location in one go, a typed address giving the kabupaten/kota', async () => {
    const created = await t.db.db
      .insert(units)
      .values([
        { bodyId: atr, name: 'Kantor Pertanahan Kabupaten Serang', sector: 'pertanahan' },
        { bodyId: atr, name: 'Kantor Pertanahan Kota Cilegon', sector: 'pertanahan' },
      ])
      .returning();
    const file = await xlsx([
      ['Unit', 'Alamat', 'Kode Kabupaten/Kota', 'Lintang', 'Bujur'],
      ['Kantor Pertanahan Kabupaten Serang', 'Jl. Raya Serang - Jakarta km 4', '36.04', -6.118, 106.163],
      ['kantor pertanahan kota cilegon', 'Jl. Ahmad Yani No. 2, Kota Cilegon', null, '-6,0169', '106,0538'],
    ]);
    const res = await upload(pimpinan, atr, { name: 'lokasi.xlsx', content: file });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 2, unchanged: 0 });
    const after = await t.db.db.select().from(units).where(eq(units.bodyId, atr));
    const cilegon = after.find((u) => u.id === created[1]!.id)!;
    expect(cilegon).toMatchObject({ regencyCode: '36.72', latitude: -6.0169, longitude: 106.0538 });
    // Again: nothing changes.
    expect((await upload(pimpinan, atr, { name: 'lokasi.xlsx', content: file })).json()).toEqual({ updated: 0, unchanged: 2 });
  });

  it('lists every problem and saves nothing', async () => {
    const file = await xlsx([
      ['Unit', 'Kode Kabupaten/Kota', 'Lintang', 'Bujur'],
      ['Kantor Pertanahan Kabupaten Serang', '99.99', -6.1, 106.1],
      ['Kantor Pertanahan Entah', '36.04', -6.1, 106.1],
      ['Kantor Pertanahan Kota Cilegon', '36.72', 52.5, 13.4],
      ['Kantor Pertanahan Kota Cilegon', '36.72', null, 106.1],
    ]);
    await expectUnchanged(t.db.db, async () => {
      const res = await upload(admin, atr, { name: 'lokasi.xlsx', content: file });
      expect(res.statusCode).toBe(422);
      const codes = res.json().error.details.issues.map((i: { code: string; row: number }) => `${i.row}:${i.code}`);
      expect(codes).toEqual(['2:regency.unknown', '3:unit.unknown', '4:coordinate.invalid', '4:coordinate.invalid', '5:unit.duplicate']);
    });
  });

  it('refuses a Perwakilan a row that locates a vertical office in another province', async () => {
    const file = Buffer.from('unit,kode_kabupaten_kota\nKantor Pertanahan Kota Cilegon,32.73\n');
    await expectUnchanged(t.db.db, async () => {
      expect((await upload(pimpinan, atr, { name: 'lokasi.csv', content: file })).statusCode).toBe(403);
    });
    expect((await upload(admin, atr, { name: 'lokasi.csv', content: file })).statusCode).toBe(200);
  });

  it('lets a ministry’s own koordinator locate its units anywhere, never another body’s (decision, issue 17)', async () => {
    await addUser(t.db.db, { username: 'koordinator.atr', name: 'Koordinator ATR/BPN', password: PW, role: 'koordinator', bodyId: atr });
    await addUser(t.db.db, { username: 'koordinator.polri', name: 'Koordinator Polri', password: PW, role: 'koordinator', bodyId: polri });
    const own = await signIn(t.app, 'koordinator.atr', PW);
    const other = await signIn(t.app, 'koordinator.polri', PW);
    // Jawa Barat: no single Perwakilan could locate units in two provinces in one file; the ministry can.
    const file = Buffer.from('unit,kode_kabupaten_kota,lintang,bujur\nKantor Pertanahan Kota Cilegon,32.73,-6.91,107.61\n');
    await expectUnchanged(t.db.db, async () => {
      expect((await upload(other, atr, { name: 'lokasi.csv', content: file })).statusCode).toBe(403);
    });
    const res = await upload(own, atr, { name: 'lokasi.csv', content: file });
    expect(res.statusCode, res.body).toBe(200);
    const [cilegon] = await t.db.db.select().from(units).where(eq(units.name, 'Kantor Pertanahan Kota Cilegon'));
    expect(cilegon).toMatchObject({ regencyCode: '32.73', latitude: -6.91 });
    // Locations only: the registry's other writes stay the admin's and the Perwakilan's.
    expect((await call(own, 'PATCH', `/units/${cilegon!.id}`, { name: 'Kantor Pertanahan Baru' })).statusCode).toBe(403);
  });

  it('stops a zip bomb before any parser inflates it', async () => {
    const { deflateRawSync } = await import('node:zlib');
    // One entry declaring a small size but inflating to 80 MB of zeros.
    const data = deflateRawSync(Buffer.alloc(80 * 1024 * 1024));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(1000, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(1000, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(0, 42);
    const cdOffset = local.length + name.length + data.length;
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(central.length + name.length, 12);
    eocd.writeUInt32LE(cdOffset, 16);
    const bomb = Buffer.concat([local, name, data, central, name, eocd]);
    await expectUnchanged(t.db.db, async () => {
      const res = await upload(admin, atr, { name: 'bom.xlsx', content: bomb });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.issues[0].code).toMatch(/^file\./);
    });
  });
});
