// Operations: request ids in and out, Prometheus metrics (latency per route pattern, jobs,
// published reads), liveness and readiness (503 while draining).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations', () => {
  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const given = await t.app.inject({ method: 'GET', url: '/api/v1/health/live', headers: { 'x-request-id': 'lb-1234.abc' } });
    expect(given.headers['x-request-id']).toBe('lb-1234.abc');
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/health/live', headers: { 'x-request-id': 'a b<script>' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes Prometheus metrics labelled by route pattern', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/pantau_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/health",status="200"\} \d+/);
    expect(res.body).toMatch(/pantau_jobs\{status="queued"\} 0/);
    expect(res.body).toContain('pantau_published_reads_total');
    expect(res.body).toContain('pantau_process_cpu_seconds_total');
  });

  it('is live and ready, and not ready once draining', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health/live' })).json()).toEqual({ status: 'live' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health/ready' })).statusCode).toBe(200);
    t.app.draining = true;
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'draining' });
    t.app.draining = false;
  });
});
