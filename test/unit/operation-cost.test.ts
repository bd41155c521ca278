import { getIntrospectionQuery, graphqlSync, GraphQLSchema, parse } from 'graphql';
import { operationCost } from '../../src/graphql/operation-cost';
import { getSchema } from '../../src/resolvers/schema';

// The cost formula of docs/security.md "Throttling by cost", with the default weights: 1 point per object,
// 10 per mutation field; a page multiplies what it selects by its size (20 when omitted, at most 100).
const weights = { objectPoints: 1, mutationPoints: 10 };

describe('operationCost', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await getSchema();
  });
  const costOf = (source: string, variables: Record<string, unknown> = {}, operationName?: string) =>
    operationCost({ schema, document: parse(source), operationName, variables, weights });

  const cases: Array<[string, string, Record<string, unknown>, number]> = [
    ['scalars only cost the minimum', '{ __typename }', {}, 1],
    ['one object', '{ me { role } }', {}, 1],
    ['a page of 9 with an object per edge', '{ tickets(first: 9) { edges { cursor } } }', {}, 10],
    ['an omitted page size counts 20', '{ tickets { edges { cursor } } }', {}, 21],
    ['a variable page size counts its value', 'query($n: Int) { tickets(first: $n) { edges { cursor } } }', { n: 5 }, 6],
    ['a missing variable counts its default', 'query($n: Int = 7) { tickets(first: $n) { edges { cursor } } }', {}, 8],
    ['a page size over 100 counts 100', '{ tickets(first: 1000) { edges { cursor } } }', {}, 101],
    [
      'nested pages multiply',
      '{ tickets(first: 10) { edges { node { messages(first: 5) { edges { cursor } } } } } }',
      {},
      1 + 10 * (1 + 1 + (1 + 5)),
    ],
    ['aliases count each', '{ a: me { role } b: me { role } c: me { role } }', {}, 3],
    ['inline fragments count their fields', '{ ... on Query { me { role } } }', {}, 1],
    [
      'a mutation field costs 10 plus its payload',
      'mutation { openTicket(input: { channel: EMAIL, subject: "s", body: "b" }) { ticket { id } } }',
      {},
      11,
    ],
    [
      '20 aliased mutation fields cost 20 times one',
      `mutation { ${Array.from({ length: 20 }, (_, i) => `m${i}: openTicket(input: { channel: EMAIL, subject: "s", body: "b" }) { ticket { id } }`).join(' ')} }`,
      {},
      220,
    ],
    ['a scalar mutation field costs 10', 'mutation { revokeApiKey(id: "x") { userErrors { code } } }', {}, 11],
    ['unknown fields cost nothing (validation refuses them)', '{ noSuchField { x } me { role } }', {}, 1],
    ['a count costs a full page of objects, whatever the page size', '{ tickets(first: 0) { totalCount } }', {}, 1 + 100],
    ['both count fields read one count', '{ tickets(first: 2) { totalCount totalCountIsLowerBound edges { cursor } } }', {}, 1 + 100 + 2],
    [
      'a nested count is charged for every object around it',
      '{ tickets(first: 10) { edges { node { messages(first: 0) { totalCount } } } } }',
      {},
      1 + 10 * (1 + 1 + (1 + 100)),
    ],
    [
      'a count asked through fragments is charged as well',
      '{ tickets(first: 0) { ...Counted } } fragment Counted on TicketConnection { ... on TicketConnection { totalCount } }',
      {},
      1 + 100,
    ],
  ];
  it.each(cases)('%s', (_name, source, variables, expected) => {
    expect(costOf(source, variables)).toBe(expected);
  });

  it('costs the operation that is named, and the minimum when the choice is ambiguous', () => {
    const source = 'query A { me { role } } query B { tickets(first: 3) { edges { cursor } } }';
    expect(costOf(source, {}, 'B')).toBe(4);
    expect(costOf(source)).toBe(1);
    expect(costOf(source, {}, 'C')).toBe(1);
  });

  it('measures each named fragment once: 60 levels of fragments spreading the previous one 12 times', () => {
    const levels = 60;
    const fragments = ['fragment F0 on Query { me { role } }'];
    for (let level = 1; level <= levels; level += 1)
      fragments.push(`fragment F${level} on Query { ${Array.from({ length: 12 }, () => `...F${level - 1}`).join(' ')} }`);
    // Each level multiplies by 12: 12^4 at level 4, beyond 2^53 at 60 (clamped); a walk of every spread would not end.
    expect(costOf(`{ ...F4 } ${fragments.join(' ')}`)).toBe(12 ** 4);
    expect(costOf(`{ ...F${levels} } ${fragments.join(' ')}`)).toBe(Number.MAX_SAFE_INTEGER);
    expect(
      costOf(
        `{ tickets(first: 10) { edges { node { ...T2 } } } } fragment T0 on Ticket { order { id } } fragment T1 on Ticket { ...T0 ...T0 } fragment T2 on Ticket { ...T1 ...T1 ...T1 }`,
      ),
    ).toBe(1 + 10 * (1 + 1 + 6));
  });

  // Introspection used to cost 1 point (its fields were not found in the schema's own fields): the standard
  // introspection query, whose answer holds thousands of objects, could be repeated 50,000 times a minute.
  it('costs introspection about what its answer holds: the standard query at least its objects, at most 4 times', () => {
    const objectsOf = (value: unknown): number =>
      Array.isArray(value)
        ? value.reduce((sum: number, item) => sum + objectsOf(item), 0)
        : value !== null && typeof value === 'object'
          ? 1 + Object.values(value).reduce((sum: number, item) => sum + objectsOf(item), 0)
          : 0;
    for (const source of [
      getIntrospectionQuery(),
      '{ __schema { types { name fields { name args { name } } } } }',
      '{ __schema { types { name enumValues { name } inputFields { name } } } }',
    ]) {
      const answer = graphqlSync({ schema, source });
      expect(answer.errors).toBeUndefined();
      const objects = objectsOf(answer.data) - 1; // the data object itself is no object of the answer's
      const cost = costOf(source);
      expect({ source: source.slice(0, 40), atLeast: cost >= objects, atMost: cost <= 4 * objects }).toEqual({
        source: source.slice(0, 40),
        atLeast: true,
        atMost: true,
      });
    }
    expect(costOf('{ __type(name: "Ticket") { name } }')).toBe(1);
    expect(costOf('{ __typename }')).toBe(1);
  });
});
