/**
 * Resumable evidence uploads (issue 13 §3): what a connection lost half-way through a large photo
 * or PDF costs, with the multipart upload (POST /evidence: start again from byte 0) and with the
 * resumable one (tus 1.0.0: POST /uploads, PATCH, HEAD after the break, PATCH the rest).
 *
 *   npx tsx bench/resumable-upload.ts [--mib 19] [--cut 0.5]
 *
 * A real HTTP server on 127.0.0.1 (an ephemeral port, nothing else is contacted), the test world
 * on a fresh PGlite database. Each way: send the body until `cut` of the file went out, destroy
 * the socket (the connection broke), then finish the upload as that protocol allows. Reports the
 * bytes put on the wire in total, the bytes sent again, and that exactly one evidence link exists.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { buildApp } from '../src/server/app.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { evidenceLinks } from '../src/server/evidence/schema.ts';
import { buildWorld, openCycle } from '../src/server/seed/test-world.ts';
import { pdf } from '../src/server/test/files.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const MIB = opt('mib', 19);
const CUT = opt('cut', 0.5);

interface Sent {
  status: number | null;
  headers: Record<string, string | string[] | undefined>;
  /** Bytes of the body written to the socket. */
  wrote: number;
}

/** One request; with `cutAt`, the socket is destroyed once that many body bytes were written. */
function send(port: number, method: string, path: string, headers: Record<string, string>, body: Buffer, cutAt?: number): Promise<Sent> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...headers, 'content-length': String(body.length) } });
    let wrote = 0;
    let done = false;
    const finish = (s: Sent) => {
      if (!done) {
        done = true;
        resolve(s);
      }
    };
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => finish({ status: res.statusCode ?? null, headers: res.headers, wrote }));
    });
    req.on('error', () => finish({ status: null, headers: {}, wrote }));
    const CHUNK = 64 * 1024;
    const pump = () => {
      while (wrote < body.length) {
        const end = Math.min(body.length, wrote + CHUNK, cutAt ?? Number.POSITIVE_INFINITY);
        if (end <= wrote) {
          // the connection breaks here: give the server a moment to write what it received
          setTimeout(() => req.destroy(), 300);
          return;
        }
        const ok = req.write(body.subarray(wrote, end));
        wrote = end;
        if (!ok) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

function multipart(fields: Record<string, string>, name: string, content: Buffer) {
  const boundary = `----bench${Math.random().toString(16).slice(2)}`;
  const head = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const body = Buffer.concat([
    Buffer.from(
      `${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-bench-tus-'));
  const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
  const app = await buildApp({ db: db.db, dataDir });
  await app.ready();
  const w = await buildWorld(app, db.db);
  const cycleId = await openCycle(w, { bodies: [w.bodies.a] });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  const auth = w.headers.asisten as Record<string, string>;
  const links = async (sha256: string) =>
    (
      await db.db
        .select({ n: count() })
        .from(evidenceLinks)
        .where(and(eq(evidenceLinks.sha256, sha256), eq(evidenceLinks.cycleId, cycleId)))
    )[0]!.n;

  const file = (tag: string) => pdf(`${tag} ${'abcdefghij'.repeat(Math.floor((MIB * 1024 * 1024) / 10))}`);
  const rows: Record<string, string | number>[] = [];

  // ── multipart: the break loses everything; the retry sends the whole body again ──
  {
    const content = file('multipart');
    const sha = createHash('sha256').update(content).digest('hex');
    const m = multipart({ cycleId, unitId: w.units.a1 }, 'besar.pdf', content);
    const t0 = performance.now();
    const broken = await send(
      port,
      'POST',
      '/api/v1/evidence',
      { ...auth, 'content-type': m.type },
      m.body,
      Math.floor(m.body.length * CUT),
    );
    const retry = await send(port, 'POST', '/api/v1/evidence', { ...auth, 'content-type': m.type }, m.body);
    rows.push({
      way: 'multipart POST /evidence',
      fileBytes: content.length,
      firstTry: broken.wrote,
      keptByServer: 0,
      resent: retry.wrote,
      totalOnWire: broken.wrote + retry.wrote,
      status: retry.status ?? 'none',
      links: await links(sha),
      ms: Math.round(performance.now() - t0),
    });
  }

  // ── tus: the break keeps what arrived; HEAD says where to go on; only the rest is sent ──
  {
    const content = file('tus');
    const sha = createHash('sha256').update(content).digest('hex');
    const meta = { cycleId, unitId: w.units.a1, filename: 'besar.pdf', sha256: sha };
    const tus = { ...auth, 'tus-resumable': '1.0.0' };
    const t0 = performance.now();
    const created = await send(
      port,
      'POST',
      '/api/v1/uploads',
      {
        ...tus,
        'upload-length': String(content.length),
        'upload-metadata': Object.entries(meta)
          .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
          .join(','),
      },
      Buffer.alloc(0),
    );
    const url = String(created.headers.location);
    const patch = (offset: number, cutAt?: number) =>
      send(
        port,
        'PATCH',
        url,
        { ...tus, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
        content.subarray(offset),
        cutAt,
      );
    const broken = await patch(0, Math.floor(content.length * CUT));
    const head = await send(port, 'HEAD', url, tus, Buffer.alloc(0));
    const kept = Number(head.headers['upload-offset']);
    const rest = await patch(kept);
    rows.push({
      way: 'tus POST+PATCH /uploads',
      fileBytes: content.length,
      firstTry: broken.wrote,
      keptByServer: kept,
      resent: rest.wrote,
      totalOnWire: broken.wrote + rest.wrote,
      status: rest.status ?? 'none',
      links: await links(sha),
      ms: Math.round(performance.now() - t0),
    });
  }

  console.table(rows);
  const num = (r: Record<string, string | number> | undefined, k: string) => Number(r?.[k] ?? 0);
  const [mp, tu] = [rows[0], rows[1]];
  console.log(
    `after a break at ${Math.round(CUT * 100)} %: multipart sent ${(num(mp, 'totalOnWire') / num(mp, 'fileBytes')).toFixed(2)}× the file, tus ${(num(tu, 'totalOnWire') / num(tu, 'fileBytes')).toFixed(2)}× (re-sent ${(num(mp, 'resent') / 1048576).toFixed(1)} MiB vs ${(num(tu, 'resent') / 1048576).toFixed(1)} MiB)`,
  );
  await app.close();
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
