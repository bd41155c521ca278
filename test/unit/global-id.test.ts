import { fromGlobalId, MalformedGlobalIdError, toGlobalId } from '../../src/domain/global-id';

// Global ids: bigint identities for most types, text keys for teams and agents (issue #19, Build 4).

const encoded = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('global ids', () => {
  it.each([
    ['Ticket', '42'],
    ['ApiKey', '9223372036854775807'],
    ['WebhookDelivery', '1'],
    ['Team', 'account-security'],
    ['Team', 'guarantee-claims'],
    ['Agent', '7'],
    ['Agent', 'agent.example_1'],
  ] as const)('round-trips %s %s', (typeName, key) => {
    expect(fromGlobalId(toGlobalId(typeName, key))).toEqual({ typeName, id: key });
  });

  it.each([
    ['a bigint type with a text key', encoded('Ticket:payments')],
    ['a bigint beyond 2^63 - 1', encoded('ApiKey:9223372036854775808')],
    ['a zero id', encoded('WebhookEndpoint:0')],
    ['a text key with a slash', encoded('Team:a/b')],
    ['an empty text key', encoded('Team:')],
    ['a text key of 41 characters', encoded(`Agent:${'a'.repeat(41)}`)],
    ['an unknown type', encoded('Invoice:1')],
    ['no separator', encoded('Team')],
    ['characters outside base64url', 'not an id!'],
  ])('refuses %s', (_case, globalId) => {
    expect(() => fromGlobalId(globalId)).toThrow(MalformedGlobalIdError);
  });
});
