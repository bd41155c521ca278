import { requireUtf8Body, VARIABLE_LIMITS, variablesProblem, variablesTextProblem } from '../../src/http/request-body.middleware';
import { IncomingMessage, ServerResponse } from 'node:http';

describe('variablesProblem', () => {
  it('accepts ordinary variables, an order of 200 items included', () => {
    const items = Array.from({ length: 200 }, (_, index) => ({
      sku: `SKU-${index}`,
      title: '宇治抹茶 100g',
      quantity: 1,
      unitPrice: '1980',
    }));
    expect(variablesProblem({ input: { externalId: 'o-1', items, customer: { name: '佐藤 花子' } } })).toBeNull();
    expect(variablesProblem(null)).toBeNull();
  });

  it('counts keys, elements and values against the value limit', () => {
    expect(variablesProblem({ list: Array.from({ length: VARIABLE_LIMITS.maxValues - 2 }, () => 1) })).toBeNull();
    expect(variablesProblem({ list: Array.from({ length: VARIABLE_LIMITS.maxValues }, () => 1) })).toBe(
      `variables hold more than ${VARIABLE_LIMITS.maxValues} values`,
    );
  });

  it('counts the characters of keys and strings', () => {
    expect(variablesProblem({ text: 'x'.repeat(VARIABLE_LIMITS.maxCharacters - 4) })).toBeNull();
    expect(variablesProblem({ text: 'x'.repeat(VARIABLE_LIMITS.maxCharacters) })).toBe(
      `variables hold more than ${VARIABLE_LIMITS.maxCharacters} characters`,
    );
    expect(variablesProblem({ ['k'.repeat(VARIABLE_LIMITS.maxCharacters + 1)]: 1 })).toMatch(/characters/);
  });

  it('refuses deep nesting without recursing', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 200_000; level += 1) deep = [deep];
    expect(variablesProblem({ deep })).toBe(`variables are nested deeper than ${VARIABLE_LIMITS.maxDepth} levels`);
  });
});

describe('requireUtf8Body', () => {
  const request = {} as IncomingMessage;
  const response = {} as ServerResponse;

  it('passes UTF-8, Japanese included, and refuses invalid bytes with a 400', () => {
    expect(() => requireUtf8Body(request, response, Buffer.from('{"body":"置き配"}'))).not.toThrow();
    expect(() => requireUtf8Body(request, response, Buffer.from([0x7b, 0xff, 0x7d]))).toThrow(
      expect.objectContaining({ status: 400, message: 'the request body is not valid UTF-8' }),
    );
  });

  it('refuses a body declared in another charset with a 415, even when its bytes pass as UTF-8', () => {
    expect(() => requireUtf8Body(request, response, Buffer.from('{"a":1}', 'utf16le'), 'utf-16le')).toThrow(
      expect.objectContaining({ status: 415, message: 'unsupported charset "UTF-16LE": the request body must be JSON in UTF-8' }),
    );
    expect(() => requireUtf8Body(request, response, Buffer.from('{"a":1}'), 'UTF-8')).not.toThrow();
  });
});

describe('variablesTextProblem', () => {
  it.each([
    ['ordinary variables', { input: { body: '荷物が届いていません', items: [{ title: 'Tea 🍵' }] } }, null],
    ['no variables', null, null],
    [
      'NUL in a nested field',
      { input: { body: 'a\u0000b' } },
      {
        field: 'input.body',
        message: 'Variable "$input" at "input.body" contains a NUL character (U+0000), which is not accepted in text',
      },
    ],
    [
      'a lone surrogate in a list element',
      { input: { items: [{ title: 'ok' }, { title: '\uD800' }] } },
      {
        field: 'input.items[1].title',
        message:
          'Variable "$input" at "input.items[1].title" contains a lone UTF-16 surrogate, which is not a character; send valid Unicode',
      },
    ],
    [
      'NUL in an object key',
      { input: { 'a\u0000': 1 } },
      {
        field: 'input',
        message: 'Variable "$input" at "input" has a key that contains a NUL character (U+0000), which is not accepted in text',
      },
    ],
    [
      'a top-level string over the limit',
      { text: 'x'.repeat(20_001) },
      { field: 'text', message: 'Variable "$text" at "text" has 20001 characters; at most 20000 are accepted in any text input' },
    ],
  ])('%s', (_name, variables, expected) => {
    expect(variablesTextProblem(variables)).toEqual(expected);
  });
});
