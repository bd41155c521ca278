import cors from 'cors';
import express from 'express';

// CORS for browser consoles served from other origins (CORS_ORIGINS, exact origins only). Preflights are answered
// here; Apollo's CSRF prevention still refuses every request a browser would send without a preflight.

/** Request headers a console may send: credentials, the request id and Apollo's CSRF-prevention headers. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];
/** Response headers a console may read. */
const EXPOSED_HEADERS = ['x-request-id', 'x-sql-statement-count', 'retry-after'];
/** Seconds a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Null without origins: no CORS headers at all, and a preflight is refused like any other bodiless request. */
export function corsForOrigins(origins: readonly string[]): express.RequestHandler | null {
  if (origins.length === 0) return null;
  return cors({
    origin: [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    // Bearer tokens and API keys travel in headers; cookies carry nothing here.
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
}
