import { scanDocument } from '../../src/graphql/document-scan';

const LIMITS = { maxDocumentCharacters: 1000, maxTokens: 50, maxNesting: 5 };

describe('scanDocument', () => {
  it.each([
    ['an ordinary document', '{ me { role } }', null],
    ['brackets inside a string do not nest', '{ tickets(filter: { text: "{{{{{{{{[[[[(((" }) { edges { cursor } } }', null],
    ['a comment does not count as tokens', `{ me { role } } # ${'role '.repeat(100)}`, null],
    ['not a string (Apollo answers it)', 42, null],
    ['too long', `{ me { role } } #${'x'.repeat(1000)}`, 'Syntax Error: Document is longer than 1000 characters. Parsing refused.'],
    ['too many tokens', `{ me { ${'role '.repeat(50)} } }`, 'Syntax Error: Document contains more than 50 tokens. Parsing refused.'],
    [
      'nested too deep',
      '{ a { b { c { d { e { f } } } } } }',
      'Syntax Error: Document nests brackets deeper than 5 levels. Parsing refused.',
    ],
    ['lists nested too deep', '{ a(x: [[[[[1]]]]]) }', 'Syntax Error: Document nests brackets deeper than 5 levels. Parsing refused.'],
    ['a lexical error', '{ me { role } } "unterminated', 'Syntax Error: Unterminated string.'],
  ])('%s', (_name, source, expected) => {
    const error = scanDocument(source, LIMITS);
    expect(error?.message ?? null).toBe(expected);
    if (error) expect(error.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});
