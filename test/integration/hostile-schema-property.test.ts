import fc from 'fast-check';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isInterfaceType,
  isUnionType,
} from 'graphql';
import pino from 'pino';
import { PrincipalRole } from '../../src/domain/enums';
import { toGlobalId } from '../../src/domain/global-id';
import { getSchema } from '../../src/resolvers/schema';
import { RunningServer, startServer } from '../../src/server';
import { insertCarrier, insertCustomer, insertOrder, insertSeller, insertTicket } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { ANSWER_LEAKS } from '../support/answer-leaks';

// Issue #14, point 5, for every operation of the schema, not only those someone wrote a generator for: each
// query and mutation field with arguments gets variables generated from its argument types (strings with NUL
// bytes, lone surrogates and over-long text, ids of every type and shape, integers and floats out of range,
// dates out of range, unknown enum values, missing required fields, lists and objects where scalars belong),
// sent as an admin, an agent and a customer to a production instance. Every answer is a client error or a result:
// no 5xx, no INTERNAL_SERVER_ERROR, no stack, SQL or path. A new field is probed as soon as it is in the schema.

const SEED = 20261203;
const RUNS_PER_FIELD = 10;

const hostileString = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.string({
      unit: fc.oneof(
        fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\u202E', '"', '\\', '%', '_', "'", '\n'),
        fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      ),
      maxLength: 30,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '-1',
      '0',
      '1e309',
      'NaN',
      '99999999999999999999',
      '置き配',
      'T-000001',
      'tk_abc',
      'https://127.0.0.1/',
      'https://hooks.example.jp/x',
      '2026-11-20T10:00:00+09:00',
      '0000-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      'Asia/Tokyo',
      'Nope/Zone',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(10_001), 'あ'.repeat(2_001)) },
);
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -0),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

function idArbitrary(known: string[]): fc.Arbitrary<unknown> {
  const types = fc.constantFrom(
    'Ticket',
    'Order',
    'Carrier',
    'Seller',
    'Customer',
    'Message',
    'TicketEvent',
    'WebhookEndpoint',
    'ApiKey',
    'RoutingRule',
    'SlaPolicy',
    'BusinessCalendar',
    'Team',
    'Queue',
    'Nope',
    '',
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(types, fc.oneof(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String), hostileString))
        .map(([type, id]) => base64url(`${type}:${id}`)),
    },
    { weight: 1, arbitrary: hostileString },
  );
}

/** Values for a GraphQL input type: right most of the time, anything sometimes, null where it is not allowed. */
function valueOf(type: GraphQLInputType, ids: fc.Arbitrary<unknown>, depth: number): fc.Arbitrary<unknown> {
  const inner = (): fc.Arbitrary<unknown> => {
    const named = isNonNullType(type) ? type.ofType : type;
    if (isListType(named)) return fc.array(valueOf(named.ofType, ids, depth + 1), { maxLength: depth > 2 ? 1 : 4 });
    if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((value) => value.name), 'NOPE', 'null');
    if (isInputObjectType(named)) {
      if (depth > 3) return fc.constant({});
      const fields = Object.values(named.getFields());
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const field of fields) model[field.name] = valueOf(field.type, ids, depth + 1);
      return fc.record(model, { requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name) });
    }
    if (isScalarType(named)) {
      switch (named.name) {
        case 'ID':
          return ids;
        case 'Int':
          return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, 1, 100, 101, 2 ** 31 - 1, -(2 ** 31)));
        case 'Float':
          return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -1, 1e308, 0.5));
        case 'Boolean':
          return fc.boolean();
        case 'String':
          return hostileString;
        case 'DateTime':
          return fc.oneof(
            fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
            hostileString,
          );
        default:
          return anyValue;
      }
    }
    return anyValue;
  };
  return fc.oneof({ weight: 8, arbitrary: inner() }, { weight: 1, arbitrary: anyValue }, { weight: 1, arbitrary: fc.constant(null) });
}

