/** Seconds a receiver has to answer an attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Same-origin 307/308 redirects followed at most; any other redirect fails the attempt. */
const MAXIMUM_REDIRECTS = 3;
/** Characters of a failing receiver's answer kept in `lastError`. */
const KEPT_RESPONSE_CHARACTERS = 300;

/** The worker is shutting down: the attempt was abandoned and is not one of the delivery's attempts. */
export class WebhookAttemptInterruptedError extends Error {}

export type WebhookAttemptResult =
  | { delivered: true; statusCode: number }
  | { delivered: false; statusCode: number | null; error: string };

/**
 * POSTs one signed message. 2xx is delivered; anything else (status, timeout, refused connection, redirect to
 * another origin) is a failed attempt with its reason. Redirects are followed only within the URL's own origin
 * (scheme, host and port) and only when they keep the method and body (307, 308): a delivery never goes to a
 * host that was not registered. `interruption` (the worker's shutdown) abandons the attempt with
 * WebhookAttemptInterruptedError.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs?: number; interruption?: AbortSignal } = {},
): Promise<WebhookAttemptResult> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.interruption ? AbortSignal.any([timeout, options.interruption]) : timeout;
  let target = new URL(url);
  try {
    for (let redirects = 0; ; redirects += 1) {
      const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, redirect: 'manual', signal });
      if (response.status >= 200 && response.status < 300) {
        await response.body?.cancel();
        return { delivered: true, statusCode: response.status };
      }
      const location = response.headers.get('location');
      if ((response.status === 307 || response.status === 308) && location !== null && redirects < MAXIMUM_REDIRECTS) {
        await response.body?.cancel();
        const next = new URL(location, target);
        if (next.origin !== target.origin) return { delivered: false, statusCode: response.status, error: `Redirect to another origin (${next.origin}) not followed` };
        target = next;
        continue;
      }
      const answer = await beginningOf(response);
      return { delivered: false, statusCode: response.status, error: `HTTP ${response.status}${answer ? `: ${answer}` : ''}` };
    }
  } catch (error) {
    if (options.interruption?.aborted) throw new WebhookAttemptInterruptedError('The worker is shutting down; the attempt was abandoned');
    if (timeout.aborted) return { delivered: false, statusCode: null, error: `No answer within ${timeoutMs / 1000} s` };
    return { delivered: false, statusCode: null, error: describeNetworkError(error) };
  }
}

/** The start of a failing receiver's answer; the rest is never read (it may be large). */
async function beginningOf(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    while (bytes < KEPT_RESPONSE_CHARACTERS) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, KEPT_RESPONSE_CHARACTERS).trim();
}

/**
 * fetch's errors put the reason (ECONNREFUSED, ENOTFOUND, …) in `cause`. Read by shape, not `instanceof`: the
 * errors may come from another realm (undici's internals, test sandboxes).
 */
function describeNetworkError(error: unknown): string {
  const message = fieldOf(error, 'message') ?? String(error);
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
  const reason = fieldOf(cause, 'code') ?? fieldOf(cause, 'message');
  return reason ? `${message}: ${reason}` : message;
}

function fieldOf(value: unknown, field: 'message' | 'code'): string | undefined {
  if (typeof value !== 'object' || value === null || !(field in value)) return undefined;
  const found = (value as Record<string, unknown>)[field];
  return typeof found === 'string' ? found : undefined;
}
