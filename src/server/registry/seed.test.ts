import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../test/harness.ts';
import { verifyAudit } from '../audit/queries.ts';
import { bodies, offices } from './schema.ts';
import { agencies, ministries, seedRegistry } from './seed.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());

const countBy = async (type: string) => (await t.db.select({ n: count() }).from(bodies).where(eq(bodies.type, type)))[0]!.n;

describe('seedRegistry', () => {
  it('seeds 38 provinces, 514 kabupaten/kota, the K/L starter list and 39 Ombudsman offices', async () => {
    const first = await t.db.transaction((tx) => seedRegistry(tx));
    expect(first.inserted.provinces).toBe(38);
    expect(first.inserted.regencies).toBe(514);
    expect(await countBy('provinsi')).toBe(38);
    expect((await countBy('kabupaten')) + (await countBy('kota'))).toBe(514);
    expect(await countBy('kementerian')).toBe(ministries.length);
    expect(await countBy('lembaga')).toBe(agencies.length);
    expect((await t.db.select({ n: count() }).from(offices))[0]!.n).toBe(39);
  });

  it('names and codes regions the Kemendagri way', async () => {
    const [banten] = await t.db.select().from(bodies).where(eq(bodies.code, '36'));
    expect(banten).toMatchObject({ type: 'provinsi', name: 'Provinsi Banten', provinceCode: '36' });
    const [serang] = await t.db.select().from(bodies).where(eq(bodies.name, 'Kota Serang'));
    expect(serang).toMatchObject({ type: 'kota', provinceCode: '36' });
    expect(serang!.code).toMatch(/^36\.\d{2}$/);
    const [lebak] = await t.db.select().from(bodies).where(eq(bodies.name, 'Kabupaten Lebak'));
    expect(lebak).toMatchObject({ type: 'kabupaten', provinceCode: '36' });
    const bantenRegions = await t.db
      .select({ n: count() })
      .from(bodies)
      .where(sql`${bodies.provinceCode} = '36' and ${bodies.type} <> 'provinsi'`);
    expect(bantenRegions[0]!.n).toBe(8);
  });

  it('is idempotent and keeps edits made after the first run', async () => {
    await t.db.update(bodies).set({ name: 'Kementerian Dalam Negeri (diubah)' }).where(eq(bodies.code, 'kemendagri'));
    const again = await t.db.transaction((tx) => seedRegistry(tx));
    expect(Object.values(again.inserted).every((n) => n === 0)).toBe(true);
    expect((await t.db.select({ n: count() }).from(bodies))[0]!.n).toBe(38 + 514 + ministries.length + agencies.length);
    expect((await t.db.select({ n: count() }).from(offices))[0]!.n).toBe(39);
    const [kemendagri] = await t.db.select().from(bodies).where(eq(bodies.code, 'kemendagri'));
    expect(kemendagri!.name).toBe('Kementerian Dalam Negeri (diubah)');
  });

  it('audits the first run only, and the chain verifies', async () => {
    const v = await verifyAudit(t.db);
    expect(v).toEqual({ ok: true, events: 1 });
  });
});
