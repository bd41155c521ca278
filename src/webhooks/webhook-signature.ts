import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Standard Webhooks (https://www.standardwebhooks.com): the receiver checks
// `webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`, keyed with the
// base64-decoded part of the secret after `whsec_`.

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** Bytes of key material in a generated secret (Standard Webhooks accepts 24 to 64). */
const SECRET_BYTES = 32;
/** Seconds a receiver accepts between `webhook-timestamp` and its clock, against replays. */
export const DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 300;

export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) throw new Error(`A webhook secret starts with ${WEBHOOK_SECRET_PREFIX}`);
  return Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), 'base64');
}

/** The `webhook-signature` header value for one message. */
export function signWebhookMessage(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const digest = createHmac('sha256', keyOf(secret)).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${digest}`;
}

export interface WebhookHeaders {
  id: string;
  timestamp: string;
  /** Space-separated `v1,<base64>` signatures (several while a secret is rotated). */
  signature: string;
}

/** What a receiver runs: the timestamp is recent and one of the `v1` signatures matches, compared in constant time. */
export function verifyWebhookSignature(
  secret: string,
  headers: WebhookHeaders,
  body: string,
  nowSeconds: number,
  toleranceSeconds: number = DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!/^[0-9]{1,12}$/.test(headers.timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhookMessage(secret, headers.id, timestamp, body).slice('v1,'.length), 'base64');
  return headers.signature.split(' ').some((candidate) => {
    const [version, signature] = candidate.split(',', 2);
    if (version !== 'v1' || signature === undefined) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
