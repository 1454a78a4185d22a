import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq } from 'drizzle-orm';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { verifyAudit } from '../audit/queries.ts';
import { addUser, signIn, type SignedIn } from '../auth/testing.ts';
import { bodies } from './schema.ts';
import { seedRegistry } from './seed.ts';

let t: TestApp;
let admin: SignedIn;
let pimpinan: SignedIn;
let asisten: SignedIn;
const PW = 'kata-sandi-rahasia';

beforeAll(async () => {
  t = await createTestApp();
  await t.db.db.transaction((tx) => seedRegistry(tx));
  await addUser(t.db.db, { username: 'admin', name: 'Admin', password: PW, role: 'admin' });
  await addUser(t.db.db, { username: 'pimpinan', name: 'Kepala Banten', password: PW, role: 'pimpinan', provinceCode: '36' });
  await addUser(t.db.db, { username: 'asisten', name: 'Asisten Banten', password: PW, role: 'asisten', provinceCode: '36' });
  admin = await signIn(t.app, 'admin', PW);
  pimpinan = await signIn(t.app, 'pimpinan', PW);
  asisten = await signIn(t.app, 'asisten', PW);
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
const send = (method: 'POST' | 'PATCH', url: string, who: SignedIn | null, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(who?.headers ?? {}), ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** A refused call: it must change nothing (audit head unchanged). */
const unchanged = <T>(act: () => Promise<T>) => expectUnchanged(t.db.db, act);
const bodyByCode = async (code: string) => (await t.db.db.select().from(bodies).where(eq(bodies.code, code)))[0]!;
const lastAudit = async (subjectId: string) =>
  (await t.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, subjectId)).orderBy(desc(auditEvents.seq)).limit(1))[0];

describe('GET /provinces', () => {
  it('lists the 38 provinces by Kemendagri code, to anyone', async () => {
    const res = await get('/provinces');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(38);
    expect(items[0]).toMatchObject({ code: '11', name: 'Aceh' });
    const banten = items.find((p: { code: string }) => p.code === '36');
    expect(banten).toEqual({ code: '36', name: 'Banten', bodyId: (await bodyByCode('36')).id });
  });
});

describe('GET /offices', () => {
  it('lists the pusat office first, then one Perwakilan per province', async () => {
    const { items, total } = (await get('/offices')).json();
    expect(total).toBe(39);
    expect(items[0]).toMatchObject({ kind: 'pusat', provinceCode: null, name: 'Ombudsman Republik Indonesia' });
    expect(items.find((o: { provinceCode: string }) => o.provinceCode === '36')).toMatchObject({
      kind: 'perwakilan',
      name: 'Ombudsman RI Perwakilan Banten',
    });
  });
});

describe('GET /bodies', () => {
  it('filters by type and province: Banten has 8 kabupaten/kota', async () => {
    const res = await get('/bodies?type=kabupaten,kota&province=36');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(8);
    expect(body.items.map((b: { code: string }) => b.code)).toEqual([
      '36.01',
      '36.02',
      '36.03',
      '36.04',
      '36.71',
      '36.72',
      '36.73',
      '36.74',
    ]);
    expect(body.items.filter((b: { type: string }) => b.type === 'kota')).toHaveLength(4);
  });

  it('searches by name, case-insensitively', async () => {
    const names = (await get('/bodies?q=SERANG')).json().items.map((b: { name: string }) => b.name);
    expect(names.sort()).toEqual(['Kabupaten Serang', 'Kota Serang']);
  });

  it('treats LIKE wildcards in q literally', async () => {
    expect((await get('/bodies?q=%25')).json().total).toBe(0);
  });

  it('paginates with a stable order', async () => {
    const p1 = (await get('/bodies?type=provinsi&pageSize=10')).json();
    const p4 = (await get('/bodies?type=provinsi&pageSize=10&page=4')).json();
    expect(p1).toMatchObject({ total: 38, page: 1, pageSize: 10 });
    expect(p1.items).toHaveLength(10);
    expect(p4.items).toHaveLength(8);
    expect(p4.items.at(-1).code).toBe('96');
  });

  it('rejects a page size over 200 and an unknown type with 400', async () => {
    expect((await get('/bodies?pageSize=201')).statusCode).toBe(400);
    const bad = await get('/bodies?type=desa', { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^Invalid request: querystring\.type/);
  });
});

describe('GET /bodies/:bodyId', () => {
  it('answers the body, 404 for an unknown id and 400 for a malformed one', async () => {
    const lebak = await bodyByCode('36.02');
    expect((await get(`/bodies/${lebak.id}`)).json()).toMatchObject({
      code: '36.02',
      name: 'Kabupaten Lebak',
      type: 'kabupaten',
      active: true,
    });
    const missing = await get('/bodies/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Instansi tidak ditemukan.');
    expect((await get('/bodies/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('POST /bodies', () => {
  it('lets an admin add a ministry, audited', async () => {
    const res = await send('POST', '/bodies', admin, { type: 'kementerian', code: 'kemenpar', name: 'Kementerian Pariwisata' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ type: 'kementerian', code: 'kemenpar', provinceCode: null, active: true });
    expect(await lastAudit(created.id)).toMatchObject({
      action: 'body.create',
      actorLabel: 'admin',
      subjectType: 'body',
      provinceCode: null,
    });
  });

  it('lets a pimpinan add a body in their own province', async () => {
    const res = await send('POST', '/bodies', pimpinan, {
      type: 'kabupaten',
      code: '36.90',
      name: 'Kabupaten Percobaan',
      provinceCode: '36',
    });
    expect(res.statusCode).toBe(201);
    expect(await lastAudit(res.json().id)).toMatchObject({ action: 'body.create', actorLabel: 'pimpinan', provinceCode: '36' });
  });

  it.each([
    ['another province', { type: 'kabupaten', code: '32.90', name: 'Kabupaten Lain', provinceCode: '32' }],
    ['a ministry', { type: 'kementerian', code: 'kemenx', name: 'Kementerian X' }],
  ])('refuses a pimpinan adding a body in %s (403)', async (_, payload) => {
    const res = await unchanged(() => send('POST', '/bodies', pimpinan, payload));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });

  it('refuses an asisten (403) and an anonymous caller (401)', async () => {
    const payload = { type: 'kabupaten', code: '36.91', name: 'Kabupaten Y', provinceCode: '36' };
    expect((await unchanged(() => send('POST', '/bodies', asisten, payload))).statusCode).toBe(403);
    expect((await unchanged(() => send('POST', '/bodies', null, payload))).statusCode).toBe(401);
  });

  it.each([
    [{ type: 'kabupaten', code: '32.01', name: 'Kabupaten Salah', provinceCode: '36' }, 'registry.code_format'],
    [{ type: 'provinsi', code: '37', name: 'Provinsi Salah', provinceCode: '36' }, 'registry.code_format'],
    [{ type: 'lembaga', code: 'BAD CODE', name: 'Lembaga' }, 'registry.code_format'],
    [{ type: 'kota', code: '36.01', name: 'Kota Kembar', provinceCode: '36' }, 'registry.code_taken'],
    [{ type: 'kota', code: '99.01', name: 'Kota Entah', provinceCode: '99' }, 'auth.forbidden'],
  ])('rejects %o with %s and adds nothing', async (payload, code) => {
    const before = (await t.db.db.select({ n: count() }).from(bodies))[0]!.n;
    const res = await unchanged(() => send('POST', '/bodies', code === 'auth.forbidden' ? pimpinan : admin, payload));
    expect(res.json().error.code).toBe(code);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect((await t.db.db.select({ n: count() }).from(bodies))[0]!.n).toBe(before);
  });

  it('rejects an unknown province for an admin with 400 registry.unknown_reference', async () => {
    const res = await unchanged(() =>
      send('POST', '/bodies', admin, { type: 'kota', code: '99.01', name: 'Kota Entah', provinceCode: '99' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'registry.unknown_reference', message: 'provinceCode tidak dikenal: 99.' });
  });

  it('answers a missing name with 400 in Indonesian, naming the field', async () => {
    const res = await unchanged(() => send('POST', '/bodies', admin, { type: 'lembaga', code: 'lembaga-x' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^Permintaan tidak valid: body\.name: /);
  });
});

describe('PATCH /bodies/:bodyId and deactivation', () => {
  it('renames with a before/after audit diff', async () => {
    const b = await bodyByCode('36.90');
    const res = await send('PATCH', `/bodies/${b.id}`, pimpinan, { name: 'Kabupaten Percobaan Baru' });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Kabupaten Percobaan Baru');
    expect((await lastAudit(b.id))!).toMatchObject({
      action: 'body.update',
      diff: { before: { name: 'Kabupaten Percobaan' }, after: { name: 'Kabupaten Percobaan Baru' } },
    });
  });

  it('refuses a pimpinan moving a body to another province or editing one there', async () => {
    const own = await bodyByCode('36.90');
    expect((await unchanged(() => send('PATCH', `/bodies/${own.id}`, pimpinan, { code: '32.90', provinceCode: '32' }))).statusCode).toBe(
      403,
    );
    const other = await bodyByCode('32.01');
    expect((await unchanged(() => send('PATCH', `/bodies/${other.id}`, pimpinan, { name: `X${other.name}` }))).statusCode).toBe(403);
    expect((await bodyByCode('32.01')).name).toBe(other.name);
  });

  it('rejects unknown fields (400)', async () => {
    const b = await bodyByCode('36.90');
    expect((await unchanged(() => send('PATCH', `/bodies/${b.id}`, admin, { id: b.id }))).statusCode).toBe(400);
  });

  it('deactivates without deleting: hidden from the default list, shown with active=all, restorable', async () => {
    const b = await bodyByCode('36.90');
    const res = await send('POST', `/bodies/${b.id}/deactivate`, pimpinan);
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect(await lastAudit(b.id)).toMatchObject({
      action: 'body.deactivate',
      diff: { before: { active: true }, after: { active: false } },
    });
    expect((await get('/bodies?province=36&q=Percobaan')).json().total).toBe(0);
    expect((await get('/bodies?province=36&q=Percobaan&active=all')).json().total).toBe(1);
    expect((await get('/bodies?province=36&q=Percobaan&active=false')).json().total).toBe(1);
    expect((await get(`/bodies/${b.id}`)).statusCode).toBe(200);
    const back = await send('PATCH', `/bodies/${b.id}`, admin, { active: true });
    expect(back.json().active).toBe(true);
  });
});

describe('units', () => {
  let unitId: string;

  it('adds a unit typed by sector to a body', async () => {
    const lebak = await bodyByCode('36.02');
    const res = await send('POST', `/bodies/${lebak.id}/units`, pimpinan, {
      name: 'Dinas Kependudukan dan Pencatatan Sipil',
      sector: 'adminduk',
    });
    expect(res.statusCode).toBe(201);
    unitId = res.json().id;
    expect(res.json()).toMatchObject({ bodyId: lebak.id, provinceCode: '36', sector: 'adminduk', active: true });
    await send('POST', `/bodies/${lebak.id}/units`, admin, { name: 'Puskesmas Rangkasbitung', sector: 'puskesmas' });
    await send('POST', `/bodies/${lebak.id}/units`, admin, { name: 'Puskesmas Cibadak', sector: 'puskesmas' });
    expect(await lastAudit(unitId)).toMatchObject({ action: 'unit.create', provinceCode: '36' });
  });

  it('lists units per body, filtered by sector', async () => {
    const lebak = await bodyByCode('36.02');
    const all = (await get(`/bodies/${lebak.id}/units`)).json();
    expect(all.total).toBe(3);
    const pk = (await get(`/bodies/${lebak.id}/units?sector=puskesmas`)).json();
    expect(pk.items.map((u: { name: string }) => u.name)).toEqual(['Puskesmas Cibadak', 'Puskesmas Rangkasbitung']);
  });

  it('rejects an unknown sector (400)', async () => {
    const lebak = await bodyByCode('36.02');
    expect(
      (await unchanged(() => send('POST', `/bodies/${lebak.id}/units`, admin, { name: 'Unit', sector: 'pariwisata' }))).statusCode,
    ).toBe(400);
  });

  it('refuses a pimpinan adding a unit in another province (403)', async () => {
    const bandung = await bodyByCode('32.73');
    expect(
      (await unchanged(() => send('POST', `/bodies/${bandung.id}/units`, pimpinan, { name: 'Disdukcapil', sector: 'adminduk' })))
        .statusCode,
    ).toBe(403);
  });

  it('edits and deactivates a unit, audited, and restores it', async () => {
    const edit = await send('PATCH', `/units/${unitId}`, pimpinan, { name: 'Disdukcapil Kabupaten Lebak' });
    expect(edit.json().name).toBe('Disdukcapil Kabupaten Lebak');
    const off = await send('POST', `/units/${unitId}/deactivate`, pimpinan);
    expect(off.json().active).toBe(false);
    expect(await lastAudit(unitId)).toMatchObject({ action: 'unit.deactivate' });
    expect((await get(`/units/${unitId}`)).json().active).toBe(false);
    const lebak = await bodyByCode('36.02');
    expect((await get(`/bodies/${lebak.id}/units`)).json().total).toBe(2);
    expect((await send('PATCH', `/units/${unitId}`, admin, { active: true })).json().active).toBe(true);
  });

  it('refuses a new unit in a deactivated body (409)', async () => {
    const b = await bodyByCode('36.90');
    await send('POST', `/bodies/${b.id}/deactivate`, admin);
    const res = await unchanged(() => send('POST', `/bodies/${b.id}/units`, admin, { name: 'Dinas Sosial', sector: 'sosial' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('registry.inactive');
  });

  it("keeps a unit's location: address, kabupaten/kota code and coordinates, audited", async () => {
    const lebak = await bodyByCode('36.02');
    const created = await send('POST', `/bodies/${lebak.id}/units`, admin, {
      name: 'Puskesmas Malingping',
      sector: 'puskesmas',
      address: 'Jl. Raya Malingping No. 1',
      regencyCode: '36.02',
      latitude: -6.7712,
      longitude: 106.0159,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await get(`/units/${id}`)).json()).toMatchObject({
      address: 'Jl. Raya Malingping No. 1',
      regencyCode: '36.02',
      latitude: -6.7712,
      longitude: 106.0159,
    });
    const moved = await send('PATCH', `/units/${id}`, pimpinan, { latitude: -6.77, longitude: 106.02 });
    expect(moved.json()).toMatchObject({ latitude: -6.77, longitude: 106.02, address: 'Jl. Raya Malingping No. 1' });
    expect(await lastAudit(id)).toMatchObject({
      action: 'unit.update',
      diff: { before: { latitude: -6.7712, longitude: 106.0159 }, after: { latitude: -6.77, longitude: 106.02 } },
    });
    const cleared = await send('PATCH', `/units/${id}`, admin, { latitude: null, longitude: null });
    expect(cleared.json()).toMatchObject({ latitude: null, longitude: null });
  });

  it('refuses half a position, an unknown kabupaten/kota and coordinates outside Indonesia, changing nothing', async () => {
    const lebak = await bodyByCode('36.02');
    const unit = (await get(`/bodies/${lebak.id}/units?sector=adminduk`)).json().items[0];
    const half = await unchanged(() => send('PATCH', `/units/${unit.id}`, admin, { latitude: -6.3 }, { 'accept-language': 'en' }));
    expect(half.statusCode).toBe(422);
    expect(half.json().error).toMatchObject({
      code: 'registry.location_incomplete',
      message: 'Latitude and longitude go together (set both or clear both).',
    });
    const regency = await unchanged(() => send('PATCH', `/units/${unit.id}`, admin, { regencyCode: '36.99' }));
    expect(regency.statusCode).toBe(400);
    expect(regency.json().error).toMatchObject({ code: 'registry.unknown_reference', details: { field: 'regencyCode', value: '36.99' } });
    const province = await unchanged(() => send('PATCH', `/units/${unit.id}`, admin, { regencyCode: '36' }));
    expect(province.statusCode).toBe(400);
    const far = await unchanged(() => send('PATCH', `/units/${unit.id}`, admin, { latitude: 48.85, longitude: 2.35 }));
    expect(far.statusCode).toBe(400);
    expect(far.json().error.code).toBe('request.invalid');
  });

  it('answers 404 for an unknown unit', async () => {
    const res = await get('/units/00000000-0000-4000-8000-000000000000', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Service unit not found.');
  });
});

describe('audit of registry writes', () => {
  it('left one event per write (four units created above) and the chain verifies', async () => {
    const creates = await t.db.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'unit'), eq(auditEvents.action, 'unit.create')));
    expect(creates[0]!.n).toBe(4);
    const v = await verifyAudit(t.db.db);
    expect(v.ok).toBe(true);
  });
});
