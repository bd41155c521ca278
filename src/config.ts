// Configuration comes from environment variables only, validated once at start; every bad value is reported
// with its name and what was expected, and the process refuses to start.

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Null: start embedded PostgreSQL in `dataDirectory`. */
  databaseUrl: string | null;
  dataDirectory: string;
  embeddedPostgresPort: number;
  databasePoolSize: number;
  authSecret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  introspection: boolean;
  /** Serve the GraphQL IDE (GraphiQL, from node_modules) at GET /graphql for browsers. */
  graphqlIde: boolean;
  /** Origins (scheme://host[:port], exact) whose pages may call /graphql from a browser; empty: no CORS. */
  corsOrigins: string[];
  loadDemoData: boolean;
  /** Seconds a bearer token may live at most (its `exp` − `iat`, and `exp` − now). */
  jwtMaximumLifetimeSeconds: number;
  shutdownTimeoutMs: number;
  /** Before draining on SIGTERM: readiness fails and connections are closed after their response. */
  shutdownGraceMs: number;
  runWorker: boolean;
  /**
   * Webhook targets on 127.0.0.0/8, ::1 and localhost accepted, on any port (development receivers listen where
   * they can): local development and tests only, never production.
   */
  webhookAllowLoopback: boolean;
  /** Ports a webhook URL may name besides 80 and 443 (WEBHOOK_ALLOWED_PORTS, a comma list). */
  webhookAllowedPorts: number[];
  /** The Node HTTP server's timeouts (ms): slow clients (slowloris, trickled bodies) are answered 408 and closed. */
  httpTimeouts: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number };
  /** TCP connections one remote address (the TCP peer: a proxy's address behind a proxy) may hold open on one instance. */
  connectionsPerAddress: number;
  /** Points per minute of each principal and of each anonymous IP address, shared by every instance (PostgreSQL). */
  workBudgets: { principalPointsPerMinute: number; anonymousPointsPerMinute: number };
  /** The cost formula's weights (src/graphql/operation-cost.ts, docs/security.md "Throttling by cost"). */
  costWeights: { objectPoints: number; mutationPoints: number };
  /**
   * What one principal may hold open over WebSockets on one instance, and one remote address before its sockets
   * authenticate (src/graphql/socket-quota.ts).
   */
  webSocketLimits: { socketsPerPrincipal: number; operationsPerPrincipal: number; unauthenticatedSocketsPerAddress: number };
  /** Whole months of the event log kept before the current one (docs/events.md, partitions); null: every month, forever. */
  ticketEventRetentionMonths: number | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Development-only secret so that `npm start` works out of the box; production refuses to start without one. */
export const DEVELOPMENT_AUTH_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

type Environment = Record<string, string | undefined>;

/** Typed readers of environment variables: an empty or missing one is the fallback, a bad one a problem. */
function environmentReaders(environment: Environment, problems: string[]) {
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = environment[name];
    if (value === undefined || value === '') return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name}="${value}" must be one of ${allowed.join(', ')}`);
    return fallback;
  };
  const integer = (name: string, fallback: number, minimum: number, maximum: number): number => {
    const value = environment[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < minimum || parsed > maximum) {
      problems.push(`${name}="${value}" must be a whole number from ${minimum} to ${maximum}`);
      return fallback;
    }
    return parsed;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const value = environment[name];
    if (value === undefined || value === '') return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    problems.push(`${name}="${value}" must be true or false`);
    return fallback;
  };
  return { oneOf, integer, boolean };
}

/** CORS_ORIGINS: comma-separated exact origins; a path, a wildcard or anything that is not an origin is a problem. */
function corsOriginsOf(value: string | undefined, problems: string[]): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    let parsed: string | null;
    try {
      parsed = new URL(origin).origin;
    } catch {
      parsed = null;
    }
    if (parsed !== origin || !/^https?:/.test(origin) || origin.includes('*'))
      problems.push(`CORS_ORIGINS: "${origin}" must be an exact origin such as https://console.example.com (scheme, host and port only)`);
  }
  return origins;
}

/** The token signing secret: required in production, a development default elsewhere, 32 characters at least. */
function authSecretOf(environment: Environment, isProduction: boolean, problems: string[]): string {
  const authSecret = environment.AUTH_SECRET ?? '';
  if (authSecret === '') {
    if (isProduction) problems.push('AUTH_SECRET is required in production (at least 32 characters)');
    return DEVELOPMENT_AUTH_SECRET;
  }
  if (authSecret.length < 32) problems.push('AUTH_SECRET must be at least 32 characters long');
  return authSecret;
}

