// Background jobs on the PostgreSQL queue: progress, file download, failure with a translated
// error, owner-only access, nothing started when the request's transaction rolled back, retries,
// and a dead instance's job taken over while a live instance's job is left alone.
import { writeFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { addUser, signIn, type SignedIn } from '../auth/testing.ts';
import { AppError } from '../errors.ts';
import { bodies } from '../registry/schema.ts';
import { jobs } from './schema.ts';
import { launchPending, settleJobs, startJob, type JobWork } from './runner.ts';

let t: TestApp;
let owner: { id: string };
let ownerSession: SignedIn;
let otherSession: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  await t.db.db.insert(bodies).values([
    { type: 'provinsi', code: '36', name: 'Provinsi Banten', provinceCode: '36' },
    { type: 'provinsi', code: '32', name: 'Provinsi Jawa Barat', provinceCode: '32' },
  ]);
  owner = await addUser(t.db.db, {
    username: 'pemilik',
    name: 'Pemilik',
    password: 'kata-sandi-rahasia',
    role: 'pimpinan',
    provinceCode: '36',
  });
  await addUser(t.db.db, { username: 'lain', name: 'Lain', password: 'kata-sandi-rahasia', role: 'pimpinan', provinceCode: '32' });
  ownerSession = await signIn(t.app, 'pemilik', 'kata-sandi-rahasia');
  otherSession = await signIn(t.app, 'lain', 'kata-sandi-rahasia');
});
afterAll(() => t.close());

async function run(work: JobWork, status = 200, total?: number): Promise<string> {
  const req = {} as FastifyRequest;
  const job = await t.db.db.transaction((tx) =>
    startJob(t.app, tx, req, { kind: 'test', ownerId: owner.id, params: { n: 3 }, maxAttempts: 1, ...(total ? { total } : {}) }, work),
  );
  launchPending(req, status);
  await settleJobs();
  return job.id;
}

const get = (url: string, s: SignedIn, lang = 'id') =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}?lang=${lang}`, headers: s.headers });

describe('jobs', () => {
  it('runs after the response, reports progress and serves its file to the owner only', async () => {
    const seen: number[] = [];
    const id = await run(async (ctx) => {
      for (let i = 1; i <= 3; i++) {
        await ctx.progress(i, 3);
        const [row] = await ctx.db.select().from(jobs).where(eq(jobs.id, ctx.job.id));
        seen.push(row!.done);
      }
      writeFileSync(ctx.filePath, 'isi berkas');
      return { fileName: 'paket rapor.zip', mime: 'application/zip', result: { files: 3 } };
    });
    expect(seen[0]).toBe(1); // the first report is written at once; later ones are throttled
    const res = await get(`/jobs/${id}`, ownerSession);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'done',
      done: 3,
      total: 3,
      percent: 100,
      fileName: 'paket rapor.zip',
      size: 10,
      result: { files: 3 },
    });
    const file = await get(`/jobs/${id}/file`, ownerSession);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('isi berkas');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''paket%20rapor.zip");
    expect((await get(`/jobs/${id}`, otherSession)).statusCode).toBe(404);
    expect((await get(`/jobs/${id}/file`, otherSession)).statusCode).toBe(404);
    expect((await get('/jobs', ownerSession)).json().items.map((j: { id: string }) => j.id)).toContain(id);
    expect((await get('/jobs', otherSession)).json().items).toEqual([]);
  });

  it('records a failure with a message in the reader’s language', async () => {
    const id = await run(async () => {
      throw new AppError('job.not_ready', { status: 'x' });
    });
    const id2 = await run(async () => {
      throw new Error('boom');
    });
    const res = (await get(`/jobs/${id}`, ownerSession, 'en')).json();
    expect(res.status).toBe('failed');
    expect(res.error).toMatchObject({ code: 'job.not_ready', message: 'The file is not ready yet (status: x).' });
    expect((await get(`/jobs/${id2}`, ownerSession)).json().error.code).toBe('internal');
    const file = await get(`/jobs/${id}/file`, ownerSession);
    expect(file.statusCode).toBe(409);
    expect(file.json().error.code).toBe('job.not_ready');
  });

  it('starts nothing when the request rolled back, and retries an unexpected failure', async () => {
    let ran = false;
    const req = {} as FastifyRequest;
    await expect(
      t.db.db.transaction(async (tx) => {
        await startJob(t.app, tx, req, { kind: 'test.rollback', ownerId: owner.id }, async () => {
          ran = true;
          return {};
        });
        throw new AppError('request.invalid', { summary: 'x' });
      }),
    ).rejects.toThrow();
    launchPending(req, 422);
    await settleJobs();
    expect(ran).toBe(false);
    expect(await t.db.db.select().from(jobs).where(eq(jobs.kind, 'test.rollback'))).toEqual([]);

    let calls = 0;
    const req2 = {} as FastifyRequest;
    const job = await t.db.db.transaction((tx) =>
      startJob(t.app, tx, req2, { kind: 'test.flaky', ownerId: owner.id }, async () => {
        if (++calls === 1) throw new Error('a passing failure');
        return { result: { calls } };
      }),
    );
    launchPending(req2, 202);
    await settleJobs();
    // The retry waits its back-off (2 s after the first attempt).
    await t.db.db.update(jobs).set({ runAfter: new Date() }).where(eq(jobs.id, job.id));
    await settleJobs();
    const [row] = await t.db.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({ status: 'done', attempts: 2, result: { calls: 2 }, lockedBy: null });
  });

  it("takes over a dead instance's job and leaves a live instance's job alone", async () => {
    t.app.jobs.define('test.orphan', async () => ({ result: { by: t.app.jobs.id } }));
    const old = new Date(Date.now() - 10 * 60_000);
    const [dead] = await t.db.db
      .insert(jobs)
      .values({ kind: 'test.orphan', ownerId: owner.id, status: 'running', lockedBy: 'gone:1', heartbeatAt: old, attempts: 1 })
      .returning();
    const [alive] = await t.db.db
      .insert(jobs)
      .values({ kind: 'test.orphan', ownerId: owner.id, status: 'running', lockedBy: 'alive:2', heartbeatAt: new Date(), attempts: 1 })
      .returning();
    t.app.jobs.wake();
    await settleJobs();
    const [d] = await t.db.db.select().from(jobs).where(eq(jobs.id, dead!.id));
    expect(d).toMatchObject({ status: 'done', attempts: 2, result: { by: t.app.jobs.id } });
    const [a] = await t.db.db.select().from(jobs).where(eq(jobs.id, alive!.id));
    expect(a).toMatchObject({ status: 'running', lockedBy: 'alive:2', attempts: 1 });
    await t.db.db.delete(jobs).where(eq(jobs.id, alive!.id));
  });
});
