// Rapor routes and the report pack end to end: real answers through the batch endpoint, results
// from the engine, a publication row with a snapshot from the publication builder; the PDFs
// read back with pdftotext, the pack's zip listed with unzip.
//
// Without poppler (locally; never in CI, see poppler.ts) only the read-back assertions are
// skipped: every status, header, refusal (401/403/404) and job count still runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq as sqlEq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCycle } from '../cycles/queries.ts';
import { settleJobs } from '../jobs/runner.ts';
import { buildSnapshot, hashSnapshot } from '../publications/queries.ts';
import { publications } from '../publications/schema.ts';
import { type World, buildWorld, fullUnit, openCycle, submitAll } from '../seed/test-world.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { closeSharedPool } from './pool.ts';
import { pdfPages, skipPoppler, squash } from './poppler.ts';
import type { PublicationSnapshot } from '../../shared/wire/publications.ts';

let t: TestApp;
let w: World;
let cycleId: string;
let publicationId: string;
let snapshot: PublicationSnapshot;

const api = (url: string) => `/api/v1${url}`;
const get = (who: Parameters<World['call']>[0], url: string) => w.call(who, { method: 'GET', url: api(url) });
const idNumber = (x: number): string => x.toFixed(2).replace('.', ',');
/** The PDF's pages as text, or undefined when poppler is missing outside CI (read-back assertions skipped). */
const readBack = (pdf: Buffer): string[] | undefined => (skipPoppler ? undefined : pdfPages(pdf));

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  cycleId = await openCycle(w, { bodies: [w.bodies.a, w.bodies.b, w.bodies.c] });
  const max = new Map(w.scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => [i.code, i.scale] as const))));
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, cycleId, w.units.a1, (code) => max.get(code)?.max ?? 3),
  );
  await submitAll(
    w,
    'asisten',
    fullUnit(w.scheme, cycleId, w.units.a2, (code, _i, k) => (k % 2 === 0 ? (max.get(code)?.max ?? 3) : 2)),
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
});
afterAll(async () => {
  await closeSharedPool();
  await t.close();
});

/** Publishes province 36 by inserting the publication row with the builder's snapshot. */
async function publishProvince(publicAt: Date): Promise<string> {
  const id = randomUUID();
  await t.db.db.transaction(async (tx) => {
    const cycle = (await getCycle(tx, cycleId))!;
    const publishedAt = new Date(Date.now() - 7_200_000);
    snapshot = await buildSnapshot(tx, cycle, '36', { version: 1, publishedAt, publicAt });
    await tx.insert(publications).values({
      id,
      cycleId,
      scope: '36',
      version: 1,
      status: 'current',
      publicAt,
      publishedAt,
      schemeHash: cycle.schemeHash,
      contentHash: hashSnapshot(snapshot),
      snapshot,
    });
  });
  return id;
}

