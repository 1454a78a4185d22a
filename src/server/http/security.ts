// Response headers of every reply (issue 15 D8, OWASP ASVS 4.0 L2 V14.4) and the cookie rule.
//  - Content-Security-Policy: only our own scripts (index.html has no inline script; the service
//    worker registers from /registerSW.js), styles inline allowed (Mantine sets style attributes
//    and CSS variables), images/fonts also from data:/blob:, no plugins, no framing
//    (frame-ancestors 'none'), forms and <base> to our origin. No upgrade-insecure-requests: Pantau
//    also runs over plain http on a LAN, where upgrading would break every request.
//  - Referrer-Policy same-origin, Permissions-Policy (geolocation and camera for the field app,
//    nothing else), X-Content-Type-Options, X-Frame-Options, Cross-Origin-Opener/Resource-Policy.
//  - Strict-Transport-Security only on a reply to an https request (directly or through a trusted
//    proxy): sent over plain http it would be ignored at best and lock a LAN server out at worst.
//  - The headers are the same for every reply, so helmet runs ONCE at start-up and its headers are
//    kept: @fastify/helmet built all of helmet's middlewares again on every request (11 % of the
//    server's busy time serving a cached government page, `node --cpu-prof` under autocannon).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

export const PERMISSIONS_POLICY =
  'geolocation=(self), camera=(self), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), interest-cohort=()';

/** One year, with subdomains: the usual HSTS for a server that is https only. */
export const HSTS = 'max-age=31536000; includeSubDomains';

const HELMET: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameSrc: ["'self'", 'blob:'],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'same-origin' },
  xFrameOptions: { action: 'deny' },
  crossOriginEmbedderPolicy: false,
};

/** The headers helmet sets with HELMET, captured once by running its middleware on a recorder. */
export function helmetHeaders(options: HelmetOptions = HELMET): [string, string][] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  } as unknown as ServerResponse;
  let failed: unknown;
  helmet(options)({} as IncomingMessage, recorder, (err?: unknown) => {
    failed = err;
  });
  if (failed) throw failed;
  headers.set('permissions-policy', PERMISSIONS_POLICY);
  return [...headers];
}

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = helmetHeaders();
  // On the raw response: a reply sent straight to the socket (published reads) carries them too.
  app.addHook('onRequest', async (req, reply) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** The request came over plain http to this machine itself (http://localhost, 127.0.0.1, [::1]). */
export function isLocalPlainHttp(req: FastifyRequest): boolean {
  if (req.protocol !== 'http') return false;
  const host = (req.hostname ?? '').toLowerCase().replace(/:\d+$/, '');
  return LOOPBACK.has(host) || host.endsWith('.localhost');
}

/**
 * Cookies are Secure unless served over plain http on localhost (browsers keep Secure cookies
 * away from plain http, except there). `secureCookies` forces Secure; `insecureLanCookies` (a LAN
 * without https, PANTAU_INSECURE_COOKIES=1) lets plain http anywhere have them without.
 */
export function cookiesSecure(config: { secureCookies?: boolean; insecureLanCookies?: boolean }, req: FastifyRequest): boolean {
  if (config.secureCookies) return true;
  if (req.protocol === 'https') return true;
  if (config.insecureLanCookies) return false;
  return !isLocalPlainHttp(req);
}
