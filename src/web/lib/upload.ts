/**
 * Multipart upload with progress (the Excel imports). `fetch` cannot report upload progress, so
 * this one request uses XMLHttpRequest, with the same contract as lib/api.ts: Accept-Language,
 * the CSRF header, and a non-2xx `{"error":{code,message,details}}` reply turned into an ApiError.
 */
import { API_BASE, ApiError, CSRF_COOKIE, CSRF_HEADER, readCookie } from './api.ts';

export interface UploadOptions {
  /** Fraction sent so far, 0–1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  lang: string;
}

export function uploadForm<T>(path: string, form: FormData, { onProgress, signal, lang }: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', lang);
    const token = readCookie(CSRF_COOKIE);
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          typeof error?.code === 'string' ? error.code : xhr.status === 403 ? 'auth.forbidden' : 'internal',
          typeof error?.message === 'string' ? error.message : xhr.statusText,
          typeof error?.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {},
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'network.offline', 'Network error'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
