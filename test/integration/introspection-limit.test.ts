import { getIntrospectionQuery } from 'graphql';
import { createTestApp, TestApp } from '../support/test-app';

// Issue #14, point 1 (introspection's cost): where introspection is on (development, or GRAPHQL_INTROSPECTION),
// its answer stays linear in the schema. A list of a type's members opened inside another one is refused before
// anything runs; the standard introspection query (GraphiQL's) is served.

describe('introspection nesting (issue #14, point 1)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it("serves the standard introspection query and a type's members with their types named", async () => {
    const standard = await app.graphql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(standard.errors).toBeUndefined();
    expect(standard.data!.__schema.types.length).toBeGreaterThan(50);
    const ticket = await app.graphql(
      `{ __type(name: "Ticket") { fields { name args { name type { name } } type { kind name ofType { kind name ofType { name } } } } interfaces { name } } }`,
    );
    expect(ticket.errors).toBeUndefined();
  });

  it.each([
    ['members inside members', `{ __schema { types { fields { type { fields { name } } } } } }`],
    [
      'through a named fragment',
      `{ __schema { types { fields { type { ...Members } } } } } fragment Members on __Type { fields { name } }`,
    ],
    ['through an inline fragment and ofType', `{ __schema { types { interfaces { ... on __Type { possibleTypes { name } } } } } }`],
    ['from __type', `{ __type(name: "Ticket") { fields { type { ofType { ofType { enumValues { name } } } } } } }`],
    ['input fields inside arguments', `{ __schema { directives { args { type { inputFields { type { inputFields { name } } } } } } } }`],
  ])('refuses %s with 400 before it runs', async (_name, query) => {
    const answer = await app.graphql(query);
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors![0]).toMatchObject({
      message: expect.stringMatching(/^Introspection nesting limit exceeded/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
