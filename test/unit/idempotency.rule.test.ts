import { canonicalInput, idempotentInputDigest } from '../../src/rules/idempotency.rule';

// The digest of an input under an idempotency key: equal for a true retry, different for any other input.

const input = {
  ticketId: 'VGlja2V0OjE=',
  body: 'Hello',
  visibility: 'PUBLIC',
  attachments: [{ name: 'a.jpg', size: 1 }],
  idempotencyKey: 'k-1',
};

describe('idempotentInputDigest', () => {
  it.each([
    ['the same input', { ...input }, true],
    [
      'its keys in another order',
      { idempotencyKey: 'k-1', attachments: [{ size: 1, name: 'a.jpg' }], visibility: 'PUBLIC', body: 'Hello', ticketId: 'VGlja2V0OjE=' },
      true,
    ],
    ['another key (the key is not part of the input)', { ...input, idempotencyKey: 'k-2' }, true],
    ['a field null instead of absent', { ...input, category: null }, true],
    ['another body', { ...input, body: 'Hello!' }, false],
    ['a trailing space', { ...input, body: 'Hello ' }, false],
    ['another ticket', { ...input, ticketId: 'VGlja2V0OjI=' }, false],
    ['another visibility', { ...input, visibility: 'INTERNAL' }, false],
    ['no attachments', { ...input, attachments: [] }, false],
    [
      'attachments in another order',
      {
        ...input,
        attachments: [
          { name: 'b.jpg', size: 2 },
          { name: 'a.jpg', size: 1 },
        ],
      },
      false,
    ],
    ['another nested value', { ...input, attachments: [{ name: 'a.jpg', size: 2 }] }, false],
    ['one more field', { ...input, expectedVersion: 3 }, false],
  ])('%s → same: %s', (_name, other, same) => {
    expect(idempotentInputDigest('postMessage', other) === idempotentInputDigest('postMessage', input)).toBe(same);
  });

  it('differs between operations for the same input', () => {
    expect(idempotentInputDigest('openTicket', input)).not.toBe(idempotentInputDigest('postMessage', input));
  });

  it('is a sha256 in hex', () => {
    expect(idempotentInputDigest('postMessage', input)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('puts keys in order and leaves absent and null fields out', () => {
    expect(JSON.stringify(canonicalInput({ b: 1, a: { d: null, c: [{ f: 2, e: undefined }] } }))).toBe('{"a":{"c":[{"f":2}]},"b":1}');
  });
});
