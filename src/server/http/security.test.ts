// Issue 15 D8: security headers on every reply, HSTS only behind https, and the cookie rule
// (Secure unless plain http on localhost). The browser side (no CSP violation in Chromium, the
// service worker and the API docs still working) is checked by e2e/security-headers.test.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { addUser } from '../auth/testing.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
const PW = 'Kata-sandi-uji-yang-panjang-1';
let web: string;
beforeAll(async () => {
  t = await createTestApp();
  await addUser(t.db.db, { username: 'admin', name: 'Admin', password: PW, role: 'admin' });
  web = mkdtempSync(join(tmpdir(), 'pantau-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Pantau</title><script src="/boot.js"></script>');
});
afterAll(async () => {
  await t.close();
  rmSync(web, { recursive: true, force: true });
});

const csp = (h: Record<string, unknown>) =>
  Object.fromEntries(
    String(h['content-security-policy'])
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );

describe('security headers', () => {
  it.each([
    ['an API reply', 'GET', '/api/v1/health'],
    ['an error reply (401)', 'GET', '/api/v1/users'],
    ['a validation error (400)', 'GET', '/api/v1/bodies?pageSize=0'],
    ['an unknown API route (404)', 'GET', '/api/v1/nothing'],
    ['the API docs', 'GET', '/api/docs/'],
  ])('are on %s', async (_name, method, url) => {
    const res = await t.app.inject({ method: method as 'GET', url });
    const policy = csp(res.headers);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy).not.toHaveProperty('upgrade-insecure-requests');
    expect(res.headers).toMatchObject({
      'referrer-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(String(res.headers['permissions-policy'])).toMatch(/geolocation=\(self\).*microphone=\(\)/);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('are on the web app and its SPA fallback', async () => {
    const app = await buildApp({ db: t.db.db, dataDir: t.dataDir, webDir: web });
    try {
      for (const url of ['/', '/review/anything']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(200);
        expect(csp(res.headers)['frame-ancestors']).toEqual(["'none'"]);
      }
    } finally {
      await app.close();
    }
  });

  it('index.html has no inline script (the CSP forbids them)', () => {
    const html = readFileSync(join(process.cwd(), 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
  });

  it('add HSTS only to a reply over https (here through a trusted proxy)', async () => {
    const app = await buildApp({ db: t.db.db, dataDir: t.dataDir, trustProxy: '127.0.0.1' });
    try {
      const https = await app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const http = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(http.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});

describe('cookies', () => {
  const login = (app: typeof t.app, host: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host }, payload: { username: 'admin', password: PW } });

  it('are Secure unless served over plain http on localhost', async () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'pantau.localhost']) {
      const res = await login(t.app, host);
      expect(res.statusCode, host).toBe(200);
      for (const c of res.cookies) expect(c.secure ?? false, host).toBe(false);
    }
    for (const host of ['192.168.1.10:3000', 'pantau.example.go.id']) {
      const res = await login(t.app, host);
      expect(res.statusCode, host).toBe(200);
      expect(
        res.cookies.map((c) => c.secure),
        host,
      ).toEqual([true, true]);
    }
  });

  it('leave Secure off on a plain-http LAN only when configured so (PANTAU_INSECURE_COOKIES=1)', async () => {
    const app = await buildApp({ db: t.db.db, dataDir: t.dataDir, insecureLanCookies: true });
    try {
      const res = await login(app, '192.168.1.10:3000');
      for (const c of res.cookies) expect(c.secure ?? false).toBe(false);
    } finally {
      await app.close();
    }
  });
});
