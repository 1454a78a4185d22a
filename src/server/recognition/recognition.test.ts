// Recognition (issue 18) on hand-made snapshots stored as publications: unit award rules against
// a fixture worked out by hand (top band, top 3 per sector in the province, most improved read
// from the previous cycle's publication), the unit piagam and its verification on the public
// /verify page, the press release (every number in the text traced to the snapshot), the
// koordinator's audited edit, .txt and .docx downloads, the facts box, and the award-night pack.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getScheme } from '../../../methodologies/index.ts';
import { auditEvents } from '../audit/schema.ts';
import { settleJobs } from '../jobs/runner.ts';
import { hashSnapshot } from '../publications/queries.ts';
import { publications } from '../publications/schema.ts';
import { formatDate } from '../reports/i18n.ts';
import { closeSharedPool } from '../reports/pool.ts';
import { pdfInfo, pdfPages, skipPoppler, squash } from '../reports/poppler.ts';
import { type World, buildWorld, openCycle } from '../seed/test-world.ts';
import { insertBody } from '../seed/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import type { PublicationSnapshot, SnapshotBody, SnapshotRank, SnapshotUnit } from '../../shared/wire/publications.ts';
import { computeUnitAwards } from './unit-awards.ts';

const scheme = getScheme('ombudsman-2024')!;
const band = (score: number) => (score >= 88 ? 'A' : score >= 78 ? 'B' : score >= 54 ? 'C' : score >= 32 ? 'D' : 'E');
const rank = (group: string, r: number, of: number, previousRank: number | null = null): SnapshotRank => ({
  group,
  rank: r,
  of,
  previousRank,
  movement: previousRank === null ? null : previousRank - r,
});

function unit(id: string, bodyId: string, name: string, sector: string, score: number, complete = true): SnapshotUnit {
  return { id, bodyId, name, sector, raw: score, score, bandCode: band(score), complete, breakdown: {} as never };
}

function govBody(
  b: { id: string; code: string; name: string; provinceCode: string | null },
  score: number,
  ranks: SnapshotBody['ranks'],
  previous: SnapshotBody['previous'],
): SnapshotBody {
  return {
    id: b.id,
    code: b.code,
    name: b.name,
    type: 'kota',
    provinceCode: b.provinceCode,
    raw: score,
    score,
    bandCode: band(score),
    complete: true,
    units: 1,
    qualifiers: [],
    source: 'computed',
    ranks,
    previous,
    changes: [],
  };
}

function snapshotOf(
  cycle: { id: string; year: number },
  scope: string,
  bodies: SnapshotBody[],
  units: SnapshotUnit[],
): PublicationSnapshot {
  return {
    format: 1,
    cycle: {
      id: cycle.id,
      name: `Penilaian Kepatuhan ${cycle.year}`,
      year: cycle.year,
      schemeId: scheme.id,
      family: scheme.family,
      schemeHash: 'h',
    },
    scope,
    version: 1,
    publishedAt: '2024-12-01T00:00:00Z',
    publicAt: '2024-12-01T00:00:00Z',
    assumptions: [],
    bodies,
    units,
  };
}

let t: TestApp;
let w: World;
let current: PublicationSnapshot;
let publicationId: string;
let nationalId: string;
const api = (url: string) => `/api/v1${url}`;

