// Which hosts and addresses a webhook may be delivered to (issue #14, point 3): public unicast only, so that a
// registered URL can never make this server reach its own machine, its private network or a cloud metadata
// service. Pure: DNS answers are passed in (src/webhooks/webhook-target.ts resolves them).
import ipaddr from 'ipaddr.js';

export interface WebhookTargetPolicy {
  /**
   * Local development and tests only (WEBHOOK_ALLOW_LOOPBACK; refused in production): 127.0.0.0/8, ::1, localhost,
   * on any port (a development receiver listens wherever it could).
   */
  allowLoopback: boolean;
  /** Ports allowed besides DEFAULT_WEBHOOK_PORTS (WEBHOOK_ALLOWED_PORTS); none when absent. */
  allowedPorts?: readonly number[];
}

export const PUBLIC_TARGETS_ONLY: WebhookTargetPolicy = { allowLoopback: false };

/**
 * The ports a webhook URL may name unless WEBHOOK_ALLOWED_PORTS adds others: the web's. Any other port of a
 * public host is refused, so that a URL cannot aim deliveries at the SMTP, database or admin service of a host
 * that also serves the web.
 */
export const DEFAULT_WEBHOOK_PORTS: readonly number[] = [80, 443];

/** The TCP port a parsed http(s) URL connects to: its explicit port, or its scheme's. */
function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.isValid(literal)) return ipaddr.process(literal).range() === 'loopback';
  return LOOPBACK_NAMES.test(host);
}

/**
 * Why a delivery may not go to the port of `url` (an http(s) URL), or null: 80 and 443, those of the policy, and
 * with loopback allowed any port of a loopback host. Checked at registration and before every attempt.
 */
export function webhookPortRefusal(url: URL, policy: WebhookTargetPolicy): string | null {
  const port = portOf(url);
  if (DEFAULT_WEBHOOK_PORTS.includes(port) || (policy.allowedPorts ?? []).includes(port)) return null;
  if (policy.allowLoopback && isLoopbackHost(url.hostname)) return null;
  const allowed = [...DEFAULT_WEBHOOK_PORTS, ...(policy.allowedPorts ?? [])].join(', ');
  return `port ${port} is not an allowed webhook port (allowed: ${allowed}; WEBHOOK_ALLOWED_PORTS adds others)`;
}

/**
 * Metadata and platform services that sit on otherwise public-looking or unusual addresses; the link-local
 * (169.254.169.254), CGNAT (100.100.100.200) and unique-local (fd00:ec2::254) ones are refused by range already
 * and listed so that the reason names them.
 */
const METADATA_ADDRESSES: ReadonlySet<string> = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack, DigitalOcean
  '169.254.170.2', // AWS ECS task metadata
  '168.63.129.16', // Azure wire server (a public address reachable only from inside Azure)
  '100.100.100.200', // Alibaba Cloud
  'fd00:ec2::254', // AWS over IPv6
]);

/** Host names that name this machine or a private zone whatever DNS says (RFC 6761, RFC 8375, GCP's metadata). */
const LOOPBACK_NAMES = /^(localhost|localhost\.localdomain|ip6-localhost|ip6-loopback)$|\.localhost$/;
const PRIVATE_ZONES = /(^|\.)(local|internal|home\.arpa|localdomain|intranet|lan)$/;

/** IPv6 outside 2000::/3 (global unicast) is never a webhook target: it holds ::/96, ::ffff:0:0/96 and friends. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parse('2000::');

/**
 * Why a delivery may not go to `address` (an IP literal in any spelling ipaddr.js reads: dotted, short `127.1`,
 * hex `0x7f000001`, decimal, octal, IPv4-mapped IPv6), or null when it is a public unicast address.
 */
export function webhookAddressRefusal(address: string, policy: WebhookTargetPolicy): string | null {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns ::ffff:a.b.c.d into the IPv4 address it carries, so mapped forms meet the IPv4 ranges.
    parsed = ipaddr.process(bare.replace(/%.*$/, ''));
  } catch {
    return `${bare.slice(0, 60)} is not an IP address`;
  }
  if (bare.includes('%')) return `${bare.slice(0, 60)} carries an interface zone (a link-local form)`;
  const canonical = parsed.toString();
  if (METADATA_ADDRESSES.has(canonical)) return `${canonical} is a cloud metadata address`;
  const range = parsed.range();
  if (range === 'loopback') return policy.allowLoopback ? null : `${canonical} is a loopback address`;
  if (range !== 'unicast') return `${canonical} is a ${describeRange(range)} address`;
  if (parsed.kind() === 'ipv6' && !(parsed as ipaddr.IPv6).match(GLOBAL_UNICAST_V6, 3))
    return `${canonical} is not a global unicast IPv6 address`;
  return null;
}

/**
 * Why a URL's host (URL.hostname: lower-case, IPv4 already normalised by WHATWG URL, IPv6 in brackets) may not
 * receive webhooks before any DNS look-up, or null. A name that passes is checked again on every delivery,
 * against each address it resolves to.
 */
export function webhookHostRefusal(hostname: string, policy: WebhookTargetPolicy): string | null {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  if (host === '') return 'url has no host';
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.isValid(literal)) return webhookAddressRefusal(literal, policy);
  if (LOOPBACK_NAMES.test(host)) return policy.allowLoopback ? null : `${host.slice(0, 60)} names this machine`;
  if (PRIVATE_ZONES.test(host) || !host.includes('.')) return `${host.slice(0, 60)} is a private or single-label name`;
  return null;
}

/** Every address a name resolved to must be allowed (one private answer among public ones refuses the name). */
export function resolvedAddressesRefusal(hostname: string, addresses: readonly string[], policy: WebhookTargetPolicy): string | null {
  if (addresses.length === 0) return `${hostname.slice(0, 60)} resolved to no address`;
  for (const address of addresses) {
    const refusal = webhookAddressRefusal(address, policy);
    if (refusal !== null) return `${hostname.slice(0, 60)} resolves to a refused address: ${refusal}`;
  }
  return null;
}

function describeRange(range: string): string {
  switch (range) {
    case 'private':
      return 'private';
    case 'uniqueLocal':
      return 'unique-local (private)';
    case 'linkLocal':
      return 'link-local';
    case 'carrierGradeNat':
      return 'carrier-grade NAT (CGNAT)';
    case 'multicast':
      return 'multicast';
    case 'broadcast':
      return 'broadcast';
    case 'unspecified':
      return 'unspecified';
    default:
      return `reserved (${range})`;
  }
}
