/**
 * Certificate (piagam) verification codes: short, printable, deterministic, and unforgeable
 * without the server's key.
 *
 *   code = Crockford base32 of 10 bytes, printed in 4 groups of 4: "7K3Q-9XD2-…"
 *     bytes 0–3: the first 4 bytes of the publication id (finds the publication);
 *     bytes 4–9: the first 6 bytes of HMAC-SHA256(key, publicationId | award kind | bodyId |
 *                score (2 decimals) | rank | snapshot content hash).
 *
 * A code is checked ONLY against the snapshot: the verifier loads the publication its prefix
 * names, recomputes the award lists from the stored snapshot (after checking the snapshot still
 * hashes to its content hash), recomputes every award's code and compares. Any change to any
 * character changes the decoded bits, so it finds no publication or fails the MAC (2^-48 per
 * award of the publication). Hyphens and case do not matter; no other normalisation.
 *
 * The key is the `certificate` secret (config/secrets.ts: PANTAU_CERTIFICATE_KEY, else
 * $DATA_DIR/secrets/certificate.key). Losing it invalidates every printed certificate.
 */
import { createHmac } from 'node:crypto';
import { formatFixed2 } from '../../core/index.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX_BYTES = 4;
const MAC_BYTES = 6;
export const CODE_LENGTH = 16;

export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Bytes of a code, or null when it is not a well-formed code. */
export function decodeCode(code: string): Buffer | null {
  const s = code.replace(/-/g, '').toUpperCase();
  if (s.length !== CODE_LENGTH) return null;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of s) {
    const v = ALPHABET.indexOf(ch);
    if (v === -1) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  return Buffer.from(out);
}

/** "ABCD-EFGH-JKMN-PQRS" */
export const formatCode = (raw: string): string => raw.match(/.{1,4}/g)!.join('-');

/** The 8 hex digits a code's prefix holds (the start of the publication id). */
export function publicationPrefix(code: string): string | null {
  const bytes = decodeCode(code);
  return bytes === null ? null : bytes.subarray(0, PREFIX_BYTES).toString('hex');
}

export interface CodeSubject {
  publicationId: string;
  kind: string;
  bodyId: string;
  score: number;
  rank: number | null;
  contentHash: string;
}

export function certificateCode(key: Buffer, s: CodeSubject): string {
  const prefix = Buffer.from(s.publicationId.replace(/-/g, '').slice(0, PREFIX_BYTES * 2), 'hex');
  const mac = createHmac('sha256', key)
    .update([s.publicationId, s.kind, s.bodyId, formatFixed2(s.score), s.rank === null ? '' : String(s.rank), s.contentHash].join('|'))
    .digest()
    .subarray(0, MAC_BYTES);
  return formatCode(base32(Buffer.concat([prefix, mac])));
}

/** Codes compare without hyphens and case. */
export const sameCode = (a: string, b: string): boolean => a.replace(/-/g, '').toUpperCase() === b.replace(/-/g, '').toUpperCase();
