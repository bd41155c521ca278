import {
  characterCount,
  lineBreakRefusal,
  MAXIMUM_INPUT_CHARACTERS,
  unacceptableText,
  unstorableText,
} from '../../src/rules/text-input.rule';

describe('text input rule', () => {
  it.each([
    ['plain text', 'Package lost', null],
    ['Japanese', '荷物が届いていません', null],
    ['an emoji (a surrogate pair)', 'thanks 🙏', null],
    ['the empty string', '', null],
    ['NUL inside', 'a\u0000b', 'contains a NUL character (U+0000), which is not accepted in text'],
    ['NUL alone', '\u0000', 'contains a NUL character (U+0000), which is not accepted in text'],
    ['a lone high surrogate', 'a\uD800b', 'contains a lone UTF-16 surrogate, which is not a character; send valid Unicode'],
    ['a lone high surrogate at the end', 'a\uD83D', 'contains a lone UTF-16 surrogate, which is not a character; send valid Unicode'],
    ['a lone low surrogate', '\uDC00x', 'contains a lone UTF-16 surrogate, which is not a character; send valid Unicode'],
    ['reversed pair', '\uDE4F\uD83D', 'contains a lone UTF-16 surrogate, which is not a character; send valid Unicode'],
    ['exactly the limit in emoji (twice as many UTF-16 units)', '🙏'.repeat(MAXIMUM_INPUT_CHARACTERS), null],
    ['a tab', 'a\tb', null],
    ['line breaks (the field decides: lineBreakRefusal)', 'a\r\nb\u2028c', null],
    ['ZWJ and ZWNJ', '👩\u200D💻 می\u200Cخواهم', null],
    ['LRM, RLM and ALM', '\u200E\u200F\u061C', null],
    ['an emoji flag tag sequence', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}', null],
    ['a right-to-left override', 'a\u202Eb', 'contains a bidirectional embedding or override (U+202E), which is not accepted in text'],
    ['a first strong isolate', 'a\u2068b', 'contains a bidirectional isolate (U+2068), which is not accepted in text'],
    ['a zero-width space', 'a\u200Bb', 'contains a zero-width space (U+200B), which is not accepted in text'],
    ['a word joiner', 'a\u2060b', 'contains an invisible joiner or operator (U+2060), which is not accepted in text'],
    ['a byte order mark', '\uFEFF', 'contains a zero-width no-break space (byte order mark) (U+FEFF), which is not accepted in text'],
    ['a bell', '\u0007', 'contains a control character (U+0007), which is not accepted in text'],
    ['DEL', '\u007F', 'contains a control character (U+007F), which is not accepted in text'],
    ['a C1 control', '\u009B', 'contains a control character (U+009B), which is not accepted in text'],
    [
      'a tag outside a flag',
      'a\u{E0061}',
      'contains a tag character outside an emoji flag sequence (U+E0061), which is not accepted in text',
    ],
    ['NUL before a control (NUL is named)', '\u0007\u0000', 'contains a NUL character (U+0000), which is not accepted in text'],
    [
      'one over the limit',
      'x'.repeat(MAXIMUM_INPUT_CHARACTERS + 1),
      `has ${MAXIMUM_INPUT_CHARACTERS + 1} characters; at most ${MAXIMUM_INPUT_CHARACTERS} are accepted in any text input`,
    ],
  ])('%s', (_name, text, expected) => {
    expect(unacceptableText(text)).toBe(expected);
  });

  it.each([
    ['', 0],
    ['abc', 3],
    ['置き配', 3],
    ['🙏🙏', 2],
    ['e\u0301', 2],
  ])('counts %j as %i characters (code points)', (text, count) => {
    expect(characterCount(text)).toBe(count);
  });
});

describe('line breaks by field', () => {
  it.each([
    ['body', 'a\nb', null],
    ['reason', 'a\r\nb', null],
    ['note', 'a\u2029b', null],
    ['comment', 'a\rb', null],
    ['stepsToReproduce', '1.\n2.', null],
    ['recentChanges', 'a\nb', null],
    ['subject', 'one line', null],
    ['subject', 'a\nb', /line break \(U\+000A\)/],
    ['name', 'a\rb', /line break \(U\+000D\)/],
    ['text', 'a\u2028b', /line break \(U\+2028\)/],
    ['', 'a\nb', /line break/],
  ])('%s: %j', (field, text, expected) => {
    const refusal = lineBreakRefusal(text, field);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });

  it('keeps what the API issued itself readable: unstorableText does not refuse invisible characters', () => {
    expect(unstorableText('a\u202Eb')).toBeNull();
    expect(unstorableText('a\u0000b')).toMatch(/NUL/);
  });
});