/** The HTTP server's timeouts and what one remote address may hold open (docs/security.md, slow clients). */
function connectionSettings(integer: ReturnType<typeof environmentReaders>['integer']) {
  return {
    httpTimeouts: {
      headersTimeoutMs: integer('HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
      requestTimeoutMs: integer('HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
      keepAliveTimeoutMs: integer('HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
    },
    connectionsPerAddress: integer('HTTP_CONNECTIONS_PER_ADDRESS', 256, 1, 1_000_000),
  };
}

/** WEBHOOK_ALLOWED_PORTS: comma-separated TCP ports (1–65535) allowed besides 80 and 443. */
function webhookAllowedPortsOf(value: string | undefined, problems: string[]): number[] {
  const ports = (value ?? '')
    .split(',')
    .map((port) => port.trim())
    .filter((port) => port !== '');
  for (const port of ports) {
    if (!/^[0-9]{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)
      problems.push(`WEBHOOK_ALLOWED_PORTS: "${port}" must be a TCP port from 1 to 65535`);
  }
  return ports.filter((port) => /^[0-9]{1,5}$/.test(port)).map(Number);
}

const nullWhenNegative = (value: number): number | null => (value < 0 ? null : value);

export function loadConfig(environment: Environment = process.env): AppConfig {
  const problems: string[] = [];
  const { oneOf, integer, boolean } = environmentReaders(environment, problems);

  const nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const isProduction = nodeEnv === 'production';

  const databaseUrl = environment.DATABASE_URL || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const authSecret = authSecretOf(environment, isProduction, problems);

  const config: AppConfig = {
    nodeEnv,
    host: environment.HOST || '127.0.0.1',
    port: integer('PORT', 4000, 0, 65535),
    databaseUrl,
    dataDirectory: environment.DATA_DIR || '.data',
    embeddedPostgresPort: integer('EMBEDDED_POSTGRES_PORT', 5433, 1024, 65535),
    databasePoolSize: integer('DATABASE_POOL_SIZE', 10, 1, 200),
    authSecret,
    logLevel: oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    introspection: boolean('GRAPHQL_INTROSPECTION', !isProduction),
    graphqlIde: boolean('GRAPHQL_IDE', !isProduction),
    corsOrigins: corsOriginsOf(environment.CORS_ORIGINS, problems),
    // Demo data never lands in a production database unless asked for by name.
    loadDemoData: boolean('LOAD_DEMO_DATA', !isProduction),
    jwtMaximumLifetimeSeconds: integer('JWT_MAXIMUM_LIFETIME_SECONDS', 24 * 3600, 60, 30 * 24 * 3600),
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 8000, 100, 600000),
    shutdownGraceMs: integer('SHUTDOWN_GRACE_MS', 1000, 0, 60000),
    runWorker: boolean('RUN_WORKER', true),
    webhookAllowLoopback: boolean('WEBHOOK_ALLOW_LOOPBACK', false),
    webhookAllowedPorts: webhookAllowedPortsOf(environment.WEBHOOK_ALLOWED_PORTS, problems),
    ...connectionSettings(integer),
    workBudgets: {
      principalPointsPerMinute: integer('RATE_LIMIT_POINTS_PER_MINUTE', 50_000, 1, 1_000_000_000),
      anonymousPointsPerMinute: integer('RATE_LIMIT_ANONYMOUS_POINTS_PER_MINUTE', 1_000, 1, 1_000_000_000),
    },
    costWeights: {
      objectPoints: integer('COST_OBJECT_POINTS', 1, 0, 1000),
      mutationPoints: integer('COST_MUTATION_POINTS', 10, 0, 10_000),
    },
    webSocketLimits: {
      socketsPerPrincipal: integer('WEB_SOCKET_SOCKETS_PER_PRINCIPAL', 20, 1, 100_000),
      operationsPerPrincipal: integer('WEB_SOCKET_OPERATIONS_PER_PRINCIPAL', 100, 1, 1_000_000),
      unauthenticatedSocketsPerAddress: integer('WEB_SOCKET_UNAUTHENTICATED_SOCKETS_PER_ADDRESS', 20, 1, 1_000_000),
    },
    // -1 is never a valid setting: unset (the fallback) means keep forever.
    ticketEventRetentionMonths: nullWhenNegative(integer('TICKET_EVENT_RETENTION_MONTHS', -1, 0, 1200)),
  };
  if (isProduction && config.webhookAllowLoopback)
    problems.push('WEBHOOK_ALLOW_LOOPBACK must be false in production (webhooks reach public targets only)');
  // Node refuses a request timeout shorter than the headers timeout (the headers are part of the request).
  if (config.httpTimeouts.requestTimeoutMs < config.httpTimeouts.headersTimeoutMs)
    problems.push('HTTP_REQUEST_TIMEOUT_MS must be at least HTTP_HEADERS_TIMEOUT_MS');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
