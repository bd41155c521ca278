import { characterCount, MAXIMUM_INPUT_CHARACTERS, unacceptableText } from '../../src/rules/text-input.rule';

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
