import { createHash } from 'node:crypto';
import { GraphQLFieldResolver, GraphQLSchema, OperationDefinitionNode, parse } from 'graphql';
import { makeExecutableSchemaLike } from '../support/sdl-schema';
import { CompiledExecution } from '../../src/graphql/compiled-execution';
import { BadUserInputError } from '../../src/domain/errors';

// The executor Apollo runs operations through: compiled (graphql-jit) results must be the interpreted (graphql-js)
// results, errors included, and only what is safe to compile is compiled.

const SDL = `
  type Query { ticket(id: ID!): Ticket  tickets(filter: Filter): [Ticket!]! }
  type Mutation { rename(input: RenameInput!): Ticket }
  type Ticket { id: ID!  subject: String!  owner: String!  broken: String  refused: String }
  input Filter { owner: String }
  input RenameInput { id: ID!  subject: String!  reason: String! = "renamed" }
`;

const tickets = [
  { id: '1', subject: '荷物が届いていません', owner: 'SELLER' },
  { id: '2', subject: 'Double charge', owner: 'PLATFORM' },
];

const resolvers: Record<string, Record<string, GraphQLFieldResolver<unknown, unknown>>> = {
  Query: {
    ticket: (_root, args) => tickets.find((ticket) => ticket.id === (args as { id: string }).id) ?? null,
    tickets: async (_root, args) =>
      tickets.filter(
        (ticket) =>
          !(args as { filter?: { owner?: string } }).filter?.owner || ticket.owner === (args as { filter: { owner: string } }).filter.owner,
      ),
  },
  Mutation: {
    rename: (_root, args) => {
      const { input } = args as { input: { id: string; subject: string; reason: string } };
      return { ...tickets.find((ticket) => ticket.id === input.id)!, subject: `${input.subject} (${input.reason})` };
    },
  },
  Ticket: {
    broken: () => {
      throw new Error('unexpected');
    },
    refused: () => {
      throw new BadUserInputError('no such thing', 'input.id');
    },
  },
};

function run(execution: CompiledExecution, schema: GraphQLSchema, query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return execution.load().then(({ executor }) =>
    executor({
      request: { query, variables },
      schema,
      document,
      operation,
      operationName: operation.name?.value ?? null,
      queryHash: createHash('sha256').update(query).digest('hex'),
      source: query,
      context: {},
    } as unknown as Parameters<typeof executor>[0]),
  );
}

/** Three executions: the first interpreted, the later ones compiled when compilable. */
async function threeTimes(execution: CompiledExecution, schema: GraphQLSchema, query: string, variables?: Record<string, unknown>) {
  const results = [];
  for (let index = 0; index < 3; index += 1) results.push(JSON.parse(JSON.stringify(await run(execution, schema, query, variables))));
  return results;
}

describe('CompiledExecution', () => {
  const schema = makeExecutableSchemaLike(SDL, resolvers);

  it('compiles a query the second time it runs, once, and answers exactly as graphql-js did', async () => {
    const execution = new CompiledExecution(schema);
    const query =
      'query Inbox($owner: String) { tickets(filter: { owner: $owner }) { id subject owner } one: ticket(id: "2") { subject } }';
    const [interpreted, compiled, again] = await threeTimes(execution, schema, query, { owner: 'SELLER' });
    expect(interpreted).toEqual({ data: { tickets: [tickets[0]], one: { subject: 'Double charge' } } });
    expect(compiled).toEqual(interpreted);
    expect(again).toEqual(interpreted);
    expect(execution.compilationCount()).toBe(1);
  });

  it('reports resolver errors with the same message, path, locations and code once compiled', async () => {
    const execution = new CompiledExecution(schema);
    const query = '{ ticket(id: "1") { id broken refused } }';
    const [interpreted, compiled] = await threeTimes(execution, schema, query);
    expect(interpreted.errors).toEqual([
      { message: 'unexpected', locations: [{ line: 1, column: 24 }], path: ['ticket', 'broken'] },
      {
        message: 'no such thing',
        locations: [{ line: 1, column: 31 }],
        path: ['ticket', 'refused'],
        extensions: { code: 'BAD_USER_INPUT', field: 'input.id' },
      },
    ]);
    expect(compiled).toEqual(interpreted);
    expect(execution.compilationCount()).toBe(1);
    // Apollo reads `extensions.code` of every error: a compiled error without code must still have extensions.
    const raw = await run(execution, schema, query);
    expect(raw.errors!.map((error) => error.extensions)).toEqual([{}, { code: 'BAD_USER_INPUT', field: 'input.id' }]);
  });

  it('never compiles a mutation: graphql-js stays the executor of every change', async () => {
    const execution = new CompiledExecution(schema);
    const [first, , third] = await threeTimes(execution, schema, 'mutation { rename(input: { id: "1", subject: "Lost" }) { subject } }');
    expect(first).toEqual({ data: { rename: { subject: 'Lost (renamed)' } } });
    expect(third).toEqual(first);
    expect(execution.compilationCount()).toBe(0);
  });

  it('leaves a query interpreted when its variables reach a non-null input field with a default (graphql-jit would refuse it)', async () => {
    const defaults = makeExecutableSchemaLike(SDL.replace('type Query {', 'type Query { preview(input: RenameInput!): Ticket '), {
      ...resolvers,
      Query: { ...resolvers.Query, preview: resolvers.Mutation.rename },
    });
    const execution = new CompiledExecution(defaults);
    const results = await threeTimes(execution, defaults, 'query Preview($input: RenameInput!) { preview(input: $input) { subject } }', {
      input: { id: '2', subject: 'Refund' },
    });
    for (const result of results) expect(result).toEqual({ data: { preview: { subject: 'Refund (renamed)' } } });
    expect(execution.compilationCount()).toBe(0);
  });
});
