import {
  resolvedAddressesRefusal,
  webhookAddressRefusal,
  webhookHostRefusal,
  webhookPortRefusal,
} from '../../src/rules/webhook-target.rule';
import { webhookUrlProblem } from '../../src/webhooks/webhook-url';

const PUBLIC_ONLY = { allowLoopback: false };
const LOOPBACK_ALLOWED = { allowLoopback: true };

// Every spelling of a non-public target that WHATWG URL or a resolver can produce (issue #14, point 3). Each is
// refused at registration in production, whatever the loopback setting says about the loopback ones.
const REFUSED_URLS: Array<[url: string, loopback: boolean, reason: RegExp]> = [
  ['http://127.0.0.1/', true, /loopback/],
  ['https://127.0.0.1/', true, /loopback/],
  ['http://127.1/', true, /loopback/],
  ['http://127.0.1/', true, /loopback/],
  ['http://0x7f000001/', true, /loopback/],
  ['http://0x7f.0.0.1/', true, /loopback/],
  ['http://2130706433/', true, /loopback/],
  ['http://017700000001/', true, /loopback/],
  ['http://0177.0.0.01/', true, /loopback/],
  ['http://127.255.255.254:8080/x', true, /loopback/],
  ['http://[::1]/', true, /loopback/],
  ['http://[0:0:0:0:0:0:0:1]/', true, /loopback/],
  ['http://[::ffff:127.0.0.1]/', true, /loopback/],
  ['http://[::ffff:7f00:1]/', true, /loopback/],
  ['http://[0:0:0:0:0:ffff:127.0.0.1]/', true, /loopback/],
  ['http://localhost/', true, /names this machine/],
  ['http://LOCALHOST./', true, /names this machine/],
  ['http://api.localhost/', true, /names this machine/],
  ['http://0.0.0.0/', false, /unspecified/],
  ['http://0/', false, /unspecified/],
  ['http://[::]/', false, /unspecified/],
  ['http://10.1.2.3/', false, /private/],
  ['http://172.16.0.1/', false, /private/],
  ['http://172.31.255.255/', false, /private/],
  ['http://192.168.1.1/', false, /private/],
  ['http://[::ffff:10.0.0.1]/', false, /private/],
  ['http://[::ffff:a00:1]/', false, /private/],
  ['http://[fd00::1]/', false, /unique-local/],
  ['http://[fc00::1]/', false, /unique-local/],
  ['http://169.254.169.254/latest/meta-data/', false, /metadata/],
  ['http://0xa9fea9fe/', false, /metadata/],
  ['http://[::ffff:169.254.169.254]/', false, /metadata/],
  ['http://169.254.170.2/', false, /metadata/],
  ['http://168.63.129.16/', false, /metadata/],
  ['http://100.100.100.200/', false, /metadata/],
  ['http://[fd00:ec2::254]/', false, /metadata/],
  ['http://169.254.1.1/', false, /link-local/],
  ['http://[fe80::1]/', false, /link-local/],
  ['http://100.64.0.1/', false, /CGNAT/],
  ['http://100.127.255.254/', false, /CGNAT/],
  ['http://224.0.0.1/', false, /multicast/],
  ['http://239.255.255.250/', false, /multicast/],
  ['http://[ff02::1]/', false, /multicast/],
  ['http://255.255.255.255/', false, /broadcast/],
  ['http://240.0.0.1/', false, /reserved/],
  ['http://192.0.2.1/', false, /reserved/],
  ['http://198.18.0.1/', false, /reserved/],
  ['http://[64:ff9b::a00:1]/', false, /reserved/],
  ['http://[2002:7f00:1::]/', false, /reserved/],
  ['http://[2001::1]/', false, /reserved/],
  ['http://[::7f00:1]/', false, /not a global unicast/],
  ['http://[2001:db8::1]/', false, /reserved/],
  // Spellings beyond the examples: a trailing dot, full-width digits (WHATWG URL maps them), short octal,
  // local-use NAT64, deprecated site-local, other unique-local, 6to4 relay anycast, AS112, SIIT, discard, Teredo.
  ['http://127.0.0.1./', true, /loopback/],
  ['http://\uff11\uff12\uff17\uff0e\uff10\uff0e\uff10\uff0e\uff11/', true, /loopback/],
  ['http://0177.1/', true, /loopback/],
  ['http://[64:ff9b:1::a00:1]/', false, /reserved/],
  ['http://[fec0::1]/', false, /reserved/],
  ['http://[fd12:3456::1]/', false, /unique-local/],
  ['http://192.88.99.1/', false, /reserved/],
  ['http://192.31.196.1/', false, /reserved/],
  ['http://[::ffff:0:127.0.0.1]/', false, /reserved/],
  ['http://[100::1]/', false, /reserved/],
  ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', false, /reserved/],
  ['http://192.0.0.8/', false, /reserved/],
  ['http://metadata.google.internal/computeMetadata/v1/', false, /private or single-label/],
  ['http://printer.local/', false, /private or single-label/],
  ['http://router.home.arpa/', false, /private or single-label/],
  ['http://intranet/', false, /private or single-label/],
];

