// What `npm start` and the `pantau` commands that touch the server's data open, the same way:
// the data directory, the secrets (config/secrets.ts; the audit key is set for the process), the
// database (DATABASE_URL, else PGlite in $DATA_DIR/pglite) and the audit checkpoint store.
import { resolve } from 'node:path';
import { setAuditKey } from '../audit/queries.ts';
import { type CheckpointStore, checkpointStoreFor, writeCheckpoint } from '../audit/checkpoints.ts';
import { type Database, databaseOptionsFromEnv, openDatabase } from '../db/client.ts';
import { type LoadedSecrets, loadSecrets } from './secrets.ts';

export interface Runtime {
  dataDir: string;
  secrets: LoadedSecrets;
  database: Database;
  checkpoints: CheckpointStore;
  /** Closes the database; with `checkpoint`, first signs the audit head (after a write). */
  close(opts?: { checkpoint?: boolean }): Promise<void>;
}

export async function openRuntime(env: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const secrets = loadSecrets(dataDir, env);
  setAuditKey(secrets.keys.audit);
  const database = await openDatabase(databaseOptionsFromEnv(env));
  const checkpoints = checkpointStoreFor(dataDir);
  return {
    dataDir,
    secrets,
    database,
    checkpoints,
    async close(opts = {}) {
      try {
        if (opts.checkpoint) await writeCheckpoint(database.db, checkpoints, new Date(), secrets.keys.audit);
      } finally {
        await database.close();
      }
    },
  };
}
