// Where evidence and job files live, chosen by configuration (one choice for every instance):
//   PANTAU_STORE=directory (default) — $DATA_DIR/evidence and $DATA_DIR/jobs on this machine;
//   PANTAU_STORE=s3 — an S3-compatible bucket: S3_BUCKET (required), S3_ENDPOINT, S3_REGION,
//     S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY (else the AWS default chain), S3_FORCE_PATH_STYLE
//     (default on with an endpoint), S3_PREFIX.
// Several instances need S3 (or one directory they all mount).
import { join } from 'node:path';
import { DirectoryEvidenceStore, type EvidenceStore } from '../evidence/store.ts';
import { DirectoryFileStore, type FileStore } from './files.ts';
import { S3Store } from './s3.ts';

export interface Stores {
  kind: 'directory' | 's3';
  evidence: EvidenceStore;
  files: FileStore;
  close(): void;
}

export function storesFromEnv(dataDir: string, env: NodeJS.ProcessEnv = process.env): Stores {
  const kind = env.PANTAU_STORE ?? 'directory';
  if (kind === 's3') {
    if (!env.S3_BUCKET) throw new Error('PANTAU_STORE=s3 needs S3_BUCKET');
    const s3 = new S3Store({
      bucket: env.S3_BUCKET,
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
      ...(env.S3_REGION ? { region: env.S3_REGION } : {}),
      ...(env.S3_ACCESS_KEY_ID ? { accessKeyId: env.S3_ACCESS_KEY_ID } : {}),
      ...(env.S3_SECRET_ACCESS_KEY ? { secretAccessKey: env.S3_SECRET_ACCESS_KEY } : {}),
      ...(env.S3_FORCE_PATH_STYLE ? { forcePathStyle: env.S3_FORCE_PATH_STYLE !== '0' && env.S3_FORCE_PATH_STYLE !== 'false' } : {}),
      ...(env.S3_PREFIX ? { prefix: env.S3_PREFIX } : {}),
      stagingDir: join(dataDir, 'evidence', 'tmp'),
    });
    return { kind: 's3', evidence: s3, files: s3, close: () => s3.close() };
  }
  if (kind !== 'directory') throw new Error(`PANTAU_STORE must be 'directory' or 's3', not '${kind}'`);
  return {
    kind: 'directory',
    evidence: new DirectoryEvidenceStore(join(dataDir, 'evidence')),
    files: new DirectoryFileStore(dataDir),
    close: () => {},
  };
}
