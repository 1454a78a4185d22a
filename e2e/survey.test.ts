/**
 * Public survey end to end (issue 11 §2, §9), at 360 px: the demo's unit operator (Disdukcapil
 * Kota Tangerang) opens the demo SKM survey and reads its accepted count and IKM; an anonymous
 * respondent (a fresh browser context, no login) opens the survey's public link, answers the
 * nine unsur and the profile on a flaky connection (the first send fails: the response is queued
 * and retried), and sees "Terkirim"; axe on the respondent page; the operator reloads and sees
 * one more accepted response and the IKM the engine (`src/core/ikm.ts`) computes from the stored
 * accepted responses, read back through the operator's CSV of them.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getScheme } from '../methodologies/index.ts';
import { ikm } from '../src/core/index.ts';
import type { Scheme } from '../src/core/types.ts';
import { browserAvailable, newContext, seriousA11yViolations, shot, startE2E, uiLogin, type E2E } from './harness.ts';

const PHONE = { width: 360, height: 780 };
const id2 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const int = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const poll = <T>(fn: () => Promise<T> | T, timeout = 15_000) => expect.poll(fn, { timeout });

/** The respondent's answers, per unsur: low, so the unit's IKM visibly moves. */
const ANSWERS: Record<string, number> = { U1: 2, U2: 1, U3: 1, U4: 2, U5: 1, U6: 2, U7: 3, U8: 1, U9: 1 };

interface Survey {
  id: string;
  code: string;
  kind: string;
  schemeId: string;
  unitName: string;
  accepted: number;
  flagged: number;
}

/** The accepted responses as the server stores them, one row of unsur answers each (CSV columns named by code). */
async function storedAnswers(page: Page, surveyId: string, codes: string[]): Promise<number[][]> {
  const res = await page.context().request.get(new URL(`/api/v1/surveys/${surveyId}/responses.csv`, page.url()).href);
  expect(res.status()).toBe(200);
  const [header, ...rows] = (await res.text())
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '');
  // Answer columns come before the profile and the (quoted) suggestion: a plain split is exact for them.
  const cols = header!.split(',');
  const at = codes.map((c) => cols.indexOf(c));
  expect(at.every((k) => k >= 0)).toBe(true);
  return rows.map((r) => {
    const cells = r.split(',');
    return at.map((k) => Number(cells[k]));
  });
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0) console.log(JSON.stringify(violations, null, 1));
  expect(violations).toEqual([]);
}