describe('live rapor', () => {
  it('renders a government rapor with name, id-ID score, band, page numbers and the SEMENTARA mark', async () => {
    const res = await get('koordinator', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/rapor.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const result = (await get('koordinator', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/result`)).json();
    const pages = readBack(res.rawPayload);
    if (!pages) return;
    const first = squash(pages[0]!);
    expect(first).toContain('Kota Tangerang');
    expect(first).toContain(idNumber(result.result.score));
    expect(first).toContain(result.result.band.label.id);
    expect(first).toContain(`Halaman 1 dari ${pages.length}`);
    expect(first).toContain('SEMENTARA — hasil ini belum dipublikasikan');
    // The indicator × unit table names both units' columns and every dimension.
    const all = squash(pages.join(' '));
    expect(all).toContain('Poin hilang per indikator dan unit');
    for (const d of w.scheme.dimensions) expect(all).toContain(d.title.id);
  });

  it('prints English on request', async () => {
    const res = await get('admin', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/rapor.pdf?lang=en`);
    expect(res.statusCode).toBe(200);
    const pages = readBack(res.rawPayload);
    if (!pages) return;
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(squash(pages[0]!)).toContain('PROVISIONAL');
  });

  it('renders a unit rapor with the detailed indicator table', async () => {
    const res = await get('operator', `/cycles/${cycleId}/units/${w.units.a1}/rapor.pdf`);
    expect(res.statusCode).toBe(200);
    const pages = readBack(res.rawPayload);
    if (!pages) return;
    const all = squash(pages.join(' '));
    expect(all).toContain('RAPOR HASIL PENILAIAN UNIT LAYANAN');
    expect(all).toContain('Disdukcapil');
    expect(all).toContain('Rincian per indikator');
    expect(all).toContain('Halaman 1 dari');
  });

  it('keeps another organisation out and answers bad input with a translated 4xx', async () => {
    expect((await get('koordinatorOther', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/rapor.pdf`)).statusCode).toBe(403);
    expect((await get('operatorOther', `/cycles/${cycleId}/units/${w.units.a1}/rapor.pdf`)).statusCode).toBe(403);
    expect((await get('public', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/rapor.pdf`)).statusCode).toBe(401);
    const bad = await w.call('admin', {
      method: 'GET',
      url: api(`/cycles/${cycleId}/bodies/${w.bodies.a.id}/rapor.pdf?lang=fr`),
      headers: { 'accept-language': 'id' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Permintaan tidak valid/);
    const none = await get('admin', `/cycles/${cycleId}/bodies/${w.bodies.other.id}/rapor.pdf`);
    expect(none.statusCode).toBe(404);
  });
});

describe('published rapor', () => {
  beforeAll(async () => {
    publicationId = await publishProvince(new Date(Date.now() - 3_600_000));
  });

  it('is public once released, from the snapshot, with no SEMENTARA mark', async () => {
    const res = await get('public', `/publications/${publicationId}/bodies/${w.bodies.a.id}/rapor.pdf`);
    expect(res.statusCode).toBe(200);
    const body = snapshot.bodies.find((b) => b.id === w.bodies.a.id)!;
    const pages = readBack(res.rawPayload);
    if (!pages) return;
    const all = squash(pages.join(' '));
    expect(all).toContain('Kota Tangerang');
    expect(squash(pages[0]!)).toContain(idNumber(body.score));
    expect(all).toContain(w.scheme.bands.find((b) => b.code === body.bandCode)!.label.id);
    expect(pages[0]).toContain(`Halaman 1 dari ${pages.length}`);
    expect(all).not.toContain('SEMENTARA');
    expect(all.replace(/\s+/g, '')).toContain(`/publikasi/${publicationId}`);
  });

  it('drops the SEMENTARA mark from the live rapor of a covered body', async () => {
    const res = await get('koordinator', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/rapor.pdf`);
    expect(res.statusCode).toBe(200);
    const pages = readBack(res.rawPayload);
    if (pages) expect(squash(pages.join(' '))).not.toContain('SEMENTARA');
  });

  it('says a superseded version was replaced, and names the current one', async () => {
    const v2 = randomUUID();
    await t.db.db.transaction(async (tx) => {
      const row = (await tx.select().from(publications).where(sqlEq(publications.id, publicationId)))[0]!;
      await tx.update(publications).set({ status: 'superseded', supersededAt: new Date() }).where(sqlEq(publications.id, publicationId));
      await tx
        .insert(publications)
        .values({ ...row, id: v2, version: 2, status: 'current', supersedesId: publicationId, reason: 'Ralat uji' });
    });
    const res = await get('public', `/publications/${publicationId}/bodies/${w.bodies.a.id}/rapor.pdf`);
    expect(res.statusCode).toBe(200);
    const pages = readBack(res.rawPayload);
    if (pages) {
      expect(squash(pages[0]!)).toContain('DIGANTIKAN — versi ini telah digantikan oleh ralat (versi 2)');
      expect(pages[0]!.replace(/\s+/g, '')).toContain(`/publikasi/${v2}`);
    }
    // Restore: v1 current again, v2 gone (later tests use v1).
    await t.db.db.transaction(async (tx) => {
      await tx.delete(publications).where(sqlEq(publications.id, v2));
      await tx.update(publications).set({ status: 'current', supersededAt: null }).where(sqlEq(publications.id, publicationId));
    });
  });

  it('is hidden from the public during the embargo, but the body\u2019s koordinator reads it', async () => {
    await t.db.db
      .update(publications)
      .set({ publicAt: new Date(Date.now() + 86_400_000) })
      .where(sqlEq(publications.id, publicationId));
    try {
      expect((await get('public', `/publications/${publicationId}/bodies/${w.bodies.a.id}/rapor.pdf`)).statusCode).toBe(401);
      expect((await get('koordinatorOther', `/publications/${publicationId}/bodies/${w.bodies.a.id}/rapor.pdf`)).statusCode).toBe(403);
      expect((await get('koordinator', `/publications/${publicationId}/bodies/${w.bodies.a.id}/rapor.pdf`)).statusCode).toBe(200);
      // issue 16: one rule — during the embargo the koordinator's live rapor is the publication's too (final, not SEMENTARA).
      const live = await get('koordinator', `/cycles/${cycleId}/bodies/${w.bodies.a.id}/rapor.pdf`);
      expect(live.statusCode).toBe(200);
      const pages = readBack(live.rawPayload);
      if (pages) expect(squash(pages.join(' '))).not.toContain('SEMENTARA');
    } finally {
      await t.db.db
        .update(publications)
        .set({ publicAt: new Date(Date.now() - 3_600_000) })
        .where(sqlEq(publications.id, publicationId));
    }
  });
});

describe('report pack', () => {
  it('zips one rapor PDF per body of the snapshot in the background, progress reaching the total', async () => {
    expect(
      (await w.call('koordinator', { method: 'POST', url: api(`/publications/${publicationId}/report-pack`), payload: {} })).statusCode,
    ).toBe(403);
    expect(
      (await w.call('pimpinanOther', { method: 'POST', url: api(`/publications/${publicationId}/report-pack`), payload: {} })).statusCode,
    ).toBe(403);
    const start = await w.call('pimpinan', {
      method: 'POST',
      url: api(`/publications/${publicationId}/report-pack`),
      payload: { lang: 'id' },
    });
    expect(start.statusCode).toBe(202);
    const job = start.json();
    expect(job).toMatchObject({ kind: 'report-pack', total: 3 });
    await settleJobs();
    const done = (await get('pimpinan', `/jobs/${job.id}`)).json();
    expect(done).toMatchObject({ status: 'done', done: 3, total: 3, percent: 100 });
    expect(done.fileName).toMatch(/\.zip$/);
    const file = await get('pimpinan', `/jobs/${job.id}/file`);
    expect(file.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'pantau-pack-'));
    try {
      const zip = join(dir, 'pack.zip');
      writeFileSync(zip, file.rawPayload);
      const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n').sort();
      expect(names).toHaveLength(3);
      for (const b of [w.bodies.a, w.bodies.b, w.bodies.c])
        expect(names.some((n) => n.startsWith(`rapor-${b.code.replace('.', '-')}`) && n.endsWith('.pdf'))).toBe(true);
      const one = execFileSync('unzip', ['-p', zip, names.find((n) => n.includes('tangerang'))!]);
      const pages = readBack(one);
      if (pages) {
        const text = squash(pages.join(' '));
        expect(text).toContain('Kota Tangerang');
        expect(text).not.toContain('SEMENTARA');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adds every unit rapor and every unit award\u2019s piagam on request', async () => {
    const awards = (await get('admin', `/publications/${publicationId}/unit-awards`)).json() as {
      items: { code: string; unit: { name: string } }[];
    };
    expect(awards.items.length).toBeGreaterThan(0);
    const n = 7 + awards.items.length;
    const start = await w.call('admin', {
      method: 'POST',
      url: api(`/publications/${publicationId}/report-pack`),
      payload: { units: true, lang: 'en' },
    });
    expect(start.statusCode).toBe(202);
    await settleJobs();
    const done = (await get('admin', `/jobs/${start.json().id}`)).json();
    expect(done).toMatchObject({ status: 'done', done: n, total: n, result: { governments: 3, units: 4, piagams: awards.items.length } });
    const file = await get('admin', `/jobs/${start.json().id}/file`);
    const dir = mkdtempSync(join(tmpdir(), 'pantau-pack-'));
    try {
      const zip = join(dir, 'pack.zip');
      writeFileSync(zip, file.rawPayload);
      const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
      const piagams = names.filter((x) => /^unit\/.+\/piagam-.+\.pdf$/.test(x));
      expect(piagams).toHaveLength(awards.items.length);
      const pages = readBack(execFileSync('unzip', ['-p', zip, piagams[0]!]));
      if (pages) expect(awards.items.some((a) => squash(pages.join(' ')).includes(a.code))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown publication with a translated 404', async () => {
    const res = await w.call('admin', {
      method: 'POST',
      url: api(`/publications/${randomUUID()}/report-pack`),
      payload: {},
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Publication not found.');
  });
});
