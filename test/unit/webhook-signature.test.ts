import { generateWebhookSecret, signWebhookMessage, verifyWebhookSignature } from '../../src/webhooks/webhook-signature';
import { webhookMessageOf } from '../../src/webhooks/webhook-message';
import { WebhookSecretBox } from '../../src/webhooks/webhook-secret-box';
import { webhookUrlProblem } from '../../src/webhooks/webhook-url';
import { ActorRole, TicketEventType } from '../../src/domain/enums';

// The Standard Webhooks specification's published test vector: matching it means any of that specification's
// libraries verifies our deliveries.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('Standard Webhooks signatures', () => {
  const headers = (signature: string, timestamp = String(VECTOR.timestamp)) => ({ id: VECTOR.id, timestamp, signature });

  it("reproduces the specification's reference signature", () => {
    expect(signWebhookMessage(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('verifies a matching signature within the timestamp tolerance, also among several (secret rotation)', () => {
    expect(verifyWebhookSignature(VECTOR.secret, headers(VECTOR.signature), VECTOR.body, VECTOR.timestamp + 299)).toBe(true);
    expect(
      verifyWebhookSignature(VECTOR.secret, headers(`v1,bm90LXRoZS1zaWduYXR1cmU= ${VECTOR.signature}`), VECTOR.body, VECTOR.timestamp),
    ).toBe(true);
  });

  it.each([
    ['a changed body', VECTOR.signature, '{"test": 2432232315}', VECTOR.timestamp],
    ['another version', VECTOR.signature.replace('v1,', 'v2,'), VECTOR.body, VECTOR.timestamp],
    ['a truncated signature', VECTOR.signature.slice(0, -4), VECTOR.body, VECTOR.timestamp],
    ['a timestamp more than 5 minutes old', VECTOR.signature, VECTOR.body, VECTOR.timestamp + 301],
    ['a timestamp from the future', VECTOR.signature, VECTOR.body, VECTOR.timestamp - 301],
  ])('refuses %s', (_case, signature, body, now) => {
    expect(verifyWebhookSignature(VECTOR.secret, headers(signature), body, now)).toBe(false);
  });

  it('refuses a signature made with another secret, and a malformed timestamp', () => {
    const other = generateWebhookSecret();
    expect(verifyWebhookSignature(other, headers(VECTOR.signature), VECTOR.body, VECTOR.timestamp)).toBe(false);
    expect(verifyWebhookSignature(VECTOR.secret, headers(VECTOR.signature, '1614265330.0'), VECTOR.body, VECTOR.timestamp)).toBe(false);
  });

  it('generates whsec_ secrets of 32 random bytes, and signs with their decoded bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
    const signature = signWebhookMessage(secret, 'id', 1, 'body');
    expect(verifyWebhookSignature(secret, { id: 'id', timestamp: '1', signature }, 'body', 1)).toBe(true);
  });

  it('builds one message per event: the event id as webhook-id, the event in data', () => {
    const createdAt = new Date('2026-11-20T01:00:00.000Z');
    const message = webhookMessageOf({
      sequence: '42',
      ticketId: '7',
      type: TicketEventType.TICKET_SOLVED,
      actorRole: ActorRole.SELLER,
      payload: { resolution: 'REFUND' },
      createdAt,
    });
    expect(message.id).toBe(Buffer.from('TicketEvent:42').toString('base64url'));
    expect(JSON.parse(message.body)).toEqual({
      type: 'TICKET_SOLVED',
      timestamp: '2026-11-20T01:00:00.000Z',
      data: {
        id: message.id,
        sequence: '42',
        type: 'TICKET_SOLVED',
        ticketId: Buffer.from('Ticket:7').toString('base64url'),
        actorRole: ActorRole.SELLER,
        createdAt: '2026-11-20T01:00:00.000Z',
        payload: { resolution: 'REFUND' },
      },
    });
  });
});

describe('webhook secrets at rest', () => {
  it('seals and opens with a key derived from AUTH_SECRET, and opens nothing with another', () => {
    const box = new WebhookSecretBox('a'.repeat(40));
    const sealed = box.seal('whsec_c2VjcmV0');
    expect(sealed.toString('latin1')).not.toContain('whsec_');
    expect(box.open(sealed)).toBe('whsec_c2VjcmV0');
    expect(box.seal('whsec_c2VjcmV0').equals(sealed)).toBe(false);
    expect(new WebhookSecretBox('b'.repeat(40)).open(sealed)).toBeNull();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(box.open(tampered)).toBeNull();
  });
});

describe('webhook URLs', () => {
  it.each([
    ['http://127.0.0.1:8080/hooks', false, null],
    ['http://10.0.0.8/hooks', false, 'url must name a public host: 10.0.0.8 is a private address'],
    ['https://hooks.example.jp/tickets?shop=1', true, null],
    ['http://hooks.example.jp/tickets', true, 'url must be https'],
    ['ftp://hooks.example.jp/', false, 'url must be http(s)'],
    ['/relative/path', false, 'url is not an absolute URL'],
    ['https://user:secret@hooks.example.jp/', false, 'url must not carry credentials; verify the webhook-signature header instead'],
    ['https://hooks.example.jp/#fragment', false, 'url must not have a fragment'],
    [`https://hooks.example.jp/${'a'.repeat(2000)}`, false, 'url must be 1–2000 characters'],
  ])('%s (https required: %s; loopback allowed, as in development) → %s', (url, requireHttps, problem) => {
    expect(webhookUrlProblem(url, { requireHttps, policy: { allowLoopback: true } })).toBe(problem);
  });
});
