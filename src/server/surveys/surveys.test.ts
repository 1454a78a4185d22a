// Public surveys (issue 11): set-up by the unit, anonymous responses with the abuse checks,
// the IKM of a fixture computed by hand, paper entry, moderation and publication.
import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../seed/test-world.ts';
import { createTestApp, expectUnchanged, type TestApp } from '../test/harness.ts';
import { auditEvents } from '../audit/schema.ts';
import { evidenceFiles } from '../evidence/schema.ts';
import { surveyResponses, surveys } from './schema.ts';
import { localDateTime, WITA } from '../../shared/local-time.ts';
import { ResponseBatcher } from './batcher.ts';
import { getSurveyOr404, publicResponse, surveyScheme } from './queries.ts';
import { deviceKey } from './tokens.ts';
import type { AppError } from '../errors.ts';
import { seedDemoSurveys } from '../seed/demo-surveys.ts';
import { multipart } from '../test/hostile.ts';
import { pdf } from '../test/files.ts';

let t: TestApp;
let w: World;
let survey: { id: string; code: string; targetSample: number };
let ip = 0;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function createOpenSurvey(extra: Record<string, unknown> = {}) {
  const now = Date.now();
  const year = new Date(now).getUTCFullYear();
  const res = await w.call('operator', {
    method: 'POST',
    url: `/api/v1/units/${w.units.a1}/surveys`,
    payload: {
      periodKind: 'year',
      year,
      index: 1,
      services: ['KTP-el', 'Kartu Keluarga'],
      expectedUsers: 1000,
      opensAt: iso(now - DAY),
      closesAt: iso(now + 30 * DAY),
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; code: string; targetSample: number; accepted: number; flagged: number };
}

/** The public form (a fresh device token each call). */
async function form(code: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/surveys/${code}`, remoteAddress: `10.0.${ip >> 8}.${ip++ & 255}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { deviceToken: string; questions: { code: string }[]; profile: { code: string }[]; open: boolean };
}

const answersOf = (v: number | number[]) =>
  Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((c, k) => [c, Array.isArray(v) ? v[k]! : v]));

async function respond(code: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/surveys/${code}/responses`,
    remoteAddress: `10.1.${ip >> 8}.${ip++ & 255}`,
    headers,
    payload: {
      id: randomUUID(),
      openedAt: iso(Date.now() - 120_000),
      answers: answersOf(3),
      profile: { layanan: 'KTP-el' },
      ...body,
    },
  });
}

async function results(id: string) {
  const res = await w.call('operator', { method: 'GET', url: `/api/v1/surveys/${id}/results` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    accepted: number;
    flagged: number;
    target: number;
    ikm: null | { value: number; band: { code: string }; unsur: { code: string; nrr: number }[]; weakest: string[] };
    flaggedResponses: { flags: { code: string; reason: { id: string; en: string } }[] }[];
    suggestions: { id: string; text: string; status: string }[];
    profile: { field: string; counts: { code: string; n: number }[] }[];
  };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db.db);
  survey = await createOpenSurvey();
});
afterAll(() => t.close());

describe('survey set-up', () => {
  it('takes the minimum sample from Krejcie–Morgan (N = 1000 → 278) and audits the creation', async () => {
    expect(survey.targetSample).toBe(278);
    expect(survey.code).toMatch(/^[a-z0-9]{7}$/);
    const audit = await t.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, survey.id));
    expect(audit.map((a) => a.action)).toEqual(['survey.create']);
  });

  it('is refused to another unit’s operator, the asisten and anonymous callers, changing nothing', async () => {
    const payload = { periodKind: 'month', year: 2026, index: 1, services: ['x'], expectedUsers: 10, opensAt: iso(0), closesAt: iso(DAY) };
    for (const who of ['operatorOther', 'asisten', 'public', 'koordinatorOther'] as const) {
      const res = await expectUnchanged(t.db.db, () =>
        w.call(who, { method: 'POST', url: `/api/v1/units/${w.units.a1}/surveys`, payload }),
      );
      expect([401, 403]).toContain(res.statusCode);
    }
  });

  it('lets the koordinator of the body set one up; closing before opening is refused', async () => {
    const bad = await expectUnchanged(t.db.db, () =>
      w.call('koordinator', {
        method: 'POST',
        url: `/api/v1/units/${w.units.a1}/surveys`,
        payload: { periodKind: 'month', year: 2026, index: 2, services: ['x'], expectedUsers: 100, opensAt: iso(DAY), closesAt: iso(0) },
      }),
    );
    expect(bad.statusCode).toBe(422);
    const ok = await w.call('koordinator', {
      method: 'POST',
      url: `/api/v1/units/${w.units.a1}/surveys`,
      payload: { periodKind: 'month', year: 2026, index: 2, services: ['x'], expectedUsers: 100, opensAt: iso(0), closesAt: iso(DAY) },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().targetSample).toBe(80);
    expect(ok.json().periodKey).toBe('2026-02');
  });
});

describe("a body's survey list (the koordinator's screen)", () => {
  it("lists every unit's surveys of the body with counts, to its koordinator and the province's pimpinan only", async () => {
    const other = await w.call('koordinator', {
      method: 'POST',
      url: `/api/v1/units/${w.units.a2}/surveys`,
      payload: { periodKind: 'quarter', year: 2026, index: 4, services: ['x'], expectedUsers: 50, opensAt: iso(0), closesAt: iso(DAY) },
    });
    expect(other.statusCode, other.body).toBe(200);
    const url = `/api/v1/bodies/${w.bodies.a.id}/surveys`;
    const res = await w.call('koordinator', { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; unitId: string; accepted: number; flagged: number; periodKey: string }[];
    expect(new Set(items.map((i) => i.unitId))).toEqual(new Set([w.units.a1, w.units.a2]));
    expect(items.map((i) => i.id)).toContain(survey.id);
    expect(items.find((i) => i.id === other.json().id)).toMatchObject({ periodKey: '2026-Q4', accepted: 0, flagged: 0 });
    expect((await w.call('pimpinan', { method: 'GET', url })).statusCode).toBe(200);
    for (const who of ['koordinatorOther', 'operator', 'asisten', 'public'] as const)
      expect([401, 403], who).toContain((await w.call(who, { method: 'GET', url })).statusCode);
    const none = await w.call('koordinator', { method: 'GET', url: `/api/v1/bodies/${randomUUID()}/surveys` });
    expect(none.statusCode).toBe(404);
  });
});

describe('the public questionnaire and its abuse checks', () => {
  it('serves the nine unsur with four answers and the profile, without login', async () => {
    const f = await form(survey.code);
    expect(f.questions.map((q) => q.code)).toEqual(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
    expect(f.profile.map((p) => p.code)).toContain('layanan');
    expect(f.open).toBe(true);
  });

  it('accepts one response per device, flags a second with its reason, and counts both', async () => {
    const s = await createOpenSurvey();
    const { deviceToken } = await form(s.code);
    expect((await respond(s.code, { deviceToken, age: 34, profile: { layanan: 'KTP-el', 'jenis-kelamin': 'P' } })).statusCode).toBe(200);
    const again = await respond(s.code, { deviceToken, answers: answersOf(2) });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ received: true });
    const r = await results(s.id);
    expect([r.accepted, r.flagged]).toEqual([1, 1]);
    expect(r.flaggedResponses[0]!.flags.map((f) => f.code)).toEqual(['device-repeat']);
    expect(r.flaggedResponses[0]!.flags[0]!.reason.id).toContain('Perangkat ini');
    // The age became its band; the flagged response is not in the IKM.
    expect(r.profile.find((p) => p.field === 'usia')!.counts.find((c) => c.code === 'u-30-39')!.n).toBe(1);
    expect(r.ikm!.value).toBe(75);
  });

  it('flags the honeypot, answers too fast, and a burst of identical responses beyond the limit', async () => {
    const s = await createOpenSurvey();
    await respond(s.code, { deviceToken: (await form(s.code)).deviceToken, website: 'http://spam.example' });
    await respond(s.code, { deviceToken: (await form(s.code)).deviceToken, openedAt: iso(Date.now() - 2000), answers: answersOf(1) });
    const same = answersOf([4, 3, 4, 3, 4, 3, 4, 3, 4]);
    for (let k = 0; k < 4; k++) await respond(s.code, { deviceToken: (await form(s.code)).deviceToken, answers: same });
    const r = await results(s.id);
    expect(r.accepted).toBe(3);
    expect(r.flagged).toBe(3);
    expect(r.flaggedResponses.flatMap((x) => x.flags.map((f) => f.code)).sort()).toEqual(['burst-identical', 'honeypot', 'too-fast']);
  });

  it('refuses a forged device token and a response outside the open dates, in the caller’s language, storing nothing', async () => {
    const s = await createOpenSurvey();
    const forged = await expectUnchanged(t.db.db, () => respond(s.code, { deviceToken: 'abc.def' }), { tables: [surveyResponses] });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.code).toBe('survey.token_invalid');
    const closed = await createOpenSurvey({ opensAt: iso(Date.now() + DAY), closesAt: iso(Date.now() + 2 * DAY) });
    const { deviceToken } = await form(closed.code);
    const id = await expectUnchanged(t.db.db, () => respond(closed.code, { deviceToken }), { tables: [surveyResponses] });
    expect(id.statusCode).toBe(422);
    expect(id.json().error.message).toMatch(
      /^Survei ini tidak sedang dibuka\. Survei dibuka \d{1,2} [A-Z][a-z]+ \d{4} \d\d\.\d\d WIB sampai /,
    );
    const en = await respond(closed.code, { deviceToken }, { 'accept-language': 'en' });
    expect(en.json().error.message).toMatch(/^This survey is not open/);
  });

  it('refuses answers off the scale or a service the survey does not cover', async () => {
    const { deviceToken } = await form(survey.code);
    const bad = await expectUnchanged(t.db.db, () => respond(survey.code, { deviceToken, answers: answersOf(5) }), {
      tables: [surveyResponses],
    });
    expect(bad.statusCode).toBe(422);
    const svc = await respond(survey.code, { deviceToken, profile: { layanan: 'Paspor' } });
    expect(svc.statusCode).toBe(422);
  });

  it('limits responses per IP', async () => {
    const s = await createOpenSurvey();
    let last = 0;
    for (let k = 0; k < 31; k++) {
      const { deviceToken } = await form(s.code);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/surveys/${s.code}/responses`,
        remoteAddress: '192.0.2.7',
        payload: { id: randomUUID(), deviceToken, answers: answersOf((k % 4) + 1), profile: { layanan: 'KTP-el' } },
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
  });

  it('lets a kiosk answer many times from one device, and refuses a forged kiosk token', async () => {
    const s = await createOpenSurvey();
    const k = await w.call('operator', { method: 'POST', url: `/api/v1/surveys/${s.id}/kiosk` });
    expect(k.statusCode).toBe(200);
    const { kioskToken, url } = k.json() as { kioskToken: string; url: string };
    expect(url).toContain(`/s/${s.code}?kiosk=`);
    const { deviceToken } = await form(s.code);
    for (let v = 1; v <= 3; v++) expect((await respond(s.code, { deviceToken, kioskToken, answers: answersOf(v) })).statusCode).toBe(200);
    expect((await respond(s.code, { deviceToken, kioskToken: 'forged' })).statusCode).toBe(400);
    expect((await results(s.id)).accepted).toBe(3);
  });

  it('refuses a response at once after the unit closes its survey early (the cached survey is forgotten)', async () => {
    const s = await createOpenSurvey();
    const ok = await respond(s.code, { deviceToken: (await form(s.code)).deviceToken, answers: answersOf(4) });
    expect(ok.statusCode, ok.body).toBe(200);
    const patch = await w.call('operator', {
      method: 'PATCH',
      url: `/api/v1/surveys/${s.id}`,
      payload: { opensAt: iso(Date.now() - 2 * DAY), closesAt: iso(Date.now() - 60_000) },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const token = (await form(s.code)).deviceToken;
    const late = await expectUnchanged(t.db.db, () => respond(s.code, { deviceToken: token, answers: answersOf(3) }), {
      tables: [surveyResponses],
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('survey.closed');
  });

  it("refuses a response before opening with the times in the body's zone (a WITA body: issue 16)", async () => {
    const opens = new Date(Math.ceil((Date.now() + 3 * DAY) / 3_600_000) * 3_600_000);
    const s = await createOpenSurvey({ opensAt: opens.toISOString(), closesAt: iso(opens.getTime() + 10 * DAY) });
    // The unit's body in Bali: the survey keeps its zone's offset (WITA, UTC+8).
    await t.db.db.update(surveys).set({ offsetMinutes: 480 }).where(eq(surveys.id, s.id));
    const early = await respond(s.code, { deviceToken: (await form(s.code)).deviceToken }, { 'accept-language': 'id' });
    expect(early.statusCode).toBe(422);
    const message = early.json().error.message as string;
    expect(message).toContain(localDateTime(opens, 'id', WITA));
    expect(message).toContain('WITA');
    expect(message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('treats a resent response (same id) as one', async () => {
    const s = await createOpenSurvey();
    const { deviceToken } = await form(s.code);
    const id = randomUUID();
    await respond(s.code, { id, deviceToken });
    await respond(s.code, { id, deviceToken });
    const r = await results(s.id);
    expect([r.accepted, r.flagged]).toEqual([1, 0]);
  });
});

describe('group commit of anonymous responses', () => {
  it('judges responses sent at the same time as if they came one after another', async () => {
    const s = await createOpenSurvey();
    const { deviceToken } = await form(s.code);
    const same = answersOf([2, 3, 2, 3, 2, 3, 2, 3, 2]);
    const tokens = await Promise.all([0, 1, 2, 3].map(() => form(s.code)));
    const sent = await Promise.all([
      ...[1, 2, 4].map((v) => respond(s.code, { deviceToken, answers: answersOf(v) })),
      ...tokens.map((f) => respond(s.code, { deviceToken: f.deviceToken, answers: same })),
    ]);
    expect(sent.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    const r = await results(s.id);
    expect([r.accepted, r.flagged]).toEqual([4, 3]);
    expect(r.flaggedResponses.flatMap((x) => x.flags.map((f) => f.code)).sort()).toEqual([
      'burst-identical',
      'device-repeat',
      'device-repeat',
    ]);
  });

  it('stores a batch in one transaction, answers a resend inside it once, and fails only the response at fault', async () => {
    const s = await createOpenSurvey();
    const other = await createOpenSurvey();
    const row = await getSurveyOr404(t.db.db, s.id);
    const scheme = await surveyScheme(t.db.db, row);
    const incoming = (id: string, device: string, v: number) =>
      publicResponse(
        scheme,
        row,
        { id, deviceToken: 'x', openedAt: iso(Date.now() - 120_000), answers: answersOf(v), profile: { layanan: 'KTP-el' } },
        { deviceKey: deviceKey(row.id, device), kiosk: false, now: new Date() },
      );
    const taken = randomUUID();
    expect((await respond(other.code, { id: taken, deviceToken: (await form(other.code)).deviceToken })).statusCode).toBe(200);
    let transactions = 0;
    const db = t.db.db;
    const counting = new Proxy(db, {
      get: (target, key) =>
        key === 'transaction'
          ? (...a: Parameters<typeof db.transaction>) => {
              transactions++;
              return target.transaction(...a);
            }
          : Reflect.get(target, key),
    });
    // A long wait: everything submitted below goes in ONE batch.
    const batcher = new ResponseBatcher(counting, { max: 100, delayMs: 50 });
    const twice = randomUUID();
    const outcomes = await Promise.allSettled([
      batcher.submit(scheme, row, incoming(randomUUID(), 'a', 1)),
      batcher.submit(scheme, row, incoming(randomUUID(), 'a', 2)),
      batcher.submit(scheme, row, incoming(twice, 'b', 3)),
      batcher.submit(scheme, row, incoming(twice, 'b', 3)),
      batcher.submit(scheme, row, incoming(taken, 'c', 4)),
    ]);
    expect(transactions).toBe(1);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.accepted : (o.reason as AppError).code))).toEqual([
      true,
      false,
      true,
      true,
      'survey.answers_invalid',
    ]);
    const r = await results(s.id);
    expect([r.accepted, r.flagged]).toEqual([2, 1]);

    // A response the database refuses (its survey is gone) fails the batch's transaction: the
    // others are stored one by one, and only that one is refused.
    const ghost = { ...row, id: randomUUID() };
    transactions = 0;
    const second = await Promise.allSettled([
      batcher.submit(scheme, row, incoming(randomUUID(), 'd', 1)),
      batcher.submit(scheme, ghost, incoming(randomUUID(), 'e', 2)),
      batcher.submit(scheme, row, incoming(randomUUID(), 'f', 3)),
    ]);
    expect(second.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(transactions).toBe(4);
    expect((await results(s.id)).accepted).toBe(4);
    await batcher.drain();
  });
});

describe('results', () => {
  it('computes the IKM of a fixture exactly as by hand', async () => {
    const s = await createOpenSurvey();
    // Four respondents (rows) × nine unsur (columns).
    const rows = [
      [4, 4, 3, 3, 4, 2, 3, 4, 3],
      [3, 4, 3, 2, 4, 2, 3, 4, 4],
      [4, 3, 4, 3, 3, 1, 3, 4, 3],
      [3, 3, 2, 3, 4, 2, 4, 3, 3],
    ];
    for (const row of rows) await respond(s.code, { deviceToken: (await form(s.code)).deviceToken, answers: answersOf(row) });
    // NRR: U1 14/4=3.5, U2 3.5, U3 3, U4 2.75, U5 3.75, U6 1.75, U7 3.25, U8 3.75, U9 3.25.
    // Sum 28.5; IKM = 25 × 28.5 / 9 = 79.1666… → 79.17, mutu B (76.61–88.30); weakest U6.
    const r = await results(s.id);
    expect(r.ikm!.unsur.map((u) => u.nrr)).toEqual([3.5, 3.5, 3, 2.75, 3.75, 1.75, 3.25, 3.75, 3.25]);
    expect(r.ikm!.value).toBe(79.17);
    expect(r.ikm!.band.code).toBe('B');
    expect(r.ikm!.weakest).toEqual(['U6']);
    expect(r.target).toBe(278);
  });

  it('uploads a paper form’s scan (audited, another unit’s refused) and gives the unit its questionnaire to type from', async () => {
    const s = await createOpenSurvey();
    const q = await w.call('operator', { method: 'GET', url: `/api/v1/surveys/${s.id}/questionnaire` });
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json().questions.map((x: { code: string }) => x.code)).toEqual(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
    expect(q.json().questions[0].levels.map((l: { value: number }) => l.value)).toEqual([1, 2, 3, 4]);
    expect(q.json()).not.toHaveProperty('deviceToken');
    expect((await w.call('operatorOther', { method: 'GET', url: `/api/v1/surveys/${s.id}/questionnaire` })).statusCode).toBe(403);

    const file = pdf('Pindaian kuesioner SKM 1');
    const body = multipart({}, { name: 'skm-001.pdf', type: 'application/pdf', content: file });
    const upload = (who: 'operator' | 'operatorOther') =>
      w.call(who, {
        method: 'POST',
        url: `/api/v1/surveys/${s.id}/scans`,
        payload: body.payload,
        headers: { 'content-type': body.contentType },
      });
    const refused = await expectUnchanged(t.db.db, () => upload('operatorOther'));
    expect(refused.statusCode).toBe(403);
    const html = multipart({}, { name: 'x.pdf', type: 'application/pdf', content: Buffer.from('<html>bukan pdf</html>') });
    const bad = await expectUnchanged(t.db.db, () =>
      w.call('operator', {
        method: 'POST',
        url: `/api/v1/surveys/${s.id}/scans`,
        payload: html.payload,
        headers: { 'content-type': html.contentType },
      }),
    );
    expect(bad.statusCode).toBe(415);
    const ok = await upload('operator');
    expect(ok.statusCode, ok.body).toBe(201);
    const sha = ok.json().sha256 as string;
    expect(sha).toBe(createHash('sha256').update(file).digest('hex'));
    const audit = await t.db.db.select().from(auditEvents).where(eq(auditEvents.action, 'survey.scan_upload'));
    expect(audit.some((a) => a.subjectId === s.id && (a.diff as { sha256: string }).sha256 === sha)).toBe(true);
    // The typed form goes with the uploaded scan.
    const typed = await w.call('operator', {
      method: 'POST',
      url: `/api/v1/surveys/${s.id}/paper`,
      payload: { id: randomUUID(), answers: answersOf(3), profile: { layanan: 'KTP-el' }, scanSha256: sha },
    });
    expect(typed.statusCode, typed.body).toBe(200);
    expect(typed.json().accepted).toBe(true);
    const [stored] = await t.db.db.select().from(surveyResponses).where(eq(surveyResponses.scanSha256, sha));
    expect(stored).toMatchObject({ source: 'paper', surveyId: s.id, accepted: true });
  });

  it('types a paper form with its scan, moderates a suggestion and publishes the IKM', async () => {
    const s = await createOpenSurvey();
    const sha = 'a'.repeat(64);
    const paper = {
      id: randomUUID(),
      answers: answersOf(4),
      profile: { layanan: 'Kartu Keluarga' },
      suggestion: 'Antrean lebih cepat',
      scanSha256: sha,
    };
    const missing = await expectUnchanged(t.db.db, () =>
      w.call('operator', { method: 'POST', url: `/api/v1/surveys/${s.id}/paper`, payload: paper }),
    );
    expect(missing.statusCode).toBe(422);
    await t.db.db.insert(evidenceFiles).values({ sha256: sha, size: 10, mime: 'application/pdf' });
    const ok = await w.call('operator', { method: 'POST', url: `/api/v1/surveys/${s.id}/paper`, payload: paper });
    expect(ok.statusCode, ok.body).toBe(200);
    const mod = await w.call('operator', {
      method: 'PUT',
      url: `/api/v1/surveys/${s.id}/responses/${paper.id}/suggestion`,
      payload: { status: 'approved' },
    });
    expect(mod.statusCode, mod.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/ikm' })).json().items).toEqual([]);
    const pub = await w.call('operator', { method: 'POST', url: `/api/v1/surveys/${s.id}/publication` });
    expect(pub.statusCode, pub.body).toBe(200);
    const open = (await t.app.inject({ method: 'GET', url: `/api/v1/public/ikm?unitId=${w.units.a1}` })).json().items;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ ikm: 100, band: 'A', respondents: 1, suggestions: ['Antrean lebih cepat'] });
  });

  it('renders the poster and the SKM report as PDFs', async () => {
    const link = await w.call('operator', { method: 'GET', url: `/api/v1/surveys/${survey.id}/link` });
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json().url).toMatch(new RegExp(`/s/${survey.code}$`));
    expect(Buffer.from(link.json().qr.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toContain('<svg');
    expect((await w.call('operatorOther', { method: 'GET', url: `/api/v1/surveys/${survey.id}/link` })).statusCode).toBe(403);
    const poster = await w.call('operator', { method: 'GET', url: `/api/v1/surveys/${survey.id}/poster.pdf` });
    expect(poster.statusCode).toBe(200);
    expect(poster.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await respond(survey.code, { deviceToken: (await form(survey.code)).deviceToken, answers: answersOf(4) });
    const report = await w.call('operator', { method: 'GET', url: `/api/v1/surveys/${survey.id}/report.pdf` });
    expect(report.statusCode, report.body.slice(0, 300)).toBe(200);
    expect(report.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('CSV of the accepted responses', () => {
  it('gives the unit its accepted responses without device keys or fingerprints; others are refused', async () => {
    // One person's response, and a bot's (honeypot): kept, flagged, and left out of the CSV.
    await respond(survey.code, { deviceToken: (await form(survey.code)).deviceToken, answers: answersOf(4) });
    await respond(survey.code, { deviceToken: (await form(survey.code)).deviceToken, answers: answersOf(2), website: 'http://spam' });
    const url = `/api/v1/surveys/${survey.id}/responses.csv`;
    const res = await w.call('operator', { method: 'GET', url });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^no,submitted_at,source,U\d/);
    expect(lines[0]!.split(',')).toEqual(expect.arrayContaining(['U1', 'U9', 'suggestion']));
    const counted = await results(survey.id);
    expect(counted.flagged).toBeGreaterThan(0);
    expect(counted.accepted).toBeGreaterThan(0);
    expect(lines).toHaveLength(1 + counted.accepted);
    expect(lines[1]).toMatch(/^1,\d{2}-\d{2}-\d{4} \d{2}:\d{2} WIB,(public|kiosk|paper),/);
    const stored = await t.db.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, survey.id));
    for (const r of stored) {
      if (r.deviceKey) expect(res.body).not.toContain(r.deviceKey);
      expect(res.body).not.toContain(r.fingerprint);
    }
    for (const who of ['operatorOther', 'pimpinan', 'asisten', 'public'] as const)
      expect([401, 403], who).toContain((await w.call(who, { method: 'GET', url })).statusCode);
  });
});

describe('demo', () => {
  it('seeds an SKM survey with a few hundred responses, the bots and the repeat flagged', async () => {
    const op = w.users.operator;
    const actor = {
      id: op.id,
      username: op.username,
      name: op.username,
      role: 'operator' as const,
      provinceCode: '36',
      bodyId: w.bodies.a.id,
      unitId: w.units.a1,
    };
    const id = await t.db.db.transaction((tx) => seedDemoSurveys(tx, actor, w.units.a1, new Date(), 300));
    const r = await results(id);
    expect(r.accepted + r.flagged).toBe(300);
    expect(r.flaggedResponses.flatMap((x) => x.flags.map((f) => f.code))).toEqual(expect.arrayContaining(['honeypot', 'device-repeat']));
    expect(r.ikm!.value).toBeGreaterThan(65);
    expect(r.ikm!.weakest).toEqual(['U3']);
    expect(r.suggestions.some((x) => x.status === 'approved')).toBe(true);
  });
});

describe('follow-up plan (RTL) through the shared action model', () => {
  it('plans an action on a weak unsur of the unit’s survey, refuses another unit’s survey, and prints it in the report', async () => {
    const plan = (unitId: string, unsurCode: string) =>
      w.call('koordinator', {
        method: 'POST',
        url: `/api/v1/units/${unitId}/actions`,
        payload: {
          sourceKind: 'skm',
          surveyId: survey.id,
          unsurCode,
          title: 'Tambah loket antrean',
          personInCharge: 'Kepala Dinas',
          dueDate: '2030-03-31',
        },
      });
    const ok = await plan(w.units.a1, 'U3');
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await expectUnchanged(t.db.db, () => plan(w.units.a2, 'U3'))).statusCode).toBe(422);
    expect((await expectUnchanged(t.db.db, () => plan(w.units.a1, 'U99'))).statusCode).toBe(422);
    const report = await w.call('operator', { method: 'GET', url: `/api/v1/surveys/${survey.id}/report.pdf` });
    expect(report.statusCode).toBe(200);
  });
});
