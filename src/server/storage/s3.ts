// Evidence and job files in an S3-compatible object store (AWS S3, MinIO, Garage, Ceph RGW,
// SeaweedFS…) through @aws-sdk/client-s3. Evidence: `<prefix>evidence/ab/cd/<sha256>`, written
// once (content-addressed: an existing key is never rewritten); files: `<prefix><key>`. An upload
// is staged in a local temporary directory while it is hashed and checked, then sent with its
// length; a refused upload never reaches the bucket.
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { type EvidenceStore, type PutOptions, type Stored, stage } from '../evidence/store.ts';
import { type FileStore, checkKey } from './files.ts';

export interface S3Options {
  bucket: string;
  /** e.g. http://127.0.0.1:9000 (MinIO); unset: AWS. */
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (http://host/bucket/key): MinIO and most self-hosted stores need it. */
  forcePathStyle?: boolean;
  /** Key prefix, e.g. 'pantau/' (several deployments in one bucket). */
  prefix?: string;
  /** Local directory for staging uploads while they are hashed. */
  stagingDir: string;
}

const HASH_RE = /^[0-9a-f]{64}$/;
const missing = (e: unknown) =>
  e instanceof NoSuchKey ||
  e instanceof NotFound ||
  (e as { name?: string }).name === 'NotFound' ||
  (e as { name?: string }).name === 'NoSuchKey' ||
  (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

export class S3Store implements EvidenceStore, FileStore {
  readonly client: S3Client;
  readonly bucket: string;
  readonly prefix: string;

  constructor(private readonly opts: S3Options) {
    const config: S3ClientConfig = {
      region: opts.region ?? 'us-east-1',
      forcePathStyle: opts.forcePathStyle ?? !!opts.endpoint,
      // Checksums only where S3 requires them: the SDK's default sends streamed bodies with
      // aws-chunked trailing checksums, which several S3-compatible stores save verbatim.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
      ...(opts.accessKeyId && opts.secretAccessKey
        ? { credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey } }
        : {}),
    };
    this.client = new S3Client(config);
    this.bucket = opts.bucket;
    this.prefix = opts.prefix ?? '';
  }

  evidenceKey(sha256: string): string {
    if (!HASH_RE.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return `${this.prefix}evidence/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  private async head(key: string): Promise<number | undefined> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return res.ContentLength ?? 0;
    } catch (e) {
      if (missing(e)) return undefined;
      throw e;
    }
  }

  private async upload(key: string, path: string, size: number, type = 'application/octet-stream'): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: createReadStream(path), ContentLength: size, ContentType: type }),
    );
  }

  private async download(key: string): Promise<{ stream: Readable; size: number } | undefined> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return { stream: res.Body as Readable, size: res.ContentLength ?? 0 };
    } catch (e) {
      if (missing(e)) return undefined;
      throw e;
    }
  }

  // ── Evidence ──

  async put(source: Readable, opts: PutOptions = {}): Promise<Stored> {
    const staged = await stage(source, this.opts.stagingDir, opts);
    try {
      const { sha256, size, head } = staged;
      const key = this.evidenceKey(sha256);
      if ((await this.head(key)) !== undefined) return { sha256, size, head, created: false };
      await this.upload(key, staged.path, size);
      return { sha256, size, head, created: true };
    } finally {
      await rm(staged.path, { force: true });
    }
  }

  async get(sha256: string): Promise<Readable | undefined> {
    if (!HASH_RE.test(sha256)) return undefined;
    return (await this.download(this.evidenceKey(sha256)))?.stream;
  }

  async has(sha256: string): Promise<boolean> {
    return HASH_RE.test(sha256) && (await this.head(this.evidenceKey(sha256))) !== undefined;
  }

  async size(sha256: string): Promise<number | undefined> {
    return HASH_RE.test(sha256) ? this.head(this.evidenceKey(sha256)) : undefined;
  }

  // ── Files ──

  async putFile(key: string, path: string): Promise<void> {
    await this.upload(`${this.prefix}${checkKey(key)}`, path, (await stat(path)).size);
  }

  getFile(key: string): Promise<{ stream: Readable; size: number } | undefined> {
    return this.download(`${this.prefix}${checkKey(key)}`);
  }

  async deleteFile(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: `${this.prefix}${checkKey(key)}` }));
  }

  close(): void {
    this.client.destroy();
  }
}
