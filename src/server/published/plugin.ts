// The published-read mechanism: a route declares `published: {}` in its spec (http/route.ts);
// for an anonymous GET of such a route this plugin answers from the PublishedCache when it can
// (preHandler: bytes, ETag, 304), and otherwise lets the handler run once — other requests for
// the same answer wait for it — and keeps what the handler sent (onSend). Signed-in callers see
// more than the public and always get the live answer, marked private.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Entry, PublishedCache, etagOf, matchesEtag, pickEncoding } from './cache.ts';

/** What a route's answer varies with besides its URL. */
export interface PublishedSpec {
  /** The answer is in the caller's language (Accept-Language or ?lang=). */
  byLang?: boolean;
  /** The answer names this server's own address (links in certificates). */
  byHost?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    published: PublishedCache;
  }
  interface FastifyContextConfig {
    published?: PublishedSpec;
  }
}

interface Capture {
  key: string;
  stamp: string;
  settle: (entry: Entry | null) => void;
}
const captures = new WeakMap<FastifyRequest, Capture>();
const served = new WeakSet<FastifyRequest>();

function keyOf(req: FastifyRequest, spec: PublishedSpec): string {
  return `${spec.byLang ? req.lang : '-'}|${spec.byHost ? `${req.protocol}://${req.host}` : '-'}|${req.url}`;
}

function headers(reply: FastifyReply, cache: PublishedCache, entry: Entry, spec: PublishedSpec, encoding: 'br' | 'gzip' | null) {
  reply
    .header('etag', etagOf(entry.hash, encoding))
    .header('cache-control', `public, max-age=${cache.maxAge}`)
    .header('vary', spec.byLang ? 'Accept-Encoding, Accept-Language' : 'Accept-Encoding')
    .header('x-pantau-cache', 'hit');
}

/**
 * Sends a kept answer: 304 when the client has it, else the bytes in the best accepted encoding.
 * Written straight to the socket (reply.hijack): the bytes are final, so Fastify's serialisation
 * and onSend hooks have nothing to do; onResponse (metrics) still runs.
 */
function sendEntry(req: FastifyRequest, reply: FastifyReply, cache: PublishedCache, entry: Entry, spec: PublishedSpec) {
  const encoding = pickEncoding(req.headers['accept-encoding']);
  served.add(req);
  const headers: Record<string, string> = {
    etag: etagOf(entry.hash, encoding),
    'cache-control': `public, max-age=${cache.maxAge}`,
    vary: spec.byLang ? 'Accept-Encoding, Accept-Language' : 'Accept-Encoding',
    'x-pantau-cache': 'hit',
    'x-request-id': req.id,
  };
  reply.hijack();
  if (matchesEtag(req.headers['if-none-match'], entry.hash)) {
    cache.stats.notModified++;
    reply.raw.writeHead(304, headers);
    reply.raw.end();
    return reply;
  }
  cache.stats.hits++;
  headers['content-type'] = entry.type;
  if (entry.disposition) headers['content-disposition'] = entry.disposition;
  if (encoding) headers['content-encoding'] = encoding;
  const body = encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : entry.identity;
  headers['content-length'] = String(body.length);
  reply.raw.writeHead(200, headers);
  reply.raw.end(body);
  return reply;
}

export function registerPublishedReads(
  app: FastifyInstance,
  opts: { checkMs?: number; maxBytes?: number; maxAge?: number } = {},
): PublishedCache {
  const cache = new PublishedCache(app.db, opts);
  app.decorate('published', cache);

  // A kept answer goes out straight after the session check (app.ts's onRequest hook runs
  // first): no validation, no handler. The URL is the key, and it was validated when computed.
  app.addHook('onRequest', async (req, reply) => {
    const spec = req.routeOptions.config.published;
    if (!spec || req.method !== 'GET' || req.actor) return;
    await cache.currentStamp();
    const entry = cache.get(keyOf(req, spec));
    if (entry) return sendEntry(req, reply, cache, entry, spec);
  });

  app.addHook('preHandler', async (req, reply) => {
    const spec = req.routeOptions.config.published;
    if (!spec || req.method !== 'GET' || req.actor) return;
    const stamp = await cache.currentStamp();
    const key = keyOf(req, spec);
    let entry = cache.get(key);
    if (!entry) {
      const pending = cache.pending(key);
      if (pending) entry = (await pending) ?? undefined;
    }
    if (entry) return sendEntry(req, reply, cache, entry, spec);
    cache.stats.misses++;
    captures.set(req, { key, stamp, settle: cache.begin(key) });
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (served.has(req)) return payload;
    const spec = req.routeOptions.config?.published;
    if (spec && req.actor) {
      // A signed-in caller may see more than the public: never cached by a shared cache.
      reply.header('cache-control', 'private, no-store');
      return payload;
    }
    const capture = captures.get(req);
    if (!capture || !spec) return payload;
    captures.delete(req);
    if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
      capture.settle(null);
      return payload;
    }
    try {
      const type = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
      const disposition = reply.getHeader('content-disposition');
      const entry = await cache.build(
        Buffer.isBuffer(payload) ? payload : Buffer.from(payload),
        type,
        disposition === undefined ? undefined : String(disposition),
      );
      cache.put(capture.key, capture.stamp, entry);
      capture.settle(entry);
      const encoding = pickEncoding(req.headers['accept-encoding']);
      headers(reply, cache, entry, spec, encoding);
      reply.header('x-pantau-cache', 'miss');
      if (!encoding) return entry.identity;
      reply.header('content-encoding', encoding);
      const body = encoding === 'br' ? entry.br : entry.gzip;
      reply.header('content-length', String(body.length));
      return body;
    } catch (err) {
      capture.settle(null);
      throw err;
    }
  });

  // Any answer that failed before onSend (an error) must still release its waiters.
  app.addHook('onResponse', async (req, reply) => {
    const capture = captures.get(req);
    if (capture) {
      captures.delete(req);
      capture.settle(null);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400) cache.invalidate();
  });

  return cache;
}
