/**
 * A render worker thread: receives rapor/piagam tasks from pool.ts, renders them and posts
 * the PDF bytes back (transferred, not copied). Schemes arrive once per worker and are kept
 * by key, so a task carries only its body's snapshot data.
 */
import { parentPort } from 'node:worker_threads';
import type { Scheme } from '../../core/types.ts';
import { raporInputFromSnapshot } from './from-snapshot.ts';
import { renderPiagam } from './piagam.ts';
import { renderRapor } from './rapor.ts';
import type { TaskMessage } from './pool.ts';

const schemes = new Map<string, Scheme>();

parentPort?.on('message', (msg: TaskMessage) => {
  void (async () => {
    try {
      if (msg.scheme !== undefined) schemes.set(msg.scheme.key, msg.scheme.scheme);
      const t = msg.task;
      let pdf: Buffer;
      if (t.kind === 'rapor') pdf = await renderRapor(t.input, t.layout);
      else if (t.kind === 'piagam') pdf = await renderPiagam(t.input);
      else {
        const scheme = schemes.get(t.schemeKey);
        if (scheme === undefined) throw new Error(`render worker: unknown scheme ${t.schemeKey}`);
        pdf = await renderRapor(raporInputFromSnapshot(scheme, t.args), t.layout);
      }
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      // Copy out of pdfkit's pooled buffer when it is shared, so the transfer is safe.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      parentPort!.postMessage({ id: msg.id, ok: true, pdf: own, rss: process.memoryUsage().rss }, [own.buffer as ArrayBuffer]);
    } catch (err) {
      parentPort!.postMessage({ id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  })();
});
