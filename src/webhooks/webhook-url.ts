import { webhookHostRefusal, webhookPortRefusal, WebhookTargetPolicy } from '../rules/webhook-target.rule';

/** Characters of a webhook URL at most (the column's check says the same). */
export const MAXIMUM_WEBHOOK_URL_CHARACTERS = 2000;

/**
 * Why `url` cannot receive webhooks, or null when it can: an absolute http(s) URL without credentials or
 * fragment, whose host is not a loopback, private, link-local, metadata or otherwise non-public address or name
 * on an allowed port (80, 443, WEBHOOK_ALLOWED_PORTS; src/rules/webhook-target.rule.ts); https only in production, where deliveries carry customers' ticket data.
 */
export function webhookUrlProblem(url: string, options: { requireHttps: boolean; policy: WebhookTargetPolicy }): string | null {
  if (url.length === 0 || url.length > MAXIMUM_WEBHOOK_URL_CHARACTERS) return `url must be 1–${MAXIMUM_WEBHOOK_URL_CHARACTERS} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url is not an absolute URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'url must be http(s)';
  if (options.requireHttps && parsed.protocol !== 'https:') return 'url must be https';
  if (parsed.username !== '' || parsed.password !== '')
    return 'url must not carry credentials; verify the webhook-signature header instead';
  if (parsed.hash !== '') return 'url must not have a fragment';
  const hostRefusal = webhookHostRefusal(parsed.hostname, options.policy);
  if (hostRefusal !== null) return `url must name a public host: ${hostRefusal}`;
  const portRefusal = webhookPortRefusal(parsed, options.policy);
  if (portRefusal !== null) return `url must name an allowed port: ${portRefusal}`;
  return null;
}
