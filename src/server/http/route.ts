// Route definition: every API route is declared through `defineRoute`, which
//  - registers it with Fastify and its Zod schemas (validation in, serialisation out, OpenAPI);
//  - records it in the route table (the authorisation-matrix test iterates that table);
//  - checks the route's policy action against the caller before the handler runs;
//  - runs the handler in ONE database transaction: any throw rolls back, the reply waits for the commit;
//    a route declared `noTransaction` (streams, uploads, a login that must record its failure)
//    gets the database handle as `db` instead, and opens its own transactions for its writes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType, z } from 'zod';
import type { Lang } from '../../core/types.ts';
import type { Db, Queryable, Tx } from '../db/client.ts';
import { type Action, type Actor, type Target, can, canSome } from '../auth/policy.ts';
import { AppError } from '../errors.ts';
import type { PublishedSpec } from '../published/plugin.ts';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * 'public'        — anyone, signed in or not (health, login, published data);
 * 'authenticated' — any signed-in account (me, logout);
 * an Action       — the caller's role must hold the action for some scope; the handler then
 *                   checks the concrete target with `auth.require(action, target)`.
 */
export type Access = Action | 'public' | 'authenticated';

export interface RouteSpec<P extends ZodType | undefined, Q extends ZodType | undefined, B extends ZodType | undefined> {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Response schemas by status. */
  response: Record<number, ZodType>;
  /** Skip body parsing/validation (multipart uploads read the request stream themselves). */
  rawBody?: boolean;
  /**
   * Run without the wrapper's transaction (streaming downloads and uploads, a login that must
   * record its failure): the handler gets `db` (a `NoTxCtx`) and opens its own transactions.
   */
  noTransaction?: boolean;
  /**
   * A public read of published results (published/plugin.ts): the anonymous answer is kept by
   * content hash, precompressed and sent with a strong ETag; runs without a transaction.
   */
  published?: PublishedSpec;
}

type Infer<T> = T extends ZodType ? z.infer<T> : undefined;

export interface Auth {
  actor: Actor | null;
  /** Throws 401 (anonymous) or 403 unless the caller may do `action` on `target`. */
  require(action: Action, target?: Target): void;
  can(action: Action, target?: Target): boolean;
  /** The signed-in actor, or 401. */
  user(): Actor;
}

interface BaseCtx<P, Q, B> {
  auth: Auth;
  params: P;
  query: Q;
  body: B;
  lang: Lang;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** A handler's context: everything runs in the request's one transaction `tx`. */
export interface Ctx<P, Q, B> extends BaseCtx<P, Q, B> {
  tx: Tx;
}

/**
 * The context of a published read (`published`): its queries run on the database handle, outside
 * any transaction (a read of immutable or stamped data needs none), so `tx` is only `Queryable`.
 */
export interface ReadCtx<P, Q, B> extends BaseCtx<P, Q, B> {
  tx: Queryable;
}

/** The context of a `noTransaction` route: the database handle, no transaction. */
export interface NoTxCtx<P, Q, B> extends BaseCtx<P, Q, B> {
  db: Db;
}

/** Route table entry (no handler), for documentation and the authorisation matrix. */
export interface RouteInfo {
  method: Method;
  url: string;
  access: Access;
  summary: string;
  tags: string[];
  /** The request schemas (the property test of issue 15 derives hostile input from them). */
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  /** The handler reads the body itself (multipart uploads). */
  rawBody?: boolean;
}

export function makeAuth(actor: Actor | null): Auth {
  const deny = (): never => {
    throw actor ? new AppError('auth.forbidden') : new AppError('auth.required');
  };
  return {
    actor,
    can: (action, target) => can(actor, action, target),
    require(action, target = {}) {
      if (!can(actor, action, target)) deny();
    },
    user() {
      if (!actor) throw new AppError('auth.required');
      return actor;
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    routeTable: RouteInfo[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
  }
}

export function defineRoute<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
>(
  app: FastifyInstance,
  spec: RouteSpec<P, Q, B> & { noTransaction: true },
  handler: (ctx: NoTxCtx<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown>,
): void;
export function defineRoute<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
>(
  app: FastifyInstance,
  spec: RouteSpec<P, Q, B> & { noTransaction?: false; published: PublishedSpec },
  handler: (ctx: ReadCtx<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown>,
): void;
export function defineRoute<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
>(
  app: FastifyInstance,
  spec: RouteSpec<P, Q, B> & { noTransaction?: false; published?: undefined },
  handler: (ctx: Ctx<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown>,
): void;
export function defineRoute<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
>(
  app: FastifyInstance,
  spec: RouteSpec<P, Q, B>,
  handler:
    | ((ctx: Ctx<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown>)
    | ((ctx: ReadCtx<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown>)
    | ((ctx: NoTxCtx<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown>),
): void {
  app.routeTable.push({
    method: spec.method,
    url: `${app.prefix}${spec.url}`,
    access: spec.access,
    summary: spec.summary,
    tags: spec.tags,
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    ...(spec.rawBody ? { rawBody: true } : {}),
  });
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.published ? { config: { published: spec.published } } : {}),
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.body && !spec.rawBody ? { body: spec.body } : {}),
      response: spec.response,
    },
    handler: async (req, reply) => {
      const actor = req.actor;
      if (spec.access === 'authenticated' && !actor) throw new AppError('auth.required');
      if (spec.access !== 'public' && spec.access !== 'authenticated' && !canSome(actor, spec.access)) {
        throw actor ? new AppError('auth.forbidden') : new AppError('auth.required');
      }
      const base: BaseCtx<Infer<P>, Infer<Q>, Infer<B>> = {
        auth: makeAuth(actor),
        params: req.params as Infer<P>,
        query: req.query as Infer<Q>,
        body: req.body as Infer<B>,
        lang: req.lang,
        req,
        reply,
      };
      const result = spec.noTransaction
        ? await (handler as (ctx: NoTxCtx<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown>)({ ...base, db: app.db })
        : spec.published
          ? await (handler as (ctx: ReadCtx<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown>)({ ...base, tx: app.db })
          : await app.db.transaction((tx) => (handler as (ctx: Ctx<Infer<P>, Infer<Q>, Infer<B>>) => Promise<unknown>)({ ...base, tx }));
      if (reply.sent) return reply;
      return result;
    },
  });
}