async function store(cycleId: string, scope: string, snapshot: PublicationSnapshot, at: Date): Promise<string> {
  const id = randomUUID();
  await t.db.db.insert(publications).values({
    id,
    cycleId,
    scope,
    version: 1,
    status: 'current',
    publicAt: at,
    publishedAt: at,
    schemeHash: 'h',
    contentHash: hashSnapshot(snapshot),
    snapshot,
  });
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  await insertBody(t.db.db, { type: 'provinsi', code: '36', name: 'Provinsi Banten', provinceCode: '36' });
  const prevCycle = await openCycle(w, { year: 2023, status: 'planning' });
  const cycleId = await openCycle(w, { year: 2024, status: 'planning' });
  const { a, b, c, other } = w.bodies;
  const { a1, a2, b1, c1, other1 } = w.units;
  // Last cycle (2023), province 36: Tangerang 1st, Cilegon 2nd, Serang 3rd.
  const before = snapshotOf(
    { id: prevCycle, year: 2023 },
    '36',
    [
      govBody(a, 75, { nationalType: null, province: rank('province:36', 1, 3) }, null),
      govBody(b, 95, { nationalType: null, province: rank('province:36', 2, 3) }, null),
      govBody(c, 60, { nationalType: null, province: rank('province:36', 3, 3) }, null),
    ],
    [
      unit(a1, a.id, 'Disdukcapil', 'adminduk', 90),
      unit(a2, a.id, 'DPMPTSP', 'perizinan', 60),
      unit(b1, b.id, 'Disdukcapil', 'adminduk', 95),
      unit(c1, c.id, 'Disdukcapil', 'adminduk', 60),
    ],
  );
  await store(prevCycle, '36', before, new Date('2023-12-01T00:00:00Z'));
  const prev = (_id: string, score: number) => ({ cycleId: prevCycle, year: 2023, score, bandCode: band(score) });
  // This cycle (2024): Cilegon 1st (from 2nd), Tangerang 2nd (from 1st), Serang 3rd (same).
  current = snapshotOf(
    { id: cycleId, year: 2024 },
    '36',
    [
      govBody(a, 87.55, { nationalType: null, province: rank('province:36', 2, 3, 1) }, prev(a.id, 75)),
      govBody(b, 90, { nationalType: null, province: rank('province:36', 1, 3, 2) }, prev(b.id, 95)),
      govBody(c, 70, { nationalType: null, province: rank('province:36', 3, 3, 3) }, prev(c.id, 60)),
    ],
    [
      unit(a1, a.id, 'Disdukcapil', 'adminduk', 95.1), // A, +5.10
      unit(a2, a.id, 'DPMPTSP', 'perizinan', 80), // B, +20
      unit(b1, b.id, 'Disdukcapil', 'adminduk', 90), // A, −5
      unit(c1, c.id, 'Disdukcapil', 'adminduk', 70), // C, +10
    ],
  );
  publicationId = await store(cycleId, '36', current, new Date(Date.now() - 3_600_000));
  // The cycle's national publication: national ranks among kota.
  const national = snapshotOf(
    { id: cycleId, year: 2024 },
    'national',
    [
      govBody(a, 87.55, { nationalType: rank('national:kota', 3, 4, 2), province: rank('province:36', 2, 3, 1) }, prev(a.id, 75)),
      govBody(b, 90, { nationalType: rank('national:kota', 2, 4, 1), province: rank('province:36', 1, 3, 2) }, prev(b.id, 95)),
      govBody(c, 70, { nationalType: rank('national:kota', 4, 4, 4), province: rank('province:36', 3, 3, 3) }, prev(c.id, 60)),
      govBody(other, 91, { nationalType: rank('national:kota', 1, 4), province: rank('province:31', 1, 1) }, null),
    ],
    [...current.units, unit(other1, other.id, 'Disdukcapil', 'adminduk', 91)],
  );
  nationalId = await store(cycleId, 'national', national, new Date(Date.now() - 3_600_000));
});

afterAll(async () => {
  await closeSharedPool();
  await t.close();
});