describe('webhook targets: public addresses only', () => {
  it.each(REFUSED_URLS)('%s is refused (a loopback form: %s)', (url, isLoopback, reason) => {
    expect(webhookUrlProblem(url, { requireHttps: false, policy: PUBLIC_ONLY })).toMatch(reason);
    expect(webhookUrlProblem(url, { requireHttps: false, policy: LOOPBACK_ALLOWED }) === null).toBe(isLoopback);
  });

  it.each([
    'https://hooks.example.jp/tickets',
    'https://8.8.8.8/',
    'https://[2606:4700:4700::1111]/hooks',
    'https://93.184.215.14:443/x',
    'https://93.184.215.14:80/x',
    'https://hooks.example.jp:80/x',
    'https://172.32.0.1/',
    'https://100.128.0.1/',
  ])('%s is accepted', (url) => {
    expect(webhookUrlProblem(url, { requireHttps: true, policy: PUBLIC_ONLY })).toBeNull();
  });

  it.each([
    ['127.0.0.1', /loopback/],
    ['::ffff:127.0.0.1', /loopback/],
    ['fe80::1%eth0', /interface zone/],
    ['not-an-address', /not an IP address/],
  ])('address %s as a resolver answers it is refused', (address, reason) => {
    expect(webhookAddressRefusal(address, PUBLIC_ONLY)).toMatch(reason);
  });

  it('refuses a name when any one of its addresses is not public (round-robin with a private answer)', () => {
    expect(resolvedAddressesRefusal('hooks.example.jp', ['93.184.215.14', '10.0.0.5'], PUBLIC_ONLY)).toMatch(
      /10\.0\.0\.5 is a private address/,
    );
    expect(resolvedAddressesRefusal('hooks.example.jp', ['93.184.215.14', '2606:4700::1111'], PUBLIC_ONLY)).toBeNull();
    expect(resolvedAddressesRefusal('hooks.example.jp', [], PUBLIC_ONLY)).toMatch(/no address/);
    expect(resolvedAddressesRefusal('dev.example.jp', ['127.0.0.1'], LOOPBACK_ALLOWED)).toBeNull();
  });

  it('allows loopback alone when loopback is allowed: private and metadata stay refused', () => {
    expect(webhookHostRefusal('10.0.0.1', LOOPBACK_ALLOWED)).toMatch(/private/);
    expect(webhookHostRefusal('169.254.169.254', LOOPBACK_ALLOWED)).toMatch(/metadata/);
    expect(webhookHostRefusal('localhost', LOOPBACK_ALLOWED)).toBeNull();
  });
});

// Ports: 80 and 443 only, plus WEBHOOK_ALLOWED_PORTS; with loopback allowed (development, tests) any port of a
// loopback host, whose receivers listen wherever they can.
describe('webhook targets: allowed ports', () => {
  const PORT_8443_ALLOWED = { allowLoopback: false, allowedPorts: [8443] };
  it.each([
    ['https://hooks.example.jp/', PUBLIC_ONLY, null],
    ['http://hooks.example.jp/', PUBLIC_ONLY, null],
    ['https://hooks.example.jp:443/', PUBLIC_ONLY, null],
    ['https://hooks.example.jp:80/', PUBLIC_ONLY, null],
    ['http://hooks.example.jp:443/', PUBLIC_ONLY, null],
    ['https://hooks.example.jp:8443/', PUBLIC_ONLY, /port 8443 is not an allowed webhook port \(allowed: 80, 443;/],
    ['https://hooks.example.jp:22/', PUBLIC_ONLY, /port 22 is not an allowed/],
    ['http://hooks.example.jp:25/', PUBLIC_ONLY, /port 25 is not an allowed/],
    ['http://93.184.215.14:6379/', PUBLIC_ONLY, /port 6379 is not an allowed/],
    ['https://[2606:4700:4700::1111]:5432/', PUBLIC_ONLY, /port 5432 is not an allowed/],
    ['https://hooks.example.jp:8443/', PORT_8443_ALLOWED, null],
    ['https://hooks.example.jp:8080/', PORT_8443_ALLOWED, /port 8080 is not an allowed webhook port \(allowed: 80, 443, 8443;/],
    ['http://127.0.0.1:39123/', LOOPBACK_ALLOWED, null],
    ['http://localhost:39123/', LOOPBACK_ALLOWED, null],
    ['http://[::1]:39123/', LOOPBACK_ALLOWED, null],
    ['http://127.0.0.1:39123/', PUBLIC_ONLY, /port 39123 is not an allowed/],
    // Loopback allowed opens no port of a public host.
    ['https://hooks.example.jp:39123/', LOOPBACK_ALLOWED, /port 39123 is not an allowed/],
  ])('%s under %j', (url, policy, expected) => {
    const refusal = webhookPortRefusal(new URL(url), policy);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });

  it('refuses a disallowed port at registration with its reason', () => {
    expect(webhookUrlProblem('https://hooks.example.jp:8443/x', { requireHttps: true, policy: PUBLIC_ONLY })).toMatch(
      /^url must name an allowed port: port 8443/,
    );
    expect(webhookUrlProblem('https://hooks.example.jp:8443/x', { requireHttps: true, policy: PORT_8443_ALLOWED })).toBeNull();
  });
});
