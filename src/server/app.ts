// Builds the Fastify application: plugins, authentication hook, error mapping, API routes under
// /api/v1, OpenAPI at /api/docs (served offline) and the web app from dist/ with an SPA fallback.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from './db/client.ts';
import { loadSecrets, type Secrets } from './config/secrets.ts';
import { AppError, type ErrorCode, catalogue, detailText, localiseDetails, messageFor, pickLang } from './errors.ts';
import { CSRF_HEADER, SESSION_COOKIE, resolveSession } from './auth/sessions.ts';
import type { Access, RouteInfo } from './http/route.ts';
import { canSome } from './auth/policy.ts';
import { registerRoutes } from './routes.ts';
import { ALLOWED_DURING_PASSWORD_CHANGE } from './auth/routes.ts';
import { registerJobHooks } from './jobs/runner.ts';
import { registerPublishedReads } from './published/plugin.ts';
import { type Stores, storesFromEnv } from './storage/index.ts';
import { type OpsOptions, registerOps, requestId } from './ops/metrics.ts';
import type { WorkerOptions } from './jobs/runner.ts';
import { dataExceptionReason, registerInputGuards } from './http/input.ts';
import { registerSecurityHeaders } from './http/security.ts';
import { setAuditKey } from './audit/queries.ts';
import { checkpointStoreFor, registerAuditCheckpoints } from './audit/checkpoints.ts';

export interface AppConfig {
  db: Db;
  /** Where evidence files and other data live (default ./data). */
  dataDir: string;
  /** Built web app; served at / when present. */
  webDir?: string;
  /** Always mark cookies Secure (default: Secure unless plain http on localhost; http/security.ts). */
  secureCookies?: boolean;
  /** A LAN served over plain http: cookies without Secure there (PANTAU_INSECURE_COOKIES=1). */
  insecureLanCookies?: boolean;
  logger?: FastifyServerOptions['logger'];
  /**
   * Trust X-Forwarded-* from these proxies (an address/CIDR list, or true for any). Off by
   * default: trusting any sender would let a client fake its address past the login rate limit.
   */
  trustProxy?: boolean | string;
  /** Evidence upload limit in bytes (default 20 MiB). */
  maxUploadBytes?: number;
  /**
   * issue 13 §3: unfinished resumable uploads untouched for this many hours are deleted at start-up
   * and every hour (default 72; PANTAU_UPLOAD_MAX_AGE_HOURS).
   */
  abandonedUploadHours?: number;
  /** Secret keys (config/secrets.ts); default: loaded from the environment or the data directory. */
  secrets?: Secrets;
  /** Evidence and job-file stores (storage/index.ts); default: from PANTAU_STORE and S3_* or the data directory. */
  stores?: Stores;
  /** /metrics: the database pool's figures and an optional bearer token (ops/metrics.ts). */
  ops?: OpsOptions;
  /** This instance's job worker (jobs/runner.ts). */
  jobs?: WorkerOptions;
  /** Published reads (published/cache.ts): stamp check interval, memory bound, Cache-Control max-age. */
  published?: { checkMs?: number; maxBytes?: number; maxAge?: number };
}

const zodLocales = { id: z.locales.id(), en: z.locales.en() };

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    secrets: Secrets;
    stores: Stores;
  }
  interface FastifyRequest {
    /** A session cookie was sent but is unknown or expired. */
    sessionExpired: boolean;
  }
}

