// The server as JavaScript (scripts/build.ts; src/server/ops/bundle.test.ts builds one of its own):
// esbuild bundles our TypeScript and leaves the packages to node_modules, so `outDir` must sit
// inside the project for them to resolve. The entry points and their shared chunks lie side by
// side in one folder, so `import.meta.url` of every chunk is that folder: the migrations (copied
// beside them) and the render worker are found next to the code, as next to their sources.
import { cpSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './build-inputs.mjs';

export async function buildServer(outDir: string): Promise<void> {
  const { build } = await import('esbuild');
  const next = `${outDir}.next`;
  rmSync(next, { recursive: true, force: true });
  await build({
    entryPoints: { main: join(root, 'src/server/main.ts'), 'render-worker': join(root, 'src/server/reports/render-worker.ts') },
    outdir: next,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  cpSync(join(root, 'src/server/db/migrations'), join(next, 'migrations'), { recursive: true });
  rmSync(outDir, { recursive: true, force: true });
  renameSync(next, outDir);
}