describe.skipIf(!browserAvailable())('public survey: anonymous respondent on a phone → operator sees the IKM move', () => {
  let e2e: E2E;
  let operatorContext: BrowserContext;
  let respondentContext: BrowserContext;
  let operator: Page;
  let respondent: Page;
  let survey: Survey;
  let scheme: Scheme;
  let codes: string[];
  let link = '';
  let before = { accepted: 0, flagged: 0, ikm: 0 };

  const readScreen = async () => ({
    accepted: (await operator.getByTestId('count-accepted').textContent()) ?? '',
    flagged: (await operator.getByTestId('count-flagged').textContent()) ?? '',
    ikm: (await operator.getByTestId('ikm-value').textContent()) ?? '',
  });

  beforeAll(async () => {
    e2e = await startE2E();
    operatorContext = await newContext(e2e, { ...PHONE, serviceWorkers: 'block' });
    operator = await operatorContext.newPage();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    const tag = ctx.task.name.slice(0, 24).replace(/\W+/g, '-');
    if (operator) await shot(operator, `survey-failed-${tag}-operator`).catch(() => undefined);
    if (respondent) await shot(respondent, `survey-failed-${tag}-respondent`).catch(() => undefined);
  });

  afterAll(async () => {
    await respondentContext?.close().catch(() => undefined);
    await operatorContext?.close().catch(() => undefined);
    await e2e?.close();
  });

  it('operator (360 px): opens the demo SKM survey and reads its count and IKM, as the engine computes them', async () => {
    await uiLogin(e2e, operator, 'operator');

    await operator.goto(`${e2e.url}/survei`);
    // The demo unit also runs PEKPPP F-03 questionnaires (issue 10's Tangerang cycle): the SKM survey's row.
    const skmRow = operator.getByRole('row').filter({ hasText: 'SKM' }).filter({ hasNotText: 'F-03' });
    const open = skmRow.getByRole('link', { name: /^Buka survei / });
    await open.first().waitFor();
    await open.first().click();
    await operator.waitForURL((u) => /^\/survei\/[0-9a-f-]{36}$/.test(u.pathname));
    const surveyId = new URL(operator.url()).pathname.split('/').pop()!;
    const res = await operator.context().request.get(`${e2e.url}/api/v1/surveys/${surveyId}`);
    expect(res.status()).toBe(200);
    survey = (await res.json()) as Survey;
    expect(survey.kind).toBe('skm');
    scheme = getScheme(survey.schemeId)!;
    codes = scheme.dimensions.flatMap((d) => d.variables.flatMap((v) => v.indicators.map((i) => i.code)));
    expect(codes).toEqual(Object.keys(ANSWERS));

    await operator.getByTestId('ikm-value').waitFor();
    const rows = await storedAnswers(operator, surveyId, codes);
    expect(rows).toHaveLength(survey.accepted);
    const expected = ikm(scheme, rows);
    before = { accepted: rows.length, flagged: survey.flagged, ikm: expected.ikm };
    expect(await readScreen()).toEqual({
      accepted: int.format(rows.length),
      flagged: int.format(survey.flagged),
      ikm: `IKM ${id2.format(expected.ikm)}`,
    });
    // The public link as the page shows it (the anchor beside the QR code).
    link = (await operator.getByRole('link', { name: /\/s\/[a-z0-9]+$/ }).getAttribute('href')) ?? '';
    expect(link).toMatch(new RegExp(`/s/${survey.code}$`));
    await shot(operator, 'survey-operator-before-360');
  });

  it('respondent (360 px, no login): answers from the link on a flaky connection and sees "Terkirim"', async () => {
    respondentContext = await newContext(e2e, {
      ...PHONE,
      serviceWorkers: 'block',
      isMobile: true,
      hasTouch: true,
    });
    // A respondent who took their time: the phone's clock puts the form's opening a few minutes
    // before the server's "now", so the engine's too-fast check (the library file's
    // minSecondsToAnswer) sees a human pace although the robot answers in a second.
    await respondentContext.clock.install({ time: Date.now() - 5 * 60_000 });
    respondent = await respondentContext.newPage();

    await respondent.goto(link);
    await respondent.getByRole('heading', { level: 1 }).waitFor();
    expect(await respondent.textContent('header')).toContain(survey.unitName);
    await expectAccessible(respondent);
    await shot(respondent, 'survey-respondent-form-360');

    // Large touch targets: every answer option is at least 48 px tall, and nothing scrolls sideways.
    const heights = await respondent.locator('label.option').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThanOrEqual(codes.length * 4);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(48);
    expect(await respondent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Sending with nothing answered: the page says what is missing and sends nothing.
    await respondent.getByRole('button', { name: 'Kirim jawaban' }).click();
    await poll(() => respondent.getByRole('status').textContent()).toContain('Mohon jawab semua pertanyaan');

    for (const code of codes) {
      await respondent.locator(`[data-question="${code}"] label.option:has(input[value="${ANSWERS[code]}"])`).tap();
    }
    await respondent.getByLabel(/^Usia/).fill('34');
    await respondent.locator('[data-field="jenis-kelamin"] label.option:has(input[value="P"])').tap();
    await respondent.getByLabel(/^Pendidikan/).selectOption('s1');
    await respondent.getByLabel(/^Pekerjaan/).selectOption('wirausaha');
    await respondent.getByLabel(/^Jenis layanan/).selectOption('Kartu Keluarga');

    // The connection drops on the first send: the response stays queued on the phone and is retried.
    let attempts = 0;
    await respondent.route('**/api/v1/public/surveys/*/responses', async (route) => {
      attempts += 1;
      if (attempts === 1) await route.abort('internetdisconnected');
      else await route.continue();
    });
    await respondent.getByRole('button', { name: 'Kirim jawaban' }).click();
    await poll(() => respondent.locator('main').textContent()).toContain('Jawaban disimpan di perangkat ini');
    await poll(() => respondent.getByRole('status').textContent()).toContain('Terkirim');
    expect(attempts).toBe(2);
    expect(await respondent.evaluate(() => localStorage.getItem('pantau.survey.outbox'))).toBe('[]');
    // Anonymous throughout: no session was ever opened on the respondent's phone.
    expect((await respondentContext.cookies()).map((c) => c.name)).not.toContain('pantau_session');
    await expectAccessible(respondent);
    await shot(respondent, 'survey-respondent-sent-360');
  });

  it('operator: reloads and sees the count one higher and the IKM the engine computes from the stored responses', async () => {
    await operator.reload();
    await operator.getByTestId('ikm-value').waitFor();
    const rows = await storedAnswers(operator, survey.id, codes);
    expect(rows).toHaveLength(before.accepted + 1);
    // The newest stored response is the respondent's, as answered.
    expect(rows.at(-1)).toEqual(codes.map((c) => ANSWERS[c]));
    const after = ikm(scheme, rows);
    expect(after.ikm).not.toBe(before.ikm);
    expect(await readScreen()).toEqual({
      accepted: int.format(before.accepted + 1),
      flagged: int.format(before.flagged),
      ikm: `IKM ${id2.format(after.ikm)}`,
    });
    await shot(operator, 'survey-operator-after-360');
  });
});
