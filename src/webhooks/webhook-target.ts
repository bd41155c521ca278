import { lookup as dnsLookup } from 'node:dns';
import { isIP, LookupFunction } from 'node:net';
import { resolvedAddressesRefusal, WebhookTargetPolicy } from '../rules/webhook-target.rule';

/** A look-up whose answer is not a public address: the connection is never opened. */
export class WebhookTargetRefusedError extends Error {
  readonly code = 'WEBHOOK_TARGET_REFUSED';
}

/**
 * A `lookup` for node:http(s) that resolves every address of the name and refuses the connection unless all of
 * them are allowed, then connects to the addresses it checked (no second look-up: a DNS answer that changes
 * between the check and the connection — rebinding — cannot slip a private address in). Node calls it for
 * names only; IP literals are checked before the request (webhookHostRefusal).
 */
export function guardedLookup(policy: WebhookTargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0, hints: options.hints }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const refusal = resolvedAddressesRefusal(
        hostname,
        addresses.map((entry) => entry.address),
        policy,
      );
      if (refusal !== null) {
        callback(new WebhookTargetRefusedError(refusal), '', 0);
        return;
      }
      if (options.all)
        (callback as unknown as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** Registration: the addresses a name resolves to now, or null when it does not resolve (checked again at delivery). */
export async function resolveAllAddresses(hostname: string): Promise<string[] | null> {
  if (isIP(hostname.replace(/^\[(.*)\]$/, '$1'))) return [hostname.replace(/^\[(.*)\]$/, '$1')];
  return new Promise((resolve) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => resolve(error ? null : addresses.map((entry) => entry.address)));
  });
}
