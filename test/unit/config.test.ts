import { ConfigError, DEVELOPMENT_AUTH_SECRET, loadConfig } from '../../src/config';

describe('loadConfig and AUTH_SECRET', () => {
  const productionSecret = 'a-production-secret-of-at-least-32-chars';

  it('refuses to start in production without AUTH_SECRET, and says why', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: '' })).toThrow(
      'AUTH_SECRET is required in production (at least 32 characters)',
    );
  });

  it('refuses a secret shorter than 32 characters in any mode', () => {
    for (const nodeEnv of ['production', 'development', 'test']) {
      expect(() => loadConfig({ NODE_ENV: nodeEnv, AUTH_SECRET: 'short' })).toThrow('AUTH_SECRET must be at least 32 characters long');
    }
  });

  it('uses the given secret in production, with introspection off unless asked for', () => {
    const config = loadConfig({ NODE_ENV: 'production', AUTH_SECRET: productionSecret });
    expect(config.authSecret).toBe(productionSecret);
    expect(config.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: productionSecret, GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('allows loopback webhook targets only when asked, and never in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: productionSecret }).webhookAllowLoopback).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).webhookAllowLoopback).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', WEBHOOK_ALLOW_LOOPBACK: 'true' }).webhookAllowLoopback).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: productionSecret, WEBHOOK_ALLOW_LOOPBACK: 'true' })).toThrow(
      'WEBHOOK_ALLOW_LOOPBACK must be false in production',
    );
  });

  it('falls back to the development secret outside production only', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).authSecret).toBe(DEVELOPMENT_AUTH_SECRET);
    expect(loadConfig({ NODE_ENV: 'development' }).introspection).toBe(true);
  });

  it('serves the GraphQL IDE outside production, and in production only when GRAPHQL_IDE=true', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).graphqlIde).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', GRAPHQL_IDE: 'false' }).graphqlIde).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: productionSecret }).graphqlIde).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: productionSecret, GRAPHQL_IDE: 'true' }).graphqlIde).toBe(true);
  });

  it.each([
    ['', []],
    ['https://console.example.com', ['https://console.example.com']],
    [' https://a.example.com , http://127.0.0.1:5173,', ['https://a.example.com', 'http://127.0.0.1:5173']],
  ])('reads CORS_ORIGINS %j as exact origins', (value, origins) => {
    expect(loadConfig({ NODE_ENV: 'development', CORS_ORIGINS: value }).corsOrigins).toEqual(origins);
  });

  it.each([
    '*',
    'https://console.example.com/',
    'https://console.example.com/app',
    'console.example.com',
    'ftp://files.example.com',
    'https://*.example.com',
  ])('refuses %j in CORS_ORIGINS, naming it', (origin) => {
    expect(() => loadConfig({ NODE_ENV: 'development', CORS_ORIGINS: `https://ok.example.com,${origin}` })).toThrow(
      `CORS_ORIGINS: "${origin}" must be an exact origin`,
    );
  });

  it('reads WEBHOOK_ALLOWED_PORTS as ports besides 80 and 443, and refuses what is not a port', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).webhookAllowedPorts).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'development', WEBHOOK_ALLOWED_PORTS: ' 8443, 9000,' }).webhookAllowedPorts).toEqual([8443, 9000]);
    for (const value of ['0', '65536', 'http', '80-90', '-1'])
      expect(() => loadConfig({ NODE_ENV: 'development', WEBHOOK_ALLOWED_PORTS: value })).toThrow('WEBHOOK_ALLOWED_PORTS');
  });

  it('reads the HTTP timeouts and the caps per address, with their defaults', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.httpTimeouts).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 });
    expect(config.connectionsPerAddress).toBe(256);
    expect(config.webSocketLimits.unauthenticatedSocketsPerAddress).toBe(20);
    expect(() => loadConfig({ NODE_ENV: 'development', HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' })).toThrow(
      'HTTP_REQUEST_TIMEOUT_MS must be at least HTTP_HEADERS_TIMEOUT_MS',
    );
    expect(() => loadConfig({ NODE_ENV: 'development', HTTP_CONNECTIONS_PER_ADDRESS: '0' })).toThrow('HTTP_CONNECTIONS_PER_ADDRESS');
  });
});
