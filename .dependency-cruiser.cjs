// Import boundaries of src/ (ARCHITECTURE.md §3, issue 13). Run with `npm run lint:boundaries`
// (scripts/lint/boundaries.mjs), which applies these rules and also fails on any cycle between
// top-level modules (a module = the first directory under src/; the files directly in src/ are
// the composition root). Type-only imports count: they couple modules just the same.

const DOMAIN = '^src/(identity|access|catalog|orders|audit)/';
const NEST_HTTP_SWAGGER = '^node_modules/(@nestjs/|fastify/|@fastify/|swagger-ui|swagger-ui-dist/)';
const ENGINE_CORE = '^src/provisioning/(engine|language)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-core-no-framework',
      comment:
        'The engine and language cores are plain TypeScript: no Nest, no Fastify, no swagger. They run in a bare child process and in tests without HTTP.',
      severity: 'error',
      from: { path: ENGINE_CORE },
      to: { path: NEST_HTTP_SWAGGER },
    },
    {
      name: 'engine-core-no-domain',
      comment: 'The engine and language cores import no domain module; domain modules plug in through the composition root (providers, run hooks, audit sink).',
      severity: 'error',
      from: { path: ENGINE_CORE },
      to: { path: DOMAIN },
    },
    {
      name: 'engine-core-reaches',
      comment:
        'Warning only: what the engine and language cores load indirectly (through common, say). Type-only links included; each is a place where a domain module or Nest leaks into the core.',
      severity: 'warn',
      from: { path: ENGINE_CORE },
      to: { path: `${DOMAIN}|${NEST_HTTP_SWAGGER}`, reachable: true },
    },
    {
      name: 'foundation-no-domain',
      comment:
        'Dependencies point one way: orders → catalog, provisioning, identity/access, audit → database, common, config. The foundation modules import no module above them.',
      severity: 'warn',
      from: { path: '^src/(common|database|config)/' },
      to: { path: '^src/(identity|access|catalog|orders|audit|provisioning|health|cli|app)/|^src/[^/]+$' },
    },
  ],
  options: {
    // Specs may reach anywhere to set up a test; the boundaries are about production code.
    exclude: { path: '\\.spec\\.ts$' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: false,
  },
};