/** The smallest selection of a field's type: `__typename`, or nothing for a scalar. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
}

interface Probe {
  query: string;
  variables: Record<string, unknown>;
  field: string;
}

function probesOf(schema: GraphQLSchema, ids: fc.Arbitrary<unknown>): Array<{ field: string; arbitrary: fc.Arbitrary<Probe> }> {
  const probes: Array<{ field: string; arbitrary: fc.Arbitrary<Probe> }> = [];
  for (const [operation, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (field.args.length === 0) continue;
      const declared = field.args.map((argument: GraphQLArgument) => `$${argument.name}: ${String(argument.type)}`).join(', ');
      const passed = field.args.map((argument: GraphQLArgument) => `${argument.name}: $${argument.name}`).join(', ');
      const query = `${operation}(${declared}) { ${field.name}(${passed})${selectionOf(field)} }`;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const argument of field.args) model[argument.name] = valueOf(argument.type, ids, 0);
      probes.push({
        field: `${operation}.${field.name}`,
        arbitrary: fc.record(model, { requiredKeys: [] }).map((variables) => ({ query, variables, field: `${operation}.${field.name}` })),
      });
    }
  }
  return probes;
}

describe('hostile input for every operation of the schema (issue #14, point 5)', () => {
  let app: TestApp;
  let production: RunningServer;
  let tokens: string[];
  let ids: fc.Arbitrary<unknown>;

  beforeAll(async () => {
    app = await createTestApp();
    production = await startServer({
      config: { ...app.config, nodeEnv: 'production', introspection: false },
      dataSource: app.dataSource,
      log: pino({ level: 'silent' }),
      rateLimits: { principalRequestsPerMinute: 1_000_000, anonymousRequestsPerMinute: 1_000_000 },
    });
    await insertCarrier(app.dataSource, 'YAMATO');
    const carrierId = await insertCarrier(app.dataSource);
    const sellerId = await insertSeller(app.dataSource);
    const customerId = await insertCustomer(app.dataSource);
    const { orderId } = await insertOrder(app.dataSource, { customerId, sellerId, carrierId });
    const ticketId = await insertTicket(app.dataSource, { customerId, orderId, sellerId });
    ids = idArbitrary([
      toGlobalId('Ticket', ticketId),
      toGlobalId('Order', orderId),
      toGlobalId('Carrier', carrierId),
      toGlobalId('Seller', sellerId),
      toGlobalId('Customer', customerId),
    ]);
    tokens = [
      await app.tokenFor({ role: PrincipalRole.ADMIN, adminId: '1' }),
      await app.agentToken(),
      await app.tokenFor({ role: PrincipalRole.CUSTOMER, customerId }),
      await app.tokenFor({ role: PrincipalRole.SELLER, sellerId }),
    ];
  });
  afterAll(async () => {
    await production.stop();
    await app.close();
  });

  it('answers generated variables for every query and mutation field with arguments with client errors only', async () => {
    const schema = await getSchema();
    const probes = probesOf(schema, ids);
    const failures: string[] = [];
    const tally = new Map<string, number>();
    let sent = 0;
    for (const [index, probe] of probes.entries()) {
      await fc.assert(
        fc.asyncProperty(probe.arbitrary, fc.nat({ max: tokens.length - 1 }), async (generated, caller) => {
          sent += 1;
          const body = JSON.stringify({ query: generated.query, variables: generated.variables });
          const response = await fetch(production.graphqlUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[caller]}` },
            body,
          });
          const text = await response.text();
          const key = `HTTP ${response.status}`;
          tally.set(key, (tally.get(key) ?? 0) + 1);
          const leak = ANSWER_LEAKS.find(([, pattern]) => pattern.test(text));
          if (response.status >= 500 || leak)
            failures.push(`${probe.field} → ${response.status} ${leak?.[0] ?? ''}: ${body.slice(0, 400)} ⇒ ${text.slice(0, 300)}`);
        }),
        { seed: SEED + index, numRuns: RUNS_PER_FIELD },
      );
    }
    console.log(
      `hostile input for every operation: ${probes.length} fields, ${sent} requests; ${[...tally].map(([key, count]) => `${key}: ${count}`).join(', ')}; ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    expect((await fetch(`${production.url}/readyz`)).status).toBe(200);
  });
});