describe('unit award rules (hand-made fixture)', () => {
  it('computes top band, top 3 per sector in the province and the most improved from the library rules', () => {
    const { a1, a2, b1, c1 } = w.units;
    const previous = new Map([
      [a1, 90],
      [a2, 60],
      [b1, 95],
      [c1, 60],
    ]);
    const { topBand, entries } = computeUnitAwards(current, scheme, previous);
    expect(topBand).toBe('A');
    const of = (kind: string) => entries.filter((e) => e.kind === kind).map((e) => [e.unit.id, e.rank, e.delta]);
    expect(of('top-band')).toEqual([
      [a1, null, null],
      [b1, null, null],
    ]);
    expect(of('top-sector')).toEqual([
      [a1, 1, null],
      [b1, 2, null],
      [c1, 3, null],
      [a2, 1, null],
    ]);
    expect(of('most-improved')).toEqual([
      [a2, 1, 20],
      [c1, 2, 10],
      [a1, 3, 5.1],
    ]);
    // Narrower rules from a library file: only the best of each sector, one most improved, no top band.
    const narrow = computeUnitAwards(current, scheme, previous, {
      topPerProvince: 3,
      mostImproved: 3,
      units: { topBand: false, topPerSector: 1, mostImproved: 1 },
    });
    expect(narrow.entries.map((e) => [e.kind, e.unit.id])).toEqual([
      ['top-sector', a1],
      ['top-sector', a2],
      ['most-improved', a2],
    ]);
    // An incomplete unit gets nothing; no rules for units: no unit awards.
    const incomplete = { ...current, units: current.units.map((u) => (u.id === a1 ? { ...u, complete: false } : u)) };
    expect(computeUnitAwards(incomplete, scheme, previous).entries.some((e) => e.unit.id === a1)).toBe(false);
    expect(computeUnitAwards(current, scheme, previous, { topPerProvince: 3, mostImproved: 3 }).entries).toEqual([]);
  });

  it('serves the lists with codes, the most improved read from the previous cycle\u2019s publication', async () => {
    const res = await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/unit-awards`) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rules).toMatchObject({ topBand: true, topPerSector: 3, mostImproved: 3 });
    expect(body.rules.assumption).toMatch(/ASUMSI|sumber/i);
    const improved = body.items.filter((i: { kind: string }) => i.kind === 'most-improved');
    expect(
      improved.map((i: { unit: { id: string }; delta: number; previousScore: number }) => [i.unit.id, i.delta, i.previousScore]),
    ).toEqual([
      [w.units.a2, 20, 60],
      [w.units.c1, 10, 60],
      [w.units.a1, 5.1, 90],
    ]);
    expect(new Set(body.items.map((i: { code: string }) => i.code)).size).toBe(body.items.length);
  });
});

describe.skipIf(skipPoppler)('unit piagam and its verification', () => {
  it('prints the unit, its government, the award and the code; the code verifies on the public page', async () => {
    const list = (await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/unit-awards`) })).json();
    const best = list.items.find((i: { kind: string; unit: { id: string } }) => i.kind === 'top-sector' && i.unit.id === w.units.b1);
    const pdf = await w.call('public', { method: 'GET', url: best.piagamUrl });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = squash(pdfPages(pdf.rawPayload).join(' '));
    expect(text).toContain('Disdukcapil');
    expect(text).toContain('Kota Cilegon');
    expect(text).toContain('Peringkat 2 Terbaik Sektor Administrasi Kependudukan');
    expect(text).toContain(best.code);
    expect(text).toContain('90,00');
    // No hand-over entered yet: the publication's public date, in Jakarta.
    const [pub] = await t.db.db.select().from(publications).where(eq(publications.id, publicationId));
    expect(text).toContain(`Jakarta, ${formatDate(pub!.publicAt, 'id')}`);

    const ok = (await w.call('public', { method: 'GET', url: api(`/verify/${best.code}`) })).json();
    expect(ok).toMatchObject({
      valid: true,
      code: best.code,
      award: { kind: 'top-sector', rank: 2 },
      unit: { id: w.units.b1, name: 'Disdukcapil', sector: 'adminduk' },
      body: { id: w.bodies.b.id, name: 'Kota Cilegon' },
      score: 90,
      band: { code: 'A' },
      publication: { id: publicationId, status: 'current' },
    });
    // One character changed: invalid.
    const last = best.code.at(-1) === '0' ? '1' : '0';
    const altered = `${best.code.slice(0, -1)}${last}`;
    expect((await w.call('public', { method: 'GET', url: api(`/verify/${altered}`) })).json()).toEqual({ valid: false });
    // A government's code still verifies as before (no unit).
    const gov = (await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/awards`) })).json();
    const g = (await w.call('public', { method: 'GET', url: api(`/verify/${gov.items[0].code}`) })).json();
    expect(g.valid).toBe(true);
    expect(g.unit ?? null).toBeNull();
  });
});

/** Every number written in a text ("87,55", "2", "2023", "10"). */
const numbersIn = (text: string): string[] => text.match(/\d+(?:[.,]\d+)*/g) ?? [];

describe('press release', () => {
  it('the Perwakilan enters the hand-over (audited); another province may not', async () => {
    const other = await w.call('pimpinanOther', {
      method: 'PUT',
      url: api(`/publications/${publicationId}/handover`),
      payload: { date: '2024-12-10', place: 'Pendopo Gubernur Banten' },
    });
    expect(other.statusCode).toBe(403);
    const bad = await w.call('pimpinan', {
      method: 'PUT',
      url: api(`/publications/${publicationId}/handover`),
      payload: { date: 'besok', place: 'X' },
    });
    expect(bad.statusCode).toBe(400);
    const res = await w.call('pimpinan', {
      method: 'PUT',
      url: api(`/publications/${publicationId}/handover`),
      payload: { date: '2024-12-10', place: 'Pendopo Gubernur Banten' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ date: '2024-12-10', place: 'Pendopo Gubernur Banten' });
    const audit = await t.db.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'recognition.handover'), eq(auditEvents.subjectId, publicationId)));
    expect(audit).toHaveLength(1);
  });

  it.skipIf(skipPoppler)('prints the hand-over date and place on the unit and government piagam once entered', async () => {
    const units = (await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/unit-awards`) })).json();
    const govs = (await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/awards`) })).json();
    for (const url of [units.items[0].piagamUrl, `${api(`/publications/${publicationId}/awards/${govs.items[0].code}/piagam.pdf`)}`]) {
      const pdf = await w.call('public', { method: 'GET', url });
      expect(pdf.statusCode).toBe(200);
      const text = squash(pdfPages(pdf.rawPayload).join(' '));
      expect(text).toContain('Pendopo Gubernur Banten, 10 Desember 2024');
    }
  });

  it('refuses a hand-over on a superseded version (409, translated), nothing stored', async () => {
    const old = randomUUID();
    await t.db.db.insert(publications).values({
      id: old,
      cycleId: current.cycle.id,
      scope: '36',
      version: 0,
      status: 'superseded',
      publicAt: new Date('2024-11-01T00:00:00Z'),
      publishedAt: new Date('2024-11-01T00:00:00Z'),
      schemeHash: 'h',
      contentHash: hashSnapshot(current),
      snapshot: current,
    });
    const res = await w.call('pimpinan', {
      method: 'PUT',
      url: api(`/publications/${old}/handover`),
      payload: { date: '2024-12-10', place: 'Pendopo Gubernur Banten' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'recognition.handover_superseded' });
    expect(res.json().error.message).toContain('Versi 0 sudah digantikan');
    expect((await w.call('pimpinan', { method: 'GET', url: api(`/publications/${old}/handover`) })).json()).toMatchObject({ date: null });
  });

  for (const lang of ['id', 'en'] as const) {
    it(`writes every number of the ${lang} text from the snapshot`, async () => {
      const res = await w.call('koordinator', {
        method: 'GET',
        url: api(`/publications/${publicationId}/bodies/${w.bodies.a.id}/release?lang=${lang}`),
      });
      expect(res.statusCode).toBe(200);
      const release = res.json();
      expect(release.edited).toBe(false);
      expect(release.text).toBe(release.generated);
      const body = current.bodies.find((b) => b.id === w.bodies.a.id)!;
      const units = current.units.filter((u) => u.bodyId === body.id);
      const fmt = (x: number) => (lang === 'id' ? x.toFixed(2).replace('.', ',') : x.toFixed(2));
      // Every number the snapshot (and the hand-over entered) allows, as it is written.
      const allowed = new Set<string>([
        fmt(body.score),
        String(body.ranks.province!.rank),
        String(body.ranks.province!.of),
        String(body.ranks.province!.previousRank),
        String(Math.abs(body.ranks.province!.movement!)),
        // National rank: from the cycle's national publication (the facts name it).
        '3',
        '4',
        String(body.previous!.year),
        fmt(body.previous!.score),
        fmt(Math.abs(body.score - body.previous!.score)),
        ...units.map((u) => fmt(u.score)),
        String(current.version),
        String(current.cycle.year),
        '10',
        '2024',
      ]);
      // Award ranks (top sector, most improved) of this body's units, from the unit award lists.
      const awards = (await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/unit-awards`) })).json();
      for (const i of awards.items) if (i.body.id === body.id && i.rank !== null) allowed.add(String(i.rank));
      const gov = (await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/awards`) })).json();
      for (const i of gov.items) if (i.body.id === body.id && i.rank !== null) allowed.add(String(i.rank));
      const found = numbersIn(release.text);
      expect(found.filter((n) => !allowed.has(n))).toEqual([]);
      // And the key facts are there.
      expect(release.text).toContain(fmt(87.55));
      expect(release.text).toContain(
        lang === 'id' ? 'peringkat 2 dari 3 kabupaten/kota di Provinsi Banten' : 'ranks 2 of 3 regencies and cities in Banten Province',
      );
      expect(release.text).toContain(lang === 'id' ? 'turun 1 dari peringkat 1' : 'down 1 from rank 1');
      expect(release.text).toContain(lang === 'id' ? 'peringkat 3 dari 4 kota' : 'ranks 3 of 4 cities');
      expect(release.text).toContain(
        lang === 'id' ? '10 Desember 2024 di Pendopo Gubernur Banten' : '10 December 2024 at Pendopo Gubernur Banten',
      );
      expect(release.text).toContain(`DPMPTSP (${lang === 'id' ? 'Perizinan (PTSP)' : 'Licensing (one-stop service)'}): ${fmt(80)}`);
      expect(release.facts.nationalRank).toMatchObject({ rank: 3, of: 4, publicationId: nationalId });
      expect(release.facts.previous).toMatchObject({ year: 2023, score: 75, delta: 12.55 });
    });
  }

  it('the koordinator edits the draft (audited), downloads it as text and .docx; another body\u2019s koordinator may not', async () => {
    const url = api(`/publications/${publicationId}/bodies/${w.bodies.a.id}/release`);
    expect((await w.call('koordinatorOther', { method: 'GET', url: `${url}?lang=id` })).statusCode).toBe(403);
    expect((await w.call('public', { method: 'GET', url: `${url}?lang=id` })).statusCode).toBe(401);
    const draft = (await w.call('koordinator', { method: 'GET', url: `${url}?lang=id` })).json();
    const edited = draft.text.replace('SIARAN PERS', 'SIARAN PERS PEMERINTAH KOTA TANGERANG');
    expect((await w.call('koordinatorOther', { method: 'PUT', url, payload: { lang: 'id', text: edited } })).statusCode).toBe(403);
    expect((await w.call('koordinator', { method: 'PUT', url, payload: { lang: 'id', text: '' } })).statusCode).toBe(400);
    const saved = await w.call('koordinator', { method: 'PUT', url, payload: { lang: 'id', text: edited } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ edited: true, text: edited.trim(), generated: draft.generated });
    const audit = await t.db.db.select().from(auditEvents).where(eq(auditEvents.action, 'release.edit'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.diff).toMatchObject({ publicationId, lang: 'id', before: null, after: edited.trim() });
    // English untouched.
    expect((await w.call('koordinator', { method: 'GET', url: `${url}?lang=en` })).json().edited).toBe(false);

    const txt = await w.call('koordinator', {
      method: 'GET',
      url: api(`/publications/${publicationId}/bodies/${w.bodies.a.id}/release.txt?lang=id`),
    });
    expect(txt.statusCode).toBe(200);
    expect(txt.body).toBe(edited.trim());
    const docx = await w.call('koordinator', {
      method: 'GET',
      url: api(`/publications/${publicationId}/bodies/${w.bodies.a.id}/release.docx?lang=id`),
    });
    expect(docx.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'pantau-docx-'));
    try {
      const file = join(dir, 'r.docx');
      writeFileSync(file, docx.rawPayload);
      expect(execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n').sort()).toEqual([
        '[Content_Types].xml',
        '_rels/.rels',
        'word/document.xml',
      ]);
      const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
      expect(xml).toContain('SIARAN PERS PEMERINTAH KOTA TANGERANG');
      expect(xml).toContain('Pendopo Gubernur Banten');
      const words = [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
      expect(words.replace(/&amp;/g, '&')).toBe(
        edited
          .trim()
          .split('\n')
          .filter((l: string) => l !== '')
          .join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('offers the facts box publicly once released', async () => {
    const res = await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/bodies/${w.bodies.c.id}/facts?lang=en`) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      body: { name: 'Kota Serang', provinceName: 'Banten' },
      score: 70,
      band: { code: 'C' },
      provinceRank: { rank: 3, of: 3, movement: 0 },
      nationalRank: { rank: 4, of: 4 },
      previous: { year: 2023, score: 60, delta: 10 },
      handover: { date: '2024-12-10', place: 'Pendopo Gubernur Banten' },
    });
  });
});