export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logger ?? false,
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: config.trustProxy ?? false,
    // x-request-id from the proxy (or a new UUID): in every log line (reqId) and every answer.
    requestIdHeader: false,
    genReqId: requestId,
    // A URL that cannot be decoded ("/users/%") or a parameter too long to route: our error shape.
    frameworkErrors: (err, req, reply) => {
      const lang = pickLang(undefined, req.headers['accept-language']);
      const details = { summary: detailText('request.invalid_url', lang) };
      void (reply as unknown as FastifyReply)
        .status(400)
        .send({ error: { code: 'request.invalid', message: messageFor('request.invalid', lang, details), details } });
      void err;
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', config.db);
  app.decorate('config', config);
  app.decorate('secrets', config.secrets ?? loadSecrets(config.dataDir).keys);
  // The audit chain's HMAC key, and its signed checkpoints in the data directory.
  setAuditKey(app.secrets.audit);
  registerAuditCheckpoints(app, checkpointStoreFor(config.dataDir), app.secrets.audit);
  app.decorate('routeTable', [] as RouteInfo[]);
  const stores = config.stores ?? storesFromEnv(config.dataDir);
  app.decorate('stores', stores);
  if (!config.stores) app.addHook('onClose', async () => stores.close());
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'id');
  app.decorateRequest('sessionExpired', false);

  // Security headers first: their hook runs before any other, so error replies carry them too.
  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes ?? 20 * 1024 * 1024, files: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Pantau API', version: '1', description: 'Penilaian pelayanan publik — Ombudsman RI, PEKPPP, SKM.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Language and session for every request. Runs before validation so errors are localised too.
  app.addHook('onRequest', async (req) => {
    req.lang = pickLang(req.query, req.headers['accept-language']);
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(app.db, token);
      if (!session) {
        req.sessionExpired = true;
      } else {
        const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
        if (unsafe && req.url.startsWith('/api/') && req.headers[CSRF_HEADER] !== session.csrfToken) {
          throw new AppError('auth.csrf');
        }
        req.actor = session.actor;
        // After an admin's reset the account sets its own password before anything else.
        if (session.mustChangePassword && req.url.startsWith('/api/') && req.routeOptions.url) {
          if (!ALLOWED_DURING_PASSWORD_CHANGE.has(`${req.method} ${req.routeOptions.url}`))
            throw new AppError('auth.password_change_required');
        }
      }
    }
    // The route's role-level access, checked before the body is parsed and validated: a caller
    // without the right gets 401/403, never a 400 that would reveal the route's input rules.
    // (defineRoute checks the same again; the handler then checks the concrete target.)
    const route = req.routeOptions.url ? routeAccess().get(`${req.method} ${req.routeOptions.url}`) : undefined;
    if (route && route !== 'public') {
      // An action may grant the anonymous public a scope (published results): canSome(null, …).
      const allowed = route === 'authenticated' ? !!req.actor : canSome(req.actor, route);
      if (!allowed) throw req.actor ? new AppError('auth.forbidden') : new AppError('auth.required');
    }
  });
  registerInputGuards(app);
  let accessByRoute: Map<string, Access> | undefined;
  const routeAccess = () => (accessByRoute ??= new Map(app.routeTable.map((r) => [`${r.method} ${r.url}`, r.access])));

  app.setErrorHandler((err, req, reply) => {
    const lang = req.lang ?? 'id';
    const send = (code: ErrorCode, details: Record<string, unknown> = {}, status?: number) => {
      const shown = localiseDetails(code, lang, details);
      return reply.status(status ?? catalogue[code].status).send({ error: { code, message: messageFor(code, lang, shown), details } });
    };
    if (err instanceof AppError) {
      if (err.code === 'auth.required' && req.sessionExpired) return send('auth.session_expired');
      return send(err.code, err.details, err.status);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as { validationContext?: string }).validationContext ?? 'body';
      const issues = err.validation.map((v) => {
        const issue = {
          ...(v.params as object),
          code: v.keyword,
          path: v.instancePath.split('/').filter(Boolean),
          input: undefined,
        } as never;
        const localised = zodLocales[lang].localeError(issue);
        const message = typeof localised === 'string' ? localised : (localised?.message ?? v.message);
        return { path: `${where}${v.instancePath.replaceAll('/', '.')}`, message };
      });
      const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return send('request.invalid', { summary, issues });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err: err.cause }, 'response does not match its schema');
      return send('internal');
    }
    const core = err as { name?: string; code?: unknown; details?: unknown };
    if (core.name === 'CoreError' || (err as object).constructor?.name === 'CoreError') {
      return send('domain.invalid', { reason: (err as Error).message, coreCode: core.code, ...(core.details as object) });
    }
    const pgCode = (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    if (pgCode === '23505') return send('conflict', { reason: detailText('db.duplicate', lang) });
    if (pgCode === '23503' || pgCode === '22P02' || pgCode === '23502')
      return send('request.invalid', { summary: detailText('db.invalid_reference', lang) });
    // Class 22 (data exception) and 54000 (too large): a value the validation let through but the
    // database cannot store. The transaction has rolled back, so nothing changed.
    if (typeof pgCode === 'string' && (pgCode.startsWith('22') || pgCode === '54000'))
      return send('request.bad_value', { reason: dataExceptionReason(pgCode, lang) });
    // The multipart parser's own errors (a body cut short, no boundary): the client's fault.
    if (/^(Multipart: |Boundary required|Unexpected end of multipart data|\w+ terminated early)/.test((err as Error).message ?? ''))
      return send('request.bad_multipart');
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413 || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      return send('request.too_large', { limit: config.maxUploadBytes ?? 20 * 1024 * 1024 });
    }
    if (status && status >= 400 && status < 500) return send('request.invalid', { summary: (err as Error).message }, status);
    req.log.error({ err }, 'unhandled error');
    return send('internal');
  });

  registerOps(app, config.ops);
  registerJobHooks(app, config.jobs);
  registerPublishedReads(app, config.published);
  await app.register(
    async (api) => {
      await registerRoutes(api);
    },
    { prefix: '/api/v1' },
  );

  const webDir = config.webDir ? resolve(config.webDir) : undefined;
  const hasWeb = !!webDir && existsSync(join(webDir, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: ['index.html'],
      // The .br/.gz files the build wrote beside each asset, sent with Content-Encoding.
      preCompressed: true,
      // Hashed assets never change under their name: cached for a year. Everything else (the
      // HTML shell, sw.js, the manifest) is revalidated on every visit.
      setHeaders: (reply, path) => {
        reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      const lang = req.lang ?? 'id';
      return reply.status(404).send({
        error: {
          code: 'not_found',
          message: messageFor('not_found', lang, localiseDetails('not_found', lang, { subject: 'route' })),
          details: { subject: 'route' },
        },
      });
    }
    // issue 11: the survey respondent page (/s/<code>) is its own entry.
    if (req.url.startsWith('/s/') && existsSync(join(webDir!, 'survey.html'))) return reply.sendFile('survey.html');
    return reply.sendFile('index.html');
  });

  return app;
}
