// Background jobs: progress, file download, failure with a translated error, owner-only access,
// nothing started when the request failed, and interrupted jobs marked failed at start-up.
import { writeFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { addUser, signIn, type SignedIn } from '../auth/testing.ts';
import { AppError } from '../errors.ts';
import { bodies } from '../registry/schema.ts';
import { jobs } from './schema.ts';
import { failInterruptedJobs, launchPending, settleJobs, startJob, type JobWork } from './runner.ts';

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
    startJob(t.app, tx, req, { kind: 'test', ownerId: owner.id, params: { n: 3 }, ...(total ? { total } : {}) }, work),
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
        const [row] = await ctx.db
          .select()
          .from(jobs)
          .where(eq(jobs.id, ctx.filePath.split('/').at(-1)!));
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

  it('starts nothing when the request failed, and start-up fails what a restart left behind', async () => {
    let ran = false;
    const id = await run(async () => {
      ran = true;
      return {};
    }, 422);
    expect(ran).toBe(false);
    expect((await get(`/jobs/${id}`, ownerSession)).json()).toMatchObject({ status: 'queued', percent: null });
    expect(await failInterruptedJobs(t.db.db)).toBeGreaterThanOrEqual(1);
    expect((await get(`/jobs/${id}`, ownerSession)).json()).toMatchObject({ status: 'failed', error: { code: 'job.interrupted' } });
  });
});
