import { GraphQLSchema } from 'graphql';
import { createGraphQLArmor } from '../../src/graphql/armor';
import { GRAPHQL_LIMITS } from '../../src/graphql/graphql-limits';
import { getSchema } from '../../src/resolvers/schema';

describe('GraphQL limits of the WebSocket path', () => {
  let schema: GraphQLSchema;
  const armor = createGraphQLArmor({ blockFieldSuggestions: true, introspection: false });
  const messagesOf = (source: string) => armor.checkDocument(schema, source).errors.map((error) => error.message);

  beforeAll(async () => {
    schema = await getSchema();
  });

  it('accepts an ordinary page of tickets with their last messages', () => {
    expect(
      messagesOf(
        `query($first: Int) { tickets(first: $first) { edges { node { id subject messages(first: 3) { edges { node { body } } } } } } }`,
      ),
    ).toEqual([]);
  });

  it('counts objects through fragments, inline fragments, variables and omitted page sizes', () => {
    // 100 tickets (variable) + 100 × 100 tickets of their orders (variable) + 100 × 100 × 20 messages (omitted).
    const source = `
      query($first: Int) { tickets(first: $first) { edges { node { ...OrderTickets } } } }
      fragment OrderTickets on Ticket { order { ... on Order { tickets(first: $first) { edges { node { messages { edges { node { body } } } } } } } } }`;
    expect(messagesOf(source)).toContainEqual(
      expect.stringMatching(`^Query may return up to 210100 objects; at most ${GRAPHQL_LIMITS.maxNodes} are served`),
    );
  });

  it('refuses depth, aliases, directives and tokens over their limits', () => {
    expect(messagesOf(`{ ticket(id: "x") { ${'followUpOf { '.repeat(20)}id${' }'.repeat(20)} } }`)).toContain(
      `Query depth limit of ${GRAPHQL_LIMITS.maxDepth} exceeded, found 22.`,
    );
    expect(messagesOf(`{ ${Array.from({ length: 21 }, (_, index) => `a${index}: me { role }`).join(' ')} }`)).toContain(
      `Aliases limit of ${GRAPHQL_LIMITS.maxAliases} exceeded, found 21.`,
    );
    expect(messagesOf(`{ me { role ${'@skip(if: false) '.repeat(11)} } }`)).toContain(
      `Directives limit of ${GRAPHQL_LIMITS.maxDirectives} exceeded, found 11.`,
    );
    expect(messagesOf(`{ me { ${'role '.repeat(GRAPHQL_LIMITS.maxTokens)} } }`)).toEqual([
      `Syntax Error: Document contains more than ${GRAPHQL_LIMITS.maxTokens} tokens. Parsing refused.`,
    ]);
  });

  /** Fragment F<levels> spreads F<levels-1> `fanOut` times, and so on down to F0: 12^12 spreads in ~1 KB. */
  const fragmentBomb = (levels: number, fanOut: number, type: string, leaf: string, wrap = (spreads: string) => spreads) => {
    const fragments = [`fragment F0 on ${type} { ${leaf} }`];
    for (let level = 1; level <= levels; level += 1)
      fragments.push(`fragment F${level} on ${type} { ${wrap(`...F${level - 1} `.repeat(fanOut))} }`);
    return fragments;
  };

  it('measures each fragment once: the nested-fragment bomb is refused with the depth it reaches', () => {
    const source = `query { me { ...F12 } } ${fragmentBomb(12, 12, 'Me', 'role').join(' ')}`;
    expect(source.length).toBeLessThan(1300);
    // 12^12 spreads of `role`: armor's cost (which also remembers each fragment) says so, and each spread nests.
    expect(messagesOf(source)).toEqual([
      expect.stringMatching(`^Query Cost limit of ${GRAPHQL_LIMITS.maxCost} exceeded, found \\d+`),
      `Query depth limit of ${GRAPHQL_LIMITS.maxDepth} exceeded, found 28.`,
    ]);
  });

  it('multiplies the objects of a fragment by the pages around each of its spreads, without walking it again', () => {
    // Each level pages 5 tickets of the order of the ticket around it: 5^n objects at the nth level, all spread twice.
    const wrap = (spreads: string) => `order { tickets(first: 5) { edges { node { ${spreads} } } } }`;
    const source = `query { tickets(first: 5) { edges { node { ...F5 } } } } ${fragmentBomb(5, 2, 'Ticket', 'id', wrap).join(' ')}`;
    // A fragment of level k holds 5 + 5·2·(objects of level k-1): 5, 55, 555, 5555, 55555; the query 5 + 5·55555.
    expect(messagesOf(source)).toContainEqual(
      expect.stringMatching(`^Query may return up to 277780 objects; at most ${GRAPHQL_LIMITS.maxNodes} are served`),
    );
    expect(
      messagesOf(`query { tickets(first: 5) { edges { node { ...F1 } } } } ${fragmentBomb(1, 2, 'Ticket', 'id', wrap).join(' ')}`),
    ).toEqual([]);
  });

  it('refuses a document over its length, nesting or fragment count before its schema rules run', () => {
    expect(messagesOf(`{ me { role } } # ${'x'.repeat(GRAPHQL_LIMITS.maxDocumentCharacters)}`)).toEqual([
      `Syntax Error: Document is longer than ${GRAPHQL_LIMITS.maxDocumentCharacters} characters. Parsing refused.`,
    ]);
    expect(messagesOf(`{ ${'me { '.repeat(3000)} role ${'} '.repeat(3000)} }`)).toEqual([
      `Syntax Error: Document nests brackets deeper than ${GRAPHQL_LIMITS.maxNesting} levels. Parsing refused.`,
    ]);
    const fragments = Array.from({ length: GRAPHQL_LIMITS.maxFragments + 1 }, (_, index) => `fragment F${index} on Me { role }`);
    const spreads = fragments.map((_, index) => `...F${index}`).join(' ');
    expect(messagesOf(`{ me { ${spreads} } } ${fragments.join(' ')}`)).toEqual([
      `Fragments limit of ${GRAPHQL_LIMITS.maxFragments} exceeded, found ${GRAPHQL_LIMITS.maxFragments + 1}.`,
    ]);
    // A lexical error is a parse error like any other.
    expect(armor.checkDocument(schema, `{ me { role } } "unterminated`).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses introspection when it is off and hides field suggestions', () => {
    expect(messagesOf(`{ __schema { types { name } } }`)[0]).toMatch(/introspection has been disabled/);
    expect(messagesOf(`{ me { rol } }`)).toEqual(['Cannot query field "rol" on type "Me". [Suggestion hidden]']);
  });
});
