// `npm start`: build what changed (scripts/build.ts: the web app, the server bundle, the PGlite
// template — all of it on a new clone, nothing when the sources are as built), then run the
// server bundle in this process. Plain JavaScript: deciding that nothing changed takes ≈ 0.1 s
// and no TypeScript runner is loaded (`npm run dev` runs the sources through tsx instead).
// `npm run serve` (production, `--serve`) never builds: it runs what `npm run build` made.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PARTS, root, serverDir, staleParts } from './build-inputs.mjs';

if (process.argv.includes('--serve')) {
  const missing = Object.values(PARTS).flatMap((p) => p.outputs.filter((o) => !existsSync(o)));
  if (missing.length > 0) {
    console.error(
      `Belum dibangun / not built: ${missing.join(', ')}\nRun \`npm run build\` once (the image does), then \`npm run serve\`.`,
    );
    process.exit(1);
  }
} else {
  const stale = staleParts();
  if (stale.length > 0) {
    console.log(`Building ${stale.join(' and ')} (sources changed since the last build, or never built) …`);
    const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const built = spawnSync(process.execPath, [tsx, join(root, 'scripts', 'build.ts'), '--if-stale'], { stdio: 'inherit', cwd: root });
    if (built.status !== 0) process.exit(built.status ?? 1);
    // The start banner's phases then name the build apart from loading the modules.
    process.env.PANTAU_BUILT_AT_MS = String(performance.now());
  }
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(serverDir, 'main.mjs')).href);
