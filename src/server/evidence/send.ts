// Sends one stored evidence file as a download: its detected type and size, a UTF-8 file name,
// no type sniffing by the browser, and a private cache keyed by the content hash.
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export interface EvidenceFileInfo {
  sha256: string;
  mime: string;
  size: number;
  filename: string;
}

export function sendEvidenceFile(reply: FastifyReply, stream: Readable, file: EvidenceFileInfo): FastifyReply {
  return reply
    .header('content-type', file.mime)
    .header('content-length', String(file.size))
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .header('etag', `"${file.sha256}"`)
    .send(stream);
}
