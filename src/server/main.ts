// `npm start`: open the database (PGlite in ./data by default, PostgreSQL when DATABASE_URL is
// set), apply migrations, seed the demo on an empty database, serve API and web app, print the URL.
import { resolve } from 'node:path';
import { buildApp } from './app.ts';
import { databaseOptionsFromEnv, openDatabase } from './db/client.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = resolve(process.env.DATA_DIR ?? './data');

const database = await openDatabase(databaseOptionsFromEnv(process.env));
const seeded = process.env.PANTAU_NO_SEED ? null : await seedDemoIfEmpty(database.db);
const app = await buildApp({
  db: database.db,
  dataDir,
  webDir: resolve('dist'),
  secureCookies: process.env.PANTAU_SECURE_COOKIES === '1',
  // e.g. TRUST_PROXY=127.0.0.1 behind a local reverse proxy; unset = use the socket address.
  ...(process.env.TRUST_PROXY ? { trustProxy: process.env.TRUST_PROXY === 'true' ? true : process.env.TRUST_PROXY } : {}),
  logger: { level: process.env.LOG_LEVEL ?? 'warn' },
});

const shutdown = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

await app.listen({ port, host });
const url = `http://localhost:${port}/`;
const lines = [
  '',
  `  Pantau berjalan di / is running at  ${url}`,
  `  API docs (OpenAPI)                  ${url}api/docs`,
  `  Database                            ${database.kind === 'pglite' ? `PGlite ${dataDir}/pglite` : 'PostgreSQL (DATABASE_URL)'}`,
];
if (seeded) {
  lines.push('', '  Akun demo / demo accounts (kata sandi hanya ditampilkan sekali / passwords shown only once):');
  for (const a of seeded.accounts) lines.push(`    ${a.role.padEnd(12)} ${a.username.padEnd(22)} ${a.password}   ${a.scope}`);
}
console.log(`${lines.join('\n')}\n`);
