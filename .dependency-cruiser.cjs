// Import boundaries (ARCHITECTURE.md): the engine stands alone, the web reaches the server only
// through the shared wire contract, workflow folders of the web do not import each other, and
// nothing imports in a cycle. `npm run lint` runs this after Biome.
/** Web folders every workflow may use; the others are workflows (screens grouped by workflow). */
const webShared = '^src/web/(api|lib|ui|test)/';
/** Tests and their fixtures may reach for test libraries and the library files. */
const tests = ['\\.test\\.tsx?$', '^src/core/test/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order fragile and hide layering mistakes.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-stands-alone',
      severity: 'error',
      comment: 'src/core is the pure engine: it imports nothing outside itself but zod.',
      from: { path: '^src/core/', pathNot: tests },
      to: { pathNot: ['^src/core/', '^node_modules/zod/'] },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      comment: 'src/core runs in the browser too: no Node built-ins.',
      from: { path: '^src/core/', pathNot: tests },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'wire-is-contract-only',
      severity: 'error',
      comment: 'src/shared/wire depends only on zod, src/core and itself.',
      from: { path: '^src/shared/', pathNot: tests },
      to: { pathNot: ['^src/shared/', '^src/core/', '^node_modules/zod/'] },
    },
    {
      name: 'web-not-to-server',
      severity: 'error',
      comment: 'The web reaches server code only through the shared contract (src/shared/wire).',
      from: { path: '^src/web/' },
      to: { path: ['^src/server/', '^src/cli/'] },
    },
    {
      name: 'web-workflows-apart',
      severity: 'error',
      comment: 'Workflow folders import api/, lib/, ui/ — never another workflow.',
      from: { path: '^src/web/([^/]+)/', pathNot: [webShared, '^src/web/app/'] },
      to: { path: '^src/web/([^/]+)/', pathNot: ['^src/web/$1/', webShared] },
    },
    {
      name: 'web-shared-not-to-workflows',
      severity: 'error',
      comment: 'api/, lib/ and ui/ are below the workflows: they never import a workflow.',
      from: { path: webShared },
      to: { path: '^src/web/', pathNot: [webShared] },
    },
    {
      name: 'server-not-to-web',
      severity: 'error',
      comment: 'The server never imports the web app.',
      from: { path: '^(src/server|src/cli)/' },
      to: { path: '^src/web/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^data/', 'node_modules/\\.vite'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
