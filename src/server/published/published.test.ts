// Published reads (issue 14 §1): an anonymous read of published results is computed once, kept
// by content hash, sent precompressed with a strong ETag (304), marked public for a CDN; signed-in
// callers get the live, private answer; a write through this or another instance, and the end of
// an embargo, are seen without serving stale bytes.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { users } from '../auth/schema.ts';
import { createCycle } from '../cycles/queries.ts';
import { publish } from '../publications/queries.ts';
import { bodies } from '../registry/schema.ts';
import { importBodyScores } from '../scores/import.ts';
import { type SessionHeaders, sessionHeaders } from '../seed/fixtures.ts';
import { type DemoSeed, seedDemoIfEmpty } from '../seed/demo.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { matchesEtag, pickEncoding } from './cache.ts';

let t: TestApp;
let other: FastifyInstance;
let seed: DemoSeed;
let admin: SessionHeaders;
let rankingsUrl: string;

beforeAll(async () => {
  t = await createTestApp();
  seed = (await seedDemoIfEmpty(t.db.db))!;
  const username = seed.accounts.find((a) => a.role === 'admin')!.username;
  const [u] = await t.db.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  admin = await sessionHeaders(t.db.db, u!.id);
  // A second instance on the same database (another process in production).
  other = await buildApp({ db: t.db.db, dataDir: t.dataDir, published: { checkMs: 200 } });
  await other.ready();
  rankingsUrl = `/api/v1/cycles/${seed.cycles.past}/rankings?group=province&province=36`;
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('published reads', () => {
  it('computes an anonymous answer once and sends the same bytes with a strong ETag, gzip and brotli', async () => {
    const cache = t.app.published;
    const misses = cache.stats.misses;
    // Simultaneous first requests: one computation, every caller gets the answer.
    const first = await Promise.all(Array.from({ length: 12 }, () => get(t.app, rankingsUrl)));
    expect(first.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    expect(cache.stats.misses - misses).toBe(1);
    const body = first[0]!.body;
    expect(JSON.parse(body).items.length).toBeGreaterThan(3);
    expect(new Set(first.map((r) => r.body)).size).toBe(1);

    const plain = await get(t.app, rankingsUrl);
    expect(plain.headers['x-pantau-cache']).toBe('hit');
    expect(plain.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(plain.headers['cache-control']).toBe('public, max-age=60');
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body).toBe(body);
    // Sent straight to the socket, a kept answer still carries the security headers (http/security.ts).
    expect(plain.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(String(plain.headers['permissions-policy'])).toContain('geolocation=(self)');

    const gz = await get(t.app, rankingsUrl, { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(body);
    const br = await get(t.app, rankingsUrl, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(body);
    expect(br.rawPayload.length).toBeLessThan(gz.rawPayload.length);
    expect(br.headers.etag).toBe(`${plain.headers.etag!.slice(0, -1)}-br"`);

    const notModified = await get(t.app, rankingsUrl, { 'if-none-match': String(br.headers.etag), 'accept-encoding': 'br' });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers['x-frame-options']).toBe('DENY');
  });

  it('gives a signed-in caller the live answer, never cached by a shared cache', async () => {
    const res = await get(t.app, rankingsUrl, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-pantau-cache']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
  });

  it('keeps errors out of the cache', async () => {
    const current = `/api/v1/cycles/${seed.cycles.current}/rankings?group=province&province=36`;
    const a = await get(t.app, current);
    expect(a.statusCode).toBe(401);
    expect(a.headers['cache-control']).toBeUndefined();
    expect((await get(t.app, current)).statusCode).toBe(401);
  });

  it('sees a write through another instance within its check interval, and an embargo end on time', async () => {
    const pub = await get(other, `/api/v1/cycles/${seed.cycles.past}/publications`);
    const v1 = pub.json().items[0].id as string;
    expect((await get(other, `/api/v1/publications/${v1}`)).json().meta.status).toBe('current');

    // An erratum through the first instance: the second sees v1 superseded within 200 ms.
    const erratum = await t.app.inject({
      method: 'POST',
      url: `/api/v1/publications/${v1}/errata`,
      headers: admin,
      payload: { reason: 'Koreksi nama satuan kerja pada lampiran' },
    });
    expect(erratum.statusCode).toBe(201);
    await new Promise((r) => setTimeout(r, 300));
    expect((await get(other, `/api/v1/publications/${v1}`)).json().meta.status).toBe('superseded');
    expect((await get(other, `/api/v1/publications/${erratum.json().id}`)).json().meta.version).toBe(2);

    // A cycle published straight into the database with an embargo 1.5 s away: not listed before
    // (that answer is cached), listed as soon as the embargo ends.
    const cyclesUrl = '/api/v1/cycles?published=true';
    const publicAt = new Date(Date.now() + 1500);
    const later = await t.db.db.transaction(async (tx) => {
      const actor = { id: (await tx.select({ id: users.id }).from(users).limit(1))[0]!.id, username: 'admin' };
      const cycle = await createCycle(tx, actor, {
        name: 'Hasil 2023',
        year: 2023,
        schemeId: 'ombudsman-2022',
        source: 'imported',
        status: 'final',
      });
      const [body] = await tx.select({ id: bodies.id }).from(bodies).where(eq(bodies.type, 'provinsi')).limit(1);
      await importBodyScores(tx, actor, cycle, [{ bodyId: body!.id, score: 80 }], new Date());
      await publish(tx, actor, cycle, { scope: 'national', publicAt }, new Date());
      return cycle.id;
    });
    const listed = async () => ((await get(other, cyclesUrl)).json().items as { id: string }[]).map((c) => c.id);
    expect(await listed()).not.toContain(later);
    expect(await listed()).not.toContain(later);
    await new Promise((r) => setTimeout(r, Math.max(0, publicAt.getTime() - Date.now() + 20)));
    expect(await listed()).toContain(later);
  });
});

describe('negotiation helpers', () => {
  it('prefers brotli, honours q=0 and matches ETags in any encoding', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('*')).toBe('br');
    expect(matchesEtag('"abc-gzip", "x"', 'abc')).toBe(true);
    expect(matchesEtag('W/"abc"', 'abc')).toBe(true);
    expect(matchesEtag('"abd"', 'abc')).toBe(false);
    expect(matchesEtag('*', 'abc')).toBe(true);
  });
});
