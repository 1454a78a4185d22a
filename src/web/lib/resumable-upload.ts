/**
 * Resumable evidence upload from the device (issue 13 §3), on the server's tus 1.0.0 endpoint
 * (`POST /uploads`, `HEAD` / `PATCH /uploads/:id`, src/server/evidence/resumable.ts). The upload's
 * address is kept with the queued file on the device (`QueuedEvidence.uploadUrl`), so a connection
 * lost mid-file — or the app closed and opened again — continues from the offset the server
 * reports instead of byte 0. The file's sha256 goes with it; the server refuses different bytes.
 * The protocol steps are pure over a `TusTransport`; `xhrTusTransport` is the browser's. A library
 * document's file (issue 12 §3) goes the same way with `target library` in its metadata; its
 * upload answers the document made (`Upload-Document-Id`) where evidence answers its link.
 */
import { API_BASE, ApiError, CSRF_COOKIE, CSRF_HEADER, readCookie } from './api.ts';

export interface TusTransport {
  /** Starts an upload; answers its address. */
  create(length: number, metadata: Record<string, string>): Promise<string>;
  /** The offset the server has, or null when it no longer knows the upload (404). */
  head(url: string): Promise<{ offset: number; evidenceId: string | null } | null>;
  /** Sends `body` from `offset`; the evidence id once the last byte arrived. */
  patch(
    url: string,
    offset: number,
    body: Blob,
    onProgress: (sent: number) => void,
  ): Promise<{ offset: number; evidenceId: string | null }>;
}

export interface ResumableUpload {
  file: Blob;
  metadata: Record<string, string>;
  /** The address kept from an earlier attempt, if any. */
  savedUrl: string | null;
  /** Keeps (or, null, forgets) the address with the queued file. */
  saveUrl(url: string | null): Promise<void>;
  onProgress?: (loaded: number, total: number) => void;
}

/** The evidence id, and from which byte this attempt sent (0 = a fresh upload). */
export async function uploadResumable(transport: TusTransport, u: ResumableUpload): Promise<{ evidenceId: string; from: number }> {
  const total = u.file.size;
  let url = u.savedUrl;
  let offset = 0;
  if (url) {
    const known = await transport.head(url);
    if (known?.evidenceId) {
      await u.saveUrl(null);
      return { evidenceId: known.evidenceId, from: known.offset };
    }
    if (known) offset = known.offset;
    else url = null;
  }
  if (!url) {
    url = await transport.create(total, u.metadata);
    await u.saveUrl(url);
    offset = 0;
  }
  const from = offset;
  for (let round = 0; round < 3; round++) {
    u.onProgress?.(offset, total);
    const start = offset;
    const res = await transport.patch(url, offset, u.file.slice(offset), (sent) => u.onProgress?.(start + sent, total));
    if (res.evidenceId) {
      await u.saveUrl(null);
      return { evidenceId: res.evidenceId, from };
    }
    offset = res.offset;
  }
  throw new ApiError(0, 'network.offline', 'The upload did not complete');
}

const isNetworkError = (e: unknown): boolean => e instanceof ApiError && e.status === 0;

/**
 * `uploadResumable`, tried again after a lost connection (`attempts` in all, `wait(n)` between):
 * each new attempt asks the server how much it has (HEAD on the kept address) and sends only the
 * rest. A refusal (4xx) is not retried.
 */
export async function uploadWithRetries(
  transport: TusTransport,
  u: Omit<ResumableUpload, 'savedUrl'> & { savedUrl: () => string | null },
  { attempts = 4, wait = (n: number) => new Promise<void>((r) => setTimeout(r, 1000 * 2 ** n)) } = {},
): Promise<{ evidenceId: string; from: number }> {
  for (let n = 0; ; n++) {
    try {
      return await uploadResumable(transport, { ...u, savedUrl: u.savedUrl() });
    } catch (e) {
      if (!isNetworkError(e) || n + 1 >= attempts) throw e;
      await wait(n);
    }
  }
}

/** The page's language, for the server's refusals ("id" unless the page is in English). */
export function uiLanguage(): string {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'id';
}

/** sha256 of a file, hex (Web Crypto). */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(await file.arrayBuffer()));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `Upload-Metadata`: `key base64(utf-8 value)` pairs. */
export function encodeMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([k, v]) => `${k} ${btoa(String.fromCharCode(...new TextEncoder().encode(v)))}`)
    .join(',');
}

function errorOf(xhr: XMLHttpRequest): ApiError {
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } | null = null;
  try {
    body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
  } catch {
    body = null;
  }
  const e = body?.error;
  return new ApiError(
    xhr.status,
    typeof e?.code === 'string' ? e.code : xhr.status === 413 ? 'request.too_large' : 'internal',
    typeof e?.message === 'string' ? e.message : xhr.statusText,
    e?.details && typeof e.details === 'object' ? (e.details as Record<string, unknown>) : {},
  );
}

function xhr(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: Blob | null,
  lang: string,
  onProgress?: (sent: number) => void,
): Promise<XMLHttpRequest> {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open(method, url);
    x.setRequestHeader('Tus-Resumable', '1.0.0');
    x.setRequestHeader('Accept', 'application/json');
    x.setRequestHeader('Accept-Language', lang);
    const token = readCookie(CSRF_COOKIE);
    if (token) x.setRequestHeader(CSRF_HEADER, token);
    for (const [k, v] of Object.entries(headers)) x.setRequestHeader(k, v);
    if (onProgress) x.upload.onprogress = (e) => onProgress(e.loaded);
    x.onerror = () => reject(new ApiError(0, 'network.offline', 'Network error'));
    x.onload = () => resolve(x);
    x.send(body);
  });
}

/**
 * The browser's transport (XMLHttpRequest: the one API that reports upload progress). `madeHeader`
 * names what a completed upload made: evidence (`Upload-Evidence-Id`) or a library document
 * (`Upload-Document-Id`); the transport answers it as `evidenceId`.
 */
export function xhrTusTransport(
  lang: string,
  madeHeader: 'Upload-Evidence-Id' | 'Upload-Document-Id' = 'Upload-Evidence-Id',
): TusTransport {
  return {
    async create(length, metadata) {
      const x = await xhr(
        'POST',
        `${API_BASE}/uploads`,
        { 'Upload-Length': String(length), 'Upload-Metadata': encodeMetadata(metadata) },
        null,
        lang,
      );
      if (x.status !== 201) throw errorOf(x);
      return x.getResponseHeader('Location') ?? '';
    },
    async head(url) {
      const x = await xhr('HEAD', url, {}, null, lang);
      if (x.status === 404) return null;
      if (x.status !== 200) throw errorOf(x);
      return { offset: Number(x.getResponseHeader('Upload-Offset') ?? 0), evidenceId: x.getResponseHeader(madeHeader) };
    },
    async patch(url, offset, body, onProgress) {
      const x = await xhr(
        'PATCH',
        url,
        { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
        body,
        lang,
        onProgress,
      );
      if (x.status !== 204) throw errorOf(x);
      return { offset: Number(x.getResponseHeader('Upload-Offset') ?? offset), evidenceId: x.getResponseHeader(madeHeader) };
    },
  };
}
