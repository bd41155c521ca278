import { GraphQLSchema } from 'graphql';
import { createGraphQLArmor, GRAPHQL_LIMITS } from '../../src/graphql/armor';
import { getSchema } from '../../src/graphql/schema';

describe('GraphQL limits of the WebSocket path', () => {
  let schema: GraphQLSchema;
  const armor = createGraphQLArmor({ blockFieldSuggestions: true, introspection: false });
  const messagesOf = (source: string) => armor.checkDocument(schema, source).errors.map((error) => error.message);

  beforeAll(async () => {
    schema = await getSchema();
  });

  it('accepts an ordinary page of tickets with their last messages', () => {
    expect(messagesOf(`query($first: Int) { tickets(first: $first) { edges { node { id subject messages(first: 3) { edges { node { body } } } } } } }`)).toEqual([]);
  });

  it('counts objects through fragments, inline fragments, variables and omitted page sizes', () => {
    // 100 tickets (variable) + 100 × 100 tickets of their orders (variable) + 100 × 100 × 20 messages (omitted).
    const source = `
      query($first: Int) { tickets(first: $first) { edges { node { ...OrderTickets } } } }
      fragment OrderTickets on Ticket { order { ... on Order { tickets(first: $first) { edges { node { messages { edges { node { body } } } } } } } } }`;
    expect(messagesOf(source)).toContainEqual(expect.stringMatching(`^Query may return up to 210100 objects; at most ${GRAPHQL_LIMITS.maxNodes} are served`));
  });

  it('refuses depth, aliases, directives and tokens over their limits', () => {
    expect(messagesOf(`{ ticket(id: "x") { ${'followUpOf { '.repeat(20)}id${' }'.repeat(20)} } }`)).toContain(`Query depth limit of ${GRAPHQL_LIMITS.maxDepth} exceeded, found 22.`);
    expect(messagesOf(`{ ${Array.from({ length: 21 }, (_, index) => `a${index}: me { role }`).join(' ')} }`)).toContain(`Aliases limit of ${GRAPHQL_LIMITS.maxAliases} exceeded, found 21.`);
    expect(messagesOf(`{ me { role ${'@skip(if: false) '.repeat(11)} } }`)).toContain(`Directives limit of ${GRAPHQL_LIMITS.maxDirectives} exceeded, found 11.`);
    expect(messagesOf(`{ me { ${'role '.repeat(GRAPHQL_LIMITS.maxTokens)} } }`)).toEqual([`Syntax Error: Document contains more that ${GRAPHQL_LIMITS.maxTokens} tokens. Parsing aborted.`]);
  });

  it('refuses introspection when it is off and hides field suggestions', () => {
    expect(messagesOf(`{ __schema { types { name } } }`)[0]).toMatch(/introspection has been disabled/);
    expect(messagesOf(`{ me { rol } }`)).toEqual(['Cannot query field "rol" on type "Me". [Suggestion hidden]']);
  });
});
