import { createTestApp, TestApp } from '../support/test-app';

// GET requests (issue #14, hardening): a query may be sent as GET /graphql?query=…&variables=…, and its variables
// pass the same checks at the edge as a POST body's: their size and depth (413), then their text (NUL, lone
// surrogates, invisible and control characters: 400 BAD_USER_INPUT naming the field), before anything runs.

const SEARCH = 'query Search($text: String) { tickets(first: 1, filter: { text: $text }) { edges { cursor } } }';
const SEARCH_INPUT = 'query Search($filter: TicketFilter) { tickets(first: 1, filter: $filter) { edges { cursor } } }';

interface GetAnswer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

describe('GET /graphql', () => {
  let app: TestApp;
  let bearer: string;

  beforeAll(async () => {
    app = await createTestApp();
    bearer = await app.agentToken();
  });

  afterAll(async () => {
    await app.close();
  });

  /** `variables` is sent as written (a JSON text), so that tests may send what JSON.stringify would not. */
  async function get(query: string, variables?: string): Promise<GetAnswer> {
    const parameters = new URLSearchParams({ query });
    if (variables !== undefined) parameters.set('variables', variables);
    const response = await fetch(`${app.server.graphqlUrl}?${parameters.toString()}`, {
      headers: { authorization: `Bearer ${bearer}`, 'apollo-require-preflight': 'true', accept: 'application/json' },
    });
    return { status: response.status, body: (await response.json()) as GetAnswer['body'] };
  }

  it('serves a query with its variables', async () => {
    const answer = await get(SEARCH, JSON.stringify({ text: '配送' }));
    expect(answer).toEqual({ status: 200, body: { data: { tickets: { edges: [] } } } });
  });

  it.each([
    ['a NUL character', '"a\\u0000b"', /contains a NUL character \(U\+0000\)/],
    ['a lone high surrogate', '"a\\ud800b"', /lone UTF-16 surrogate/],
    ['a lone low surrogate', '"\\udc00"', /lone UTF-16 surrogate/],
    ['a right-to-left override', '"invoice\\u202Efdp.exe"', /U\+202E/],
    ['a zero-width space', '"pass\\u200Bword"', /U\+200B/],
    ['a C1 control', '"a\\u0085b"', /U\+0085/],
    ['a line break (text is a single-line field)', '"two\\nlines"', /line break/],
  ])('refuses a variable holding %s with 400 BAD_USER_INPUT naming it', async (_name, text, message) => {
    const answer = await get(SEARCH, `{"text":${text}}`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { message: expect.stringMatching(message), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'text' }) },
    ]);
  });

  it('names the input field of a refused text inside an input object, and refuses a key holding NUL', async () => {
    const nested = await get(SEARCH_INPUT, '{"filter":{"text":"a\\u0000"}}');
    expect(nested.status).toBe(400);
    expect(nested.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.text' });
    const key = await get(SEARCH_INPUT, '{"filter":{"te\\u0000xt":"a"}}');
    expect(key.status).toBe(400);
    expect(key.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses variables nested past the depth limit with 413, as in a POST body', async () => {
    const deep = `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`;
    const answer = await get(SEARCH, `{"text":"x","deep":${deep}}`);
    expect(answer.status).toBe(413);
    expect(answer.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
  });

  it('answers variables that are not JSON, or given twice, with 400 and never runs them', async () => {
    const malformed = await get(SEARCH, '{"text":');
    expect(malformed.status).toBe(400);
    const twice = await fetch(
      `${app.server.graphqlUrl}?query=${encodeURIComponent(SEARCH)}&variables=${encodeURIComponent('{"text":"a"}')}&variables=${encodeURIComponent('{"text":"a\\u0000"}')}`,
      { headers: { authorization: `Bearer ${bearer}`, 'apollo-require-preflight': 'true', accept: 'application/json' } },
    );
    expect(twice.status).toBe(400);
  });

  it('checks a document given twice, or over its limits, before running it', async () => {
    const bomb = `{ ${'a: me { role } '.repeat(30)} }`;
    const overLimits = await get(bomb);
    expect(overLimits.status).toBe(400);
    expect(overLimits.body.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const twice = await fetch(`${app.server.graphqlUrl}?query=${encodeURIComponent(bomb)}&query=${encodeURIComponent('{ me { role } }')}`, {
      headers: { authorization: `Bearer ${bearer}`, 'apollo-require-preflight': 'true', accept: 'application/json' },
    });
    expect(twice.status).toBe(400);
  });
});
