// The layers of src/, highest first (README "Layers"). A module may import its own layer and any layer below
// it, never one above; no import cycle anywhere. `npm run check:layers` checks it in CI.
const LAYERS = [
  ['main', 'server'], // composition: the process, the HTTP server
  ['http'], // express middleware, Apollo and WebSocket builders, the IDE page
  ['demo', 'metrics'], // demo data and its callers (the IDE offers their tokens); /metrics
  ['jobs'], // background work: graphile-worker jobs, the SLA timer loop, the event listener
  ['resolvers'], // type-graphql resolvers and the schema they build
  ['graphql'], // GraphQL object and input types, payloads, armor, cost, execution
  ['services'], // use cases: (ctx, params) → views; transactions, authorisation, events
  ['loaders'], // per-request batched reads and the row modules they share with services
  ['webhooks', 'intake', 'events'], // delivery client, intake model loading, the event hub
  ['auth'], // principals, scope, tokens, API keys
  ['db'], // data source, migrations, embedded PostgreSQL, SQL helpers
  ['rules'], // pure business rules: `now` passed in, tables as data
  ['entities'], // TypeORM entities (also the GraphQL object types of the domain)
  ['domain', 'config', 'observability'], // enums, ids, errors, plain shapes; configuration; the tracer (OpenTelemetry)
];

const folderPattern = (folders) => `^src/(${folders.join('|')})(/|\\.ts$)`;

const upwardImports = LAYERS.flatMap((folders, level) =>
  level === 0
    ? []
    : [
        {
          name: `no-upward-import-from-${folders.join('-')}`,
          comment: `${folders.join(', ')} may import only ${folders.length > 1 ? 'their' : 'its'} own layer and the layers below (see the layer list at the head of .dependency-cruiser.cjs)`,
          severity: 'error',
          from: { path: folderPattern(folders) },
          to: { path: folderPattern(LAYERS.slice(0, level).flat()) },
        },
      ],
);

module.exports = {
  forbidden: [
    ...upwardImports,
    {
      name: 'no-circular',
      comment:
        'A cycle makes the order of module initialisation matter and the layers meaningless. A cycle only through `import type` is erased at compile time and allowed.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
