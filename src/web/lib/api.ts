/**
 * The web app's only door to the server: every `fetch` goes through `request()`. JSON under
 * /api/v1; a non-2xx reply `{"error":{"code","message","details"}}` becomes an `ApiError`; a
 * network failure becomes `ApiError(0, 'network.offline')`. Sends `Accept-Language` (the
 * server answers messages in it) and, on every non-GET request, the `x-csrf-token` header
 * copied from the readable `pantau_csrf` cookie (double-submit CSRF check).
 * No UI here: screens translate `errors.<code>` themselves.
 */
import { PAGE_SIZE_MAX } from '../../shared/wire/limits.ts';
import type { Lang } from './format.ts';

export const API_BASE = '/api/v1';
export const CSRF_COOKIE = 'pantau_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Error codes of the contract the UI translates (`errors.<code>` in the ui namespace). */
export type ApiErrorCode =
  | 'auth.required'
  | 'auth.invalid_credentials'
  | 'auth.rate_limited'
  | 'auth.csrf'
  | 'auth.forbidden'
  | 'not_found'
  | 'request.invalid'
  | 'conflict'
  | 'internal'
  | 'network.offline'
  | (string & {});

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let language: Lang = 'id';
/** Called by i18n whenever the UI language changes. */
export function setApiLanguage(lang: Lang): void {
  language = lang;
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** When the reply carries no error body (proxy page, empty 502), derive a code from the status. */
function codeForStatus(status: number): ApiErrorCode {
  if (status === 400 || status === 422) return 'request.invalid';
  if (status === 401) return 'auth.required';
  if (status === 403) return 'auth.forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'auth.rate_limited';
  return 'internal';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: keep the status-derived code below.
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      response.status,
      error.code,
      typeof error.message === 'string' ? error.message : response.statusText,
      isRecord(error.details) ? error.details : {},
    );
  }
  return new ApiError(response.status, codeForStatus(response.status), response.statusText || `HTTP ${response.status}`);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; FormData is sent as multipart as is. */
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
}

/** Calls `API_BASE + path` and returns the parsed JSON (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  let url = `${API_BASE}${path}`;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }

  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network.offline', error instanceof Error ? error.message : 'Network error');
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

// ── Server answers kept on the device ────────────────────────────────────────────────────────
// Some reads are kept for offline use (assignments, a cycle's frozen scheme, a unit's records and
// evidence): the data layer wraps them in `withOfflineCache`. Where they are kept is registered
// by the device store (`lib/offline-db.ts`) when it loads, which only the assessor's screens do;
// public pages never load it, so they neither download IndexedDB code nor write to it. This
// sits here, in the shell's one door to the server, so no page pays an extra chunk for it.

export interface OfflineCacheStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}

let store: OfflineCacheStore | null = null;

/** Called once by the device store; null turns the cache off again (tests). */
export function setOfflineCacheStore(next: OfflineCacheStore | null): void {
  store = next;
}

/** Offline, and this answer was never kept on the device (issue 13: "not downloaded"). */
export const NOT_DOWNLOADED = 'offline.not_downloaded';

/**
 * Runs `load`; keeps its answer on the device under `key`; when the server cannot be reached,
 * answers the kept copy instead, or fails with `ApiError(0, NOT_DOWNLOADED)` when there is none
 * (the screen says the unit was not downloaded; the query client does not retry it).
 */
export async function withOfflineCache<T>(
  key: string,
  load: () => Promise<T>,
  /** `fresh`: the server's answer or the error, never the kept copy (downloading for offline use). */
  options: { fresh?: boolean } = {},
): Promise<T> {
  const kept = store;
  try {
    const value = await load();
    if (kept) await kept.put(key, value).catch(() => undefined);
    return value;
  } catch (error) {
    if (kept && !options.fresh && isApiError(error) && error.status === 0) {
      const value = await kept.get(key).catch(() => undefined);
      if (value !== undefined) return value as T;
      throw new ApiError(0, NOT_DOWNLOADED, error.message, { key });
    }
    throw error;
  }
}

/** Every item of a paginated list (`{ items, total }`), `PAGE_SIZE_MAX` at a time; `onPage` sees each reply. */
export async function getAllPages<T, R extends { items: T[]; total: number } = { items: T[]; total: number }>(
  path: string,
  query: RequestOptions['query'] = {},
  onPage?: (reply: R) => void,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const reply = await request<R>(path, { query: { ...query, page, pageSize: PAGE_SIZE_MAX } });
    onPage?.(reply);
    items.push(...reply.items);
    // The last page: the total reached, a short page, or a reply without a total (never loop on it).
    if (!Number.isFinite(reply.total) || items.length >= reply.total || reply.items.length < PAGE_SIZE_MAX) return items;
  }
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => request<T>(path, { ...options, method: 'DELETE' }),
};
