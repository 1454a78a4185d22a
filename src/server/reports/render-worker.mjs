// Bootstrap of a render worker thread (pool.ts): load the TypeScript worker through the
// loader the thread already has (tsx, inherited from the parent), or register tsx here when it
// has none (e.g. under vitest). The retry uses another URL: Node caches the failed import.
try {
  await import('./render-worker.ts');
} catch (err) {
  if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
  const { register } = await import('tsx/esm/api');
  register();
  await import('./render-worker.ts?with-tsx');
}
