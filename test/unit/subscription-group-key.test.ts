import { parse } from 'graphql';
import { Principal } from '../../src/auth/principal';
import { visibilityIdentityOf } from '../../src/auth/visibility-identity';
import { ApiKeyPermission, PrincipalRole } from '../../src/domain/enums';
import { canonicalJson, SubscriptionGroupKeyInput, subscriptionGroupKeyOf } from '../../src/events/subscription-group-key';

const WATCH = 'subscription Watch($filter: TicketEventSubscriptionFilter) { ticketEvents(filter: $filter) { sequence } }';

describe('visibilityIdentityOf', () => {
  it.each<[string, Principal, string]>([
    ['an agent', { role: PrincipalRole.AGENT, agentId: '7' }, 'platform-staff'],
    ['another agent', { role: PrincipalRole.AGENT, agentId: '8' }, 'platform-staff'],
    ['an admin', { role: PrincipalRole.ADMIN, adminId: '1' }, 'platform-staff'],
    ['a customer', { role: PrincipalRole.CUSTOMER, customerId: '12' }, 'customer:12'],
    ['a seller', { role: PrincipalRole.SELLER, sellerId: '3' }, 'seller:3'],
    ['a carrier', { role: PrincipalRole.CARRIER, carrierId: '3' }, 'carrier:3'],
    ['a platform API key', { role: PrincipalRole.INTEGRATION, apiKeyId: '5', sellerId: null, permissions: [] }, 'integration:platform'],
    [
      'another platform API key',
      { role: PrincipalRole.INTEGRATION, apiKeyId: '6', sellerId: null, permissions: [] },
      'integration:platform',
    ],
    // It reads callback numbers whole: never one execution with keys that read them masked.
    [
      "the notifier's platform key",
      { role: PrincipalRole.INTEGRATION, apiKeyId: '7', sellerId: null, permissions: [ApiKeyPermission.CALLBACK_PHONE_NUMBERS] },
      'integration:platform:callback-phone-numbers',
    ],
    ["a seller's API key", { role: PrincipalRole.INTEGRATION, apiKeyId: '5', sellerId: '3', permissions: [] }, 'integration:seller:3'],
  ])('%s', (_name, principal, identity) => {
    expect(visibilityIdentityOf(principal)).toBe(identity);
  });
});

describe('subscriptionGroupKeyOf', () => {
  const base: SubscriptionGroupKeyInput = {
    document: parse(WATCH),
    operationName: 'Watch',
    variableValues: { filter: { types: ['ESCALATED'], ticketId: 'VGlja2V0OjE' } },
    visibilityIdentity: 'platform-staff',
  };
  const key = subscriptionGroupKeyOf(base);

  it('is the same for the same text, operation, variables (in any key order) and identity', () => {
    expect(subscriptionGroupKeyOf({ ...base, document: parse(WATCH) })).toBe(key);
    expect(subscriptionGroupKeyOf({ ...base, variableValues: { filter: { ticketId: 'VGlja2V0OjE', types: ['ESCALATED'] } } })).toBe(key);
    expect(subscriptionGroupKeyOf({ ...base, variableValues: undefined })).toBe(subscriptionGroupKeyOf({ ...base, variableValues: {} }));
  });

  it.each<[string, Partial<SubscriptionGroupKeyInput>]>([
    ['another identity', { visibilityIdentity: 'integration:platform' }],
    ['another operation name', { operationName: 'Other' }],
    ['no operation name', { operationName: undefined }],
    ['other variables', { variableValues: { filter: { types: ['ESCALATED'] } } }],
    ['other list items', { variableValues: { filter: { types: ['ESCALATED', 'SLA_BREACHED'], ticketId: 'VGlja2V0OjE' } } }],
    ['another document', { document: parse(WATCH.replace('sequence', 'sequence type')) }],
  ])('differs for %s', (_name, change) => {
    expect(subscriptionGroupKeyOf({ ...base, ...change })).not.toBe(key);
  });

  it('writes objects with sorted keys and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});
