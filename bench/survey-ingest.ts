/**
 * Survey ingest benchmark (issue 11 §8): sustained anonymous responses per second through
 * POST /api/v1/public/surveys/:code/responses with every abuse check on (signed device token,
 * rate-limit counters per IP and per survey, answer and profile validation, the engine's
 * honeypot / too-fast / per-device / burst verdict over the earlier responses that bear on it,
 * each request answered only after its response committed — in a group commit of the requests in
 * flight, surveys/batcher.ts), against a raw insert of the same rows (one row per committed
 * transaction, the same concurrency) measured in the same run, chunk for chunk, interleaved.
 * Also printed: this process's CPU per response and per raw row (the database's is apart).
 *
 *   npx tsx bench/survey-ingest.ts [--responses 5000] [--concurrency 16] [--chunk 500]
 *
 * PostgreSQL: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; a throw-away
 * database is created there and dropped afterwards. Goal: ≥ 500 responses/s and ≥ 40 % of raw.
 * The per-survey limit is raised for the run (PANTAU_SURVEY_PER_SURVEY_PER_SECOND) so that the
 * limiter counts but does not refuse; each response comes from its own address and device.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase } from '../src/server/db/client.ts';
import { insertBody, insertUnit, insertUser } from '../src/server/seed/fixtures.ts';
import { prng } from '../src/server/seed/synthetic.ts';
import { createSurvey, getUnitRowOr404 } from '../src/server/surveys/queries.ts';
import { issueDeviceToken } from '../src/server/surveys/tokens.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = opt('responses', 5000);
const CONCURRENCY = opt('concurrency', 16);
const CHUNK = opt('chunk', 500);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
process.env.PANTAU_SURVEY_PER_SURVEY_PER_SECOND = '1000000';

const UNSUR = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

async function pool<T>(items: readonly T[], n: number, work: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function run(database: Database, dataDir: string) {
  const db = database.db;
  const { buildApp } = await import('../src/server/app.ts');
  const now = Date.now();
  const year = new Date(now).getUTCFullYear();
  const [a, b] = await db.transaction(async (tx) => {
    const body = await insertBody(tx, { type: 'kota', code: '99.01', name: 'Kota Uji', provinceCode: '99' });
    const unit = await insertUnit(tx, body.id, 'Disdukcapil Uji', 'adminduk');
    const op = await insertUser(tx, 'operator', { bodyId: body.id, unitId: unit.id });
    const actor = {
      id: op.id,
      username: op.username,
      name: op.username,
      role: 'operator' as const,
      provinceCode: null,
      bodyId: body.id,
      unitId: unit.id,
    };
    const row = await getUnitRowOr404(tx, unit.id);
    const input = {
      kind: 'skm' as const,
      periodKind: 'year' as const,
      year,
      index: 1,
      services: ['KTP-el', 'Kartu Keluarga'],
      expectedUsers: 100_000,
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
    };
    return [await createSurvey(tx, actor, row, input), await createSurvey(tx, actor, row, input)];
  });
  const app = await buildApp({ db, dataDir });
  await app.ready();

  const rand = prng(11);
  const bodies = Array.from({ length: N }, (_, k) => ({
    id: randomUUID(),
    deviceToken: issueDeviceToken(app.secrets.session),
    openedAt: new Date(now - 120_000).toISOString(),
    answers: Object.fromEntries(UNSUR.map((c) => [c, 1 + Math.floor(rand() * 4)])),
    profile: { layanan: k % 2 ? 'KTP-el' : 'Kartu Keluarga', 'jenis-kelamin': k % 3 ? 'L' : 'P' },
    age: 18 + (k % 60),
  }));
  // The same rows for the raw insert: what the endpoint stores, into the second survey.
  const raw = bodies.map((r) => ({
    id: randomUUID(),
    deviceKey: createHash('sha256').update(r.deviceToken).digest('hex'),
    fingerprint: createHash('sha256')
      .update(JSON.stringify([r.answers, r.profile]))
      .digest('hex'),
    answers: JSON.stringify(r.answers),
    profile: JSON.stringify(r.profile),
  }));

  let endpointMs = 0;
  let rawMs = 0;
  // This process's CPU (user + system) in each phase: what the app costs beside the database.
  let endpointCpu = 0;
  let rawCpu = 0;
  let refused = 0;
  for (let c = 0; c < N; c += CHUNK) {
    let t = performance.now();
    let cpu = process.cpuUsage();
    await pool(raw.slice(c, c + CHUNK), CONCURRENCY, async (r) => {
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into survey_responses (id, survey_id, source, submitted_at, opened_at, device_key, fingerprint, answers, profile, accepted, flags)
          values (${r.id}, ${b!.id}, 'public', now(), now(), ${r.deviceKey}, ${r.fingerprint}, ${r.answers}::jsonb, ${r.profile}::jsonb, true, '[]'::jsonb)`);
      });
    });
    rawMs += performance.now() - t;
    rawCpu += cpuMs(process.cpuUsage(cpu));
    t = performance.now();
    cpu = process.cpuUsage();
    let k = c;
    await pool(bodies.slice(c, c + CHUNK), CONCURRENCY, async (payload) => {
      const n = k++;
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/public/surveys/${a!.code}/responses`,
        remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        payload,
      });
      if (res.statusCode !== 200) {
        refused++;
        if (refused < 3) console.error(res.statusCode, res.body.slice(0, 300));
      }
    });
    endpointMs += performance.now() - t;
    endpointCpu += cpuMs(process.cpuUsage(cpu));
  }
  const [counted] = (
    (await db.execute(
      sql`select count(*) filter (where accepted)::int as ok, count(*)::int as n from survey_responses where survey_id = ${a!.id}`,
    )) as unknown as {
      rows: { ok: number; n: number }[];
    }
  ).rows;
  await app.close();
  const settings: Record<string, string> = {};
  for (const name of ['fsync', 'synchronous_commit', 'server_version']) {
    const row = ((await db.execute(sql.raw(`show ${name}`))) as unknown as { rows: Record<string, string>[] }).rows[0];
    settings[name] = Object.values(row!)[0]!;
  }
  return {
    responses: N,
    concurrency: CONCURRENCY,
    stored: counted!.n,
    accepted: counted!.ok,
    refused,
    endpointRate: N / (endpointMs / 1000),
    rawRate: N / (rawMs / 1000),
    ratio: rawMs / endpointMs,
    endpointCpuPer: endpointCpu / N,
    rawCpuPer: rawCpu / N,
    settings,
  };
}

const pg = (await import('pg')).default;
const name = `${process.env.PANTAU_BENCH_DB_PREFIX ?? 'pantau_bench'}_survey_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const dataDir = mkdtempSync(join(tmpdir(), 'pantau-bench-survey-'));
try {
  const database = await openDatabase({ url: url.toString() });
  try {
    const r = await run(database, dataDir);
    console.log(
      `Survey ingest on PostgreSQL ${r.settings.server_version} (fsync ${r.settings.fsync}, synchronous_commit ${r.settings.synchronous_commit})`,
    );
    console.log(
      `  ${r.responses} responses, ${r.concurrency} in flight; stored ${r.stored} (accepted ${r.accepted}), refused ${r.refused}`,
    );
    console.log(
      `  endpoint (abuse checks on)  ${Math.round(r.endpointRate)} responses/s   goal ≥ 500 — ${r.endpointRate >= 500 ? 'met' : 'NOT met'}`,
    );
    console.log(`  raw insert, same rows       ${Math.round(r.rawRate)} rows/s`);
    console.log(`  CPU of this process          endpoint ${r.endpointCpuPer.toFixed(2)} ms/response, raw ${r.rawCpuPer.toFixed(2)} ms/row`);
    console.log(`  endpoint / raw              ${(r.ratio * 100).toFixed(1)} %   goal ≥ 40 % — ${r.ratio >= 0.4 ? 'met' : 'NOT met'}`);
    process.exitCode = r.endpointRate >= 500 && r.ratio >= 0.4 && r.refused === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
} finally {
  for (let i = 0; i < 50; i++) {
    try {
      await admin.query(`drop database if exists ${name}`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}
