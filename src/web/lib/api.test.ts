import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, getAllPages, request, setApiLanguage } from './api.ts';
import { PAGE_SIZE_MAX } from '../../shared/wire/limits.ts';
import { errorMessage } from './error-message.ts';
import { i18n } from './i18n.ts';

interface Call {
  url: string;
  init: RequestInit;
}

let calls: Call[] = [];

function respondWith(status: number, body?: unknown, contentType = 'application/json') {
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': contentType } });
  });
  vi.stubGlobal('fetch', fetchMock);
}

function headersOf(call: Call | undefined): Record<string, string> {
  return (call?.init.headers ?? {}) as Record<string, string>;
}

function clearCookies() {
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

beforeEach(() => {
  calls = [];
  clearCookies();
  setApiLanguage('id');
});

afterEach(() => {
  vi.unstubAllGlobals();
  clearCookies();
});

describe('api client: errors', () => {
  it('turns the error body into an ApiError with status, code, message and details', async () => {
    respondWith(409, { error: { code: 'conflict', message: 'Data sudah ada', details: { field: 'code' } } });
    const error = await api.post('/units', { code: 'X' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'conflict', message: 'Data sudah ada', details: { field: 'code' } });
  });

  it.each([
    [401, 'auth.required'],
    [403, 'auth.forbidden'],
    [404, 'not_found'],
    [429, 'auth.rate_limited'],
    [502, 'internal'],
  ])('derives a code from status %i when the reply has no error body', async (status, code) => {
    respondWith(status, '<html>Bad gateway</html>', 'text/html');
    const error = (await api.get('/health').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code]).toEqual([status, code]);
  });

  it('reports an unreachable server as network.offline with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = (await api.get('/auth/me').catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code]).toEqual([0, 'network.offline']);
  });

  it('returns parsed JSON on success and undefined on 204', async () => {
    respondWith(200, { user: { id: 'u1' } });
    await expect(api.get('/auth/me')).resolves.toEqual({ user: { id: 'u1' } });
    respondWith(204);
    await expect(api.post('/auth/logout')).resolves.toBeUndefined();
  });
});

describe('api client: headers', () => {
  it('sends the x-csrf-token header from the pantau_csrf cookie on every non-GET request', async () => {
    document.cookie = 'other=1; path=/';
    document.cookie = 'pantau_csrf=tok%3Den123; path=/';
    respondWith(200, {});
    await api.post('/auth/login', { username: 'a', password: 'b' });
    await api.put('/x', {});
    await api.patch('/x', {});
    await api.delete('/x');
    for (const call of calls) expect(headersOf(call)['x-csrf-token']).toBe('tok=en123');
  });

  it('does not send the CSRF header on GET', async () => {
    document.cookie = 'pantau_csrf=abc; path=/';
    respondWith(200, {});
    await api.get('/auth/me');
    expect(headersOf(calls[0])['x-csrf-token']).toBeUndefined();
  });

  it('sends Accept-Language in the UI language, JSON bodies, and the /api/v1 prefix with a query', async () => {
    respondWith(200, {});
    setApiLanguage('en');
    await request('/units', { method: 'POST', body: { a: 1 }, query: { page: 2, q: '', type: 'kota' } });
    const call = calls[0]!;
    expect(call.url).toBe('/api/v1/units?page=2&type=kota');
    expect(headersOf(call)['Accept-Language']).toBe('en');
    expect(headersOf(call)['Content-Type']).toBe('application/json');
    expect(call.init.body).toBe('{"a":1}');
    expect(call.init.credentials).toBe('same-origin');
  });
});

describe('api client: getAllPages', () => {
  it('reads pages until the total, and stops on a short page or a reply without a total instead of looping', async () => {
    const full = Array.from({ length: PAGE_SIZE_MAX }, (_, i) => i);
    let page = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        page++;
        const body = page === 1 ? { items: full, total: PAGE_SIZE_MAX + 2 } : { items: [1, 2], total: PAGE_SIZE_MAX + 2 };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    expect(await getAllPages<number>('/x')).toHaveLength(PAGE_SIZE_MAX + 2);
    expect(page).toBe(2);
    // A reply without a total (a stub, an older server) is one page, not an endless loop.
    respondWith(200, { items: [1, 2, 3] });
    expect(await getAllPages<number>('/y')).toEqual([1, 2, 3]);
    expect(calls).toHaveLength(1);
  });
});

describe('errorMessage', () => {
  const t = i18n.getFixedT('id', 'ui');
  const tEn = i18n.getFixedT('en', 'ui');

  it('translates every error code of the contract in both languages', () => {
    const codes = [
      'auth.required',
      'auth.invalid_credentials',
      'auth.rate_limited',
      'auth.csrf',
      'auth.forbidden',
      'not_found',
      'request.invalid',
      'conflict',
      'internal',
      'network.offline',
    ];
    for (const code of codes) {
      const error = new ApiError(400, code, 'SERVER MESSAGE');
      const id = errorMessage(t, error);
      const en = errorMessage(tEn, error);
      expect(id, code).not.toBe('SERVER MESSAGE');
      expect(en, code).not.toBe('SERVER MESSAGE');
      expect(id, code).not.toBe(en);
    }
    expect(errorMessage(t, new ApiError(401, 'auth.invalid_credentials', 'x'))).toBe('Nama pengguna atau kata sandi salah.');
  });

  it("falls back to the server's message for a code the UI does not know", () => {
    expect(errorMessage(t, new ApiError(422, 'cycle.locked', 'Siklus sudah final'))).toBe('Siklus sudah final');
  });

  it('ignores details that would change i18next options', () => {
    const error = new ApiError(422, 'cycle.locked', 'Siklus sudah final', { lng: 'en', defaultValue: 'hacked' });
    expect(errorMessage(t, error)).toBe('Siklus sudah final');
  });
});
