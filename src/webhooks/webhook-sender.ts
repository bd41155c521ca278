import { request as httpRequest, STATUS_CODES } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { PUBLIC_TARGETS_ONLY, webhookHostRefusal, webhookPortRefusal, WebhookTargetPolicy } from '../rules/webhook-target.rule';
import { guardedLookup, WebhookTargetRefusedError } from './webhook-target';

/** Milliseconds a receiver has to answer an attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** The worker is shutting down: the attempt was abandoned and is not one of the delivery's attempts. */
export class WebhookAttemptInterruptedError extends Error {}

export type WebhookAttemptResult = { delivered: true; statusCode: number } | { delivered: false; statusCode: number | null; error: string };

export interface PostWebhookOptions {
  timeoutMs?: number;
  interruption?: AbortSignal;
  /** Which addresses may be reached; public unicast only unless loopback is allowed for development. */
  policy?: WebhookTargetPolicy;
}

/**
 * POSTs one signed message. 2xx is delivered; anything else is a failed attempt with a short reason of ours —
 * the status and its standard text, or the network error's code — never the receiver's body, which is not read
 * (an internal service's answer must not be echoed through `lastError`). The target must be public: an IP
 * literal and the port are checked here, a name at connection time against every address it resolves to (guardedLookup).
 * Redirects are refused, not followed: a delivery goes to the registered URL only. `interruption` (the
 * worker's shutdown) abandons the attempt with WebhookAttemptInterruptedError.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: PostWebhookOptions = {},
): Promise<WebhookAttemptResult> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const policy = options.policy ?? PUBLIC_TARGETS_ONLY;
  const target = new URL(url);
  const refusal = webhookHostRefusal(target.hostname, policy) ?? webhookPortRefusal(target, policy);
  if (refusal !== null) return { delivered: false, statusCode: null, error: `Target refused: ${refusal}` };
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.interruption ? AbortSignal.any([timeout, options.interruption]) : timeout;
  try {
    const statusCode = await send(
      target,
      { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
      body,
      signal,
      policy,
    );
    return resultOfStatus(statusCode);
  } catch (error) {
    if (options.interruption?.aborted) throw new WebhookAttemptInterruptedError('The worker is shutting down; the attempt was abandoned');
    if (timeout.aborted) return { delivered: false, statusCode: null, error: `No answer within ${timeoutMs / 1000} s` };
    if (error instanceof WebhookTargetRefusedError)
      return { delivered: false, statusCode: null, error: `Target refused: ${error.message}` };
    return { delivered: false, statusCode: null, error: describeNetworkError(error) };
  }
}

/** 2xx is delivered; a redirect is refused; anything else fails with the status and its standard text. */
function resultOfStatus(statusCode: number): WebhookAttemptResult {
  if (statusCode >= 200 && statusCode < 300) return { delivered: true, statusCode };
  const reason =
    statusCode >= 300 && statusCode < 400
      ? 'redirect refused (deliveries go to the registered URL only)'
      : (STATUS_CODES[statusCode] ?? 'unexpected status');
  return { delivered: false, statusCode, error: `HTTP ${statusCode}: ${reason}` };
}

/** The status of the answer; its body is drained unread. A fresh connection per attempt (no pooled socket). */
function send(
  target: URL,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  policy: WebhookTargetPolicy,
): Promise<number> {
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(target, { method: 'POST', headers, signal, agent: false, lookup: guardedLookup(policy) }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Our words for a failed connection: the error's code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, …) only. */
function describeNetworkError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;
  switch (code) {
    case 'ECONNREFUSED':
      return 'Connection refused (ECONNREFUSED)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Host name did not resolve (${code})`;
    case 'ECONNRESET':
      return 'Connection reset before an answer (ECONNRESET)';
    case null:
      return 'Connection failed';
    default:
      return `Connection failed (${code.slice(0, 40)})`;
  }
}