describe.skipIf(skipPoppler)('award-night pack', () => {
  it('runs in the background with progress and zips the running order, every piagam (duplex) and the workbook', async () => {
    expect(
      (await w.call('pimpinanOther', { method: 'POST', url: api(`/publications/${publicationId}/award-night-pack`), payload: {} }))
        .statusCode,
    ).toBe(403);
    const start = await w.call('pimpinan', {
      method: 'POST',
      url: api(`/publications/${publicationId}/award-night-pack`),
      payload: { lang: 'id' },
    });
    expect(start.statusCode).toBe(202);
    const job = start.json();
    const gov = (await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/awards`) })).json().items.length;
    const units = (await w.call('public', { method: 'GET', url: api(`/publications/${publicationId}/unit-awards`) })).json().items.length;
    expect(job).toMatchObject({ kind: 'award-night-pack', total: gov + units + 2 });
    await settleJobs();
    const done = (await w.call('pimpinan', { method: 'GET', url: api(`/jobs/${job.id}`) })).json();
    expect(done).toMatchObject({ status: 'done', percent: 100, result: { awards: gov + units, units } });
    const file = await w.call('pimpinan', { method: 'GET', url: api(`/jobs/${job.id}/file`) });
    expect(file.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'pantau-night-'));
    try {
      const zip = join(dir, 'pack.zip');
      writeFileSync(zip, file.rawPayload);
      expect(execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n').sort()).toEqual([
        'penerima.xlsx',
        'piagam-semua.pdf',
        'susunan-acara.txt',
      ]);
      const pdf = execFileSync('unzip', ['-p', zip, 'piagam-semua.pdf']);
      expect(Number(pdfInfo(pdf).Pages)).toBe(2 * (gov + units));
      const pages = pdfPages(pdf);
      expect(pages[1]!.trim()).toBe(''); // the back of the first certificate
      expect(squash(pages[0]!)).toContain('PIAGAM PENGHARGAAN');
      const order = execFileSync('unzip', ['-p', zip, 'susunan-acara.txt'], { encoding: 'utf8' });
      expect(order).toContain('Pendopo Gubernur Banten, 10 Desember 2024');
      expect(order.indexOf('Pemerintah daerah — Opini Kualitas Tertinggi')).toBeLessThan(
        order.indexOf('Unit layanan — Terbaik per sektor'),
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(execFileSync('unzip', ['-p', zip, 'penerima.xlsx']) as never);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['Susunan acara', 'Penerima', 'Tabel slide']);
      expect(wb.getWorksheet('Penerima')!.rowCount).toBe(gov + units + 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
