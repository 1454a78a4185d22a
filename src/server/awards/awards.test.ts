// Award lists on a handmade snapshot (ties in the top 3, most improved, the top band), the
// certificate code format, and certificate verification end to end through the routes:
// awards list → piagam PDF (code and URL printed) → /verify valid; one character changed →
// invalid; an unknown code → invalid; a superseded version → valid, marked, with the current one.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getScheme } from '../../../methodologies/index.ts';
import { getCycle } from '../cycles/queries.ts';
import { buildSnapshot, hashSnapshot } from '../publications/queries.ts';
import { publications } from '../publications/schema.ts';
import { closeSharedPool } from '../reports/pool.ts';
import { pdfPages, skipPoppler, squash } from '../reports/poppler.ts';
import { type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { awardRules, computeAwards, topBandCode } from './awards.ts';
import { base32, certificateCode, decodeCode, publicationPrefix } from './codes.ts';
import type { PublicationSnapshot, SnapshotBody } from '../../shared/wire/publications.ts';

const scheme = getScheme('ombudsman-2024')!;

function body(
  id: string,
  score: number,
  opts: { province?: string | null; provinceRank?: number; previous?: number; complete?: boolean; band?: string } = {},
): SnapshotBody {
  const band = opts.band ?? (score >= 88 ? 'A' : score >= 78 ? 'B' : score >= 54 ? 'C' : 'D');
  const province = opts.province === undefined ? '36' : opts.province;
  return {
    id,
    code: id,
    name: `Kota ${id}`,
    type: 'kota',
    provinceCode: province,
    raw: score,
    score,
    bandCode: band,
    complete: opts.complete ?? true,
    units: 1,
    qualifiers: [],
    source: 'computed',
    ranks: {
      nationalType: { group: 'national:kota', rank: 1, of: 10, previousRank: null, movement: null },
      province:
        opts.provinceRank === undefined
          ? null
          : { group: `province:${province}`, rank: opts.provinceRank, of: 5, previousRank: null, movement: null },
    },
    previous: opts.previous === undefined ? null : { cycleId: 'c0', year: 2023, score: opts.previous, bandCode: 'C' },
    changes: [],
  };
}

function snapshotOf(bodies: SnapshotBody[], scope = 'national'): PublicationSnapshot {
  return {
    format: 1,
    cycle: { id: 'c1', name: 'Penilaian 2024', year: 2024, schemeId: scheme.id, family: scheme.family, schemeHash: 'h' },
    scope,
    version: 1,
    publishedAt: '2024-12-01T00:00:00Z',
    publicAt: '2024-12-01T00:00:00Z',
    assumptions: [],
    bodies,
    units: [],
  };
}

describe('computeAwards (pure)', () => {
  const snap = snapshotOf([
    body('a', 95.1, { provinceRank: 1, previous: 90 }),
    body('b', 90.0, { provinceRank: 2, previous: 70 }), // +20
    body('c', 90.0, { provinceRank: 2, previous: 80 }), // tie for 2nd in the province; +10
    body('d', 85.0, { provinceRank: 4, previous: 65 }), // +20: tied with b for most improved
    body('e', 60.0, { provinceRank: 5, previous: 52 }), // +8
    body('f', 99.0, { province: '32', provinceRank: 1, previous: 99.5 }), // decreased
    body('g', 92.0, { provinceRank: 1, complete: false, previous: 10 }), // incomplete: nothing
    body('h', 91.0, { province: null }), // a kementerian-like body without a province rank
  ]);
  const { entries, topBand } = computeAwards(snap, scheme);
  const of = (kind: string) => entries.filter((e) => e.kind === kind);

  it('gives "Kualitas Tertinggi" to every complete body in the scheme\u2019s highest band', () => {
    expect(topBand).toBe('A');
    expect(topBandCode(scheme)).toBe(scheme.bands.reduce((a, b) => (b.min > a.min ? b : a)).code);
    expect(of('kualitas-tertinggi').map((e) => e.body.id)).toEqual(['f', 'a', 'h', 'b', 'c']);
  });

  it('lists the top 3 of each province, tied bodies sharing their rank', () => {
    const top = of('top-province').map((e) => [e.provinceCode, e.body.id, e.rank]);
    expect(top).toEqual([
      ['32', 'f', 1],
      ['36', 'a', 1],
      ['36', 'b', 2],
      ['36', 'c', 2],
    ]);
  });

  it(`names the ${awardRules(scheme)!.mostImproved} largest increases (ties share a rank), never a decrease or an incomplete body`, () => {
    const improved = of('most-improved').map((e) => [e.body.id, e.rank, e.delta]);
    expect(improved).toEqual([
      ['b', 1, 20],
      ['d', 1, 20],
      ['c', 3, 10],
    ]);
    expect(of('most-improved').every((e) => e.provinceCode === null)).toBe(true);
    // A province publication: the list is that province's.
    expect(
      computeAwards({ ...snap, scope: '36' }, scheme)
        .entries.filter((e) => e.kind === 'most-improved')
        .every((e) => e.provinceCode === '36'),
    ).toBe(true);
  });

  it('takes its numbers from the methodology file, not from code', () => {
    const narrow = { ...scheme, awards: { topPerProvince: 1, mostImproved: 1 } };
    const lists = computeAwards(snap, narrow).entries;
    expect(lists.filter((e) => e.kind === 'top-province').map((e) => e.body.id)).toEqual(['f', 'a']);
    expect(
      lists
        .filter((e) => e.kind === 'most-improved')
        .map((e) => e.body.id)
        .sort(),
    ).toEqual(['b', 'd']);
    // A scheme frozen before the library had award rules takes those of its library file.
    const { awards: _dropped, ...frozenBefore } = scheme;
    expect(awardRules(frozenBefore as typeof scheme)).toEqual(scheme.awards);
    // No rules anywhere: only the top-band award.
    const unknown = { ...frozenBefore, id: 'tidak-ada-2099' } as typeof scheme;
    expect(new Set(computeAwards(snap, unknown).entries.map((e) => e.kind))).toEqual(new Set(['kualitas-tertinggi']));
  });
});

describe('certificate codes', () => {
  const key = Buffer.alloc(32, 7);
  const subject = {
    publicationId: '1b2c3d4e-0000-4000-8000-000000000000',
    kind: 'top-province',
    bodyId: 'b1',
    score: 90,
    rank: 2,
    contentHash: 'ab',
  };

  it('are short, grouped, deterministic and carry the publication prefix', () => {
    const code = certificateCode(key, subject);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(certificateCode(key, subject)).toBe(code);
    expect(publicationPrefix(code)).toBe('1b2c3d4e');
    expect(publicationPrefix(code.toLowerCase().replace(/-/g, ''))).toBe('1b2c3d4e');
    expect(base32(decodeCode(code)!)).toBe(code.replace(/-/g, ''));
  });

  it('change with every input the certificate vouches for, and with the key', () => {
    const code = certificateCode(key, subject);
    for (const change of [{ score: 90.01 }, { rank: 1 }, { kind: 'most-improved' }, { bodyId: 'b2' }, { contentHash: 'ac' }]) {
      expect(certificateCode(key, { ...subject, ...change })).not.toBe(code);
    }
    expect(certificateCode(Buffer.alloc(32, 8), subject)).not.toBe(code);
  });

  it('reject malformed codes', () => {
    expect(decodeCode('ABCD')).toBeNull();
    expect(decodeCode('ABCD-EFGH-IJKL-MNOP')).toBeNull(); // I, L, O are not in the alphabet
  });
});

describe.skipIf(skipPoppler)('certificates end to end', () => {
  let t: TestApp;
  let w: World;
  let cycleId: string;
  let publicationId: string;
  const api = (url: string) => `/api/v1${url}`;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.app, t.db.db);
    cycleId = await openCycle(w, { bodies: [w.bodies.a, w.bodies.b, w.bodies.c] });
    const max = new Map(
      w.scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => [i.code, i.scale.max] as const))),
    );
    await submitAll(
      w,
      'asisten',
      fullUnit(w.scheme, cycleId, w.units.a1, (code) => max.get(code) ?? 3),
    );
    await submitAll(
      w,
      'asisten',
      fullUnit(w.scheme, cycleId, w.units.a2, (code) => max.get(code) ?? 3),
    );
    await submitAll(
      w,
      'asisten',
      fullUnit(w.scheme, cycleId, w.units.b1, () => 2),
    );
    await submitAll(
      w,
      'asisten',
      fullUnit(w.scheme, cycleId, w.units.c1, () => 1),
    );
    publicationId = randomUUID();
    await t.db.db.transaction(async (tx) => {
      const cycle = (await getCycle(tx, cycleId))!;
      const at = new Date(Date.now() - 3_600_000);
      const snapshot = await buildSnapshot(tx, cycle, '36', { version: 1, publishedAt: at, publicAt: at });
      await tx.insert(publications).values({
        id: publicationId,
        cycleId,
        scope: '36',
        version: 1,
        status: 'current',
        publicAt: at,
        publishedAt: at,
        schemeHash: cycle.schemeHash,
        contentHash: hashSnapshot(snapshot),
        snapshot,
      });
    });
  });
  afterAll(async () => {
    await closeSharedPool();
    await t.close();
  });

  const awards = async () => (await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/awards`) })).json();
  const verify = async (code: string) => {
    const res = await w.call('public', { method: 'GET', url: api(`/verify/${encodeURIComponent(code)}`) });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('lists the awards with codes, publicly once released', async () => {
    const list = await awards();
    expect(list.topBand.code).toBe('A');
    const tangerang = list.items.filter((i: { body: { id: string } }) => i.body.id === w.bodies.a.id);
    expect(tangerang.map((i: { kind: string }) => i.kind).sort()).toEqual(['kualitas-tertinggi', 'top-province']);
    expect(list.items.filter((i: { kind: string }) => i.kind === 'top-province')).toHaveLength(3);
    expect(new Set(list.items.map((i: { code: string }) => i.code)).size).toBe(list.items.length);
    expect(list.rules.assumption).toContain('ASUMSI');
  });

  it('renders the piagam with its code and verification URL, and the code verifies', async () => {
    const item = (await awards()).items.find(
      (i: { kind: string; body: { id: string } }) => i.kind === 'kualitas-tertinggi' && i.body.id === w.bodies.a.id,
    );
    const pdf = await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/awards/${item.code}/piagam.pdf`) });
    expect(pdf.statusCode).toBe(200);
    const text = squash(pdfPages(pdf.rawPayload).join(' '));
    expect(text).toContain('PIAGAM PENGHARGAAN');
    expect(text).toContain('Kota Tangerang');
    expect(text).toContain(item.code);
    expect(text.replace(/\s+/g, '')).toContain(`/verifikasi/${item.code}`);

    const ok = await verify(item.code);
    expect(ok).toMatchObject({
      valid: true,
      code: item.code,
      award: { kind: 'kualitas-tertinggi' },
      body: { id: w.bodies.a.id, name: 'Kota Tangerang' },
      score: item.score,
      band: { code: 'A' },
      publication: { id: publicationId, version: 1, status: 'current', released: true },
      superseded: false,
      current: null,
    });
    // Case and hyphens do not matter.
    expect((await verify(item.code.toLowerCase().replace(/-/g, ''))).valid).toBe(true);
  });

  it('answers valid:false for a code with one character changed, an unknown code and garbage', async () => {
    const { code } = (await awards()).items[0];
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    // Change each position once (prefix and MAC alike): never valid.
    const raw = code.replace(/-/g, '');
    for (let k = 0; k < raw.length; k++) {
      const c = raw[k]!;
      const other = alphabet[(alphabet.indexOf(c) + 1) % alphabet.length]!;
      const tampered = raw.slice(0, k) + other + raw.slice(k + 1);
      expect(await verify(tampered), `position ${k}`).toEqual({ valid: false });
    }
    expect(await verify('0000-0000-0000-0000')).toEqual({ valid: false });
    expect(await verify('bukan-kode')).toEqual({ valid: false });
    const pdf = await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/awards/0000-0000-0000-0000/piagam.pdf`) });
    expect(pdf.statusCode).toBe(404);
  });

  it('refuses a snapshot altered in storage', async () => {
    const { code } = (await awards()).items[0];
    const [row] = await t.db.db.select().from(publications).where(eq(publications.id, publicationId));
    const altered = structuredClone(row!.snapshot) as PublicationSnapshot;
    altered.bodies[0]!.score += 1;
    await t.db.db.update(publications).set({ snapshot: altered }).where(eq(publications.id, publicationId));
    try {
      expect(await verify(code)).toEqual({ valid: false });
    } finally {
      await t.db.db.update(publications).set({ snapshot: row!.snapshot }).where(eq(publications.id, publicationId));
    }
    expect((await verify(code)).valid).toBe(true);
  });

  it('keeps a superseded version\u2019s certificate valid, marked, with the current version', async () => {
    const { code } = (await awards()).items[0];
    const v2 = randomUUID();
    const [row] = await t.db.db.select().from(publications).where(eq(publications.id, publicationId));
    await t.db.db.update(publications).set({ status: 'superseded', supersededAt: new Date() }).where(eq(publications.id, publicationId));
    await t.db.db
      .insert(publications)
      .values({ ...row!, id: v2, version: 2, status: 'current', supersedesId: publicationId, reason: 'Ralat uji' });
    const res = await verify(code);
    expect(res).toMatchObject({
      valid: true,
      superseded: true,
      publication: { status: 'superseded', version: 1 },
      current: { id: v2, version: 2 },
    });
  });

  it('hides an embargoed publication\u2019s certificates from verification', async () => {
    const list = await awards();
    const { code } = list.items[0];
    await t.db.db
      .update(publications)
      .set({ publicAt: new Date(Date.now() + 86_400_000) })
      .where(eq(publications.id, publicationId));
    // Written straight into the database, as another instance would: this instance's published
    // reads see it at the next stamp check (published/cache.ts); do not wait for it.
    t.app.published.invalidate();
    expect(await verify(code)).toEqual({ valid: false });
    expect((await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/awards`) })).statusCode).toBe(404);
  });
});
