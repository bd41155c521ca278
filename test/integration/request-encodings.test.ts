import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createTestApp, TestApp } from '../support/test-app';

// Request bodies in every encoding and under every Content-Type a client may send (issue #14, hardening): the
// compressed ones body-parser decodes (gzip, deflate, br) are served, bounded after decompression by the 1 MB
// body limit; anything else is a client's error, 4xx with a code and a message that says what is wrong,
// never a 500 and never a hang.

const QUERY = JSON.stringify({ query: '{ me { role } }' });
const SERVED = { data: { me: { role: 'AGENT' } } };

type Case = [name: string, headers: Record<string, string>, body: Buffer | string, status: number, answer: RegExp | typeof SERVED];

const CASES: Case[] = [
  ['gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(QUERY), 200, SERVED],
  ['deflate', { 'content-type': 'application/json', 'content-encoding': 'deflate' }, deflateSync(QUERY), 200, SERVED],
  ['br', { 'content-type': 'application/json', 'content-encoding': 'br' }, brotliCompressSync(QUERY), 200, SERVED],
  ['charset=UTF-8', { 'content-type': 'application/json; charset=UTF-8' }, QUERY, 200, SERVED],
  ['another parameter', { 'content-type': 'application/json; profile=x' }, QUERY, 200, SERVED],
  [
    'gzip that is not gzip',
    { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    'not gzip',
    400,
    /could not be decompressed as its Content-Encoding says \(Z_DATA_ERROR\)/,
  ],
  [
    'truncated gzip',
    { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    gzipSync(QUERY).subarray(0, 12),
    400,
    /could not be decompressed/,
  ],
  [
    'a gzip bomb (50 MB of spaces)',
    { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    gzipSync(Buffer.alloc(50_000_000, 32)),
    413,
    /larger than 1000000 bytes/,
  ],
  [
    'gzip twice',
    { 'content-type': 'application/json', 'content-encoding': 'gzip, gzip' },
    gzipSync(gzipSync(QUERY)),
    415,
    /unsupported content encoding "gzip, gzip"/,
  ],
  [
    'an unknown encoding',
    { 'content-type': 'application/json', 'content-encoding': 'compress' },
    QUERY,
    415,
    /unsupported content encoding "compress"/,
  ],
  ['charset=latin1', { 'content-type': 'application/json; charset=latin1' }, QUERY, 415, /unsupported charset "LATIN1"/],
  [
    'charset=utf-16le (ASCII in UTF-16 passes as UTF-8 bytes)',
    { 'content-type': 'application/json; charset=utf-16le' },
    Buffer.from(QUERY, 'utf16le'),
    415,
    /unsupported charset "UTF-16LE": the request body must be JSON in UTF-8/,
  ],
  ['text/plain (CSRF prevention)', { 'content-type': 'text/plain' }, QUERY, 400, /Cross-Site Request Forgery/],
  ['no Content-Type (CSRF prevention)', {}, QUERY, 400, /Cross-Site Request Forgery/],
  [
    'a form (CSRF prevention)',
    { 'content-type': 'application/x-www-form-urlencoded' },
    'query=%7B%20me%20%7B%20role%20%7D%20%7D',
    400,
    /Cross-Site Request Forgery/,
  ],
  [
    'multipart (CSRF prevention)',
    { 'content-type': 'multipart/form-data; boundary=x' },
    `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${QUERY}\r\n--x--\r\n`,
    400,
    /Cross-Site Request Forgery/,
  ],
  ['application/graphql', { 'content-type': 'application/graphql' }, '{ me { role } }', 400, /invalid Content-Type/],
  ['a vendor JSON type', { 'content-type': 'application/vnd.api+json' }, QUERY, 400, /invalid Content-Type/],
  ['a Content-Type that does not parse', { 'content-type': ';;;' }, QUERY, 400, /invalid Content-Type/],
  ['an empty body', { 'content-type': 'application/json' }, '', 400, /POST body missing/],
  ['JSON null', { 'content-type': 'application/json' }, 'null', 400, /not valid JSON/],
  ['a JSON string', { 'content-type': 'application/json' }, '"{ me { role } }"', 400, /not valid JSON/],
  ['invalid UTF-8', { 'content-type': 'application/json' }, Buffer.from([0x7b, 0xff, 0x7d]), 400, /not valid UTF-8/],
];

describe('request bodies: encodings and content types', () => {
  let app: TestApp;
  let bearer: string;

  beforeAll(async () => {
    app = await createTestApp();
    bearer = await app.agentToken();
  });

  afterAll(async () => {
    await app.close();
  });

  it.each(CASES)('%s', async (_name, headers, body, status, answer) => {
    const response = await fetch(app.server.graphqlUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, ...headers },
      body,
      signal: AbortSignal.timeout(5000),
    });
    const text = await response.text();
    // The answer's text rides along so that a wrong status shows what was said.
    expect({ status: response.status, text: text.slice(0, 300) }).toEqual({ status, text: expect.any(String) });
    const parsed = JSON.parse(text) as { errors?: Array<{ message: string; extensions: { code: string } }> };
    if (answer instanceof RegExp) {
      expect(parsed.errors).toHaveLength(1);
      expect(parsed.errors![0].message).toMatch(answer);
      expect(parsed.errors![0].extensions.code).toBe('BAD_REQUEST');
    } else {
      expect(parsed).toEqual(answer);
    }
  });

  it('stays healthy after all of them', async () => {
    expect((await fetch(`${app.server.url}/readyz`)).status).toBe(200);
    expect(await app.graphql('{ me { role } }')).toMatchObject({ status: 200, data: SERVED.data });
  });
});
