// What text the API accepts in any string it is sent, as a variable or as a literal in the document, checked at
// the edge before any resolver: the same answer for every field, whatever service reads it. Pure.

/**
 * Characters (Unicode code points) of any one string input, whatever the field: twice the longest text a field
 * takes (a message body, 10,000 characters), so that a field's own limit, checked by its service, answers first
 * with its userError (BODY_TOO_LONG, INVALID_INPUT) and this one bounds every field that has no limit of its own.
 */
export const MAXIMUM_INPUT_CHARACTERS = 20_000;

/** A UTF-16 high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Characters as a person counts them: Unicode code points (an emoji outside the BMP is one, not two UTF-16
 * units), which is also what PostgreSQL's char_length counts.
 */
export function characterCount(text: string): number {
  let count = 0;
  for (const _character of text) count += 1;
  return count;
}

/**
 * Why `text` cannot be accepted as input, or null. NUL (U+0000) cannot be stored in PostgreSQL text; a lone
 * surrogate is not a character and would be stored as U+FFFD, so what was read back would not be what was sent.
 */
export function unacceptableText(text: string, maximumCharacters = MAXIMUM_INPUT_CHARACTERS): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000), which is not accepted in text';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate, which is not a character; send valid Unicode';
  // Code points are never more than UTF-16 units: only a long string needs counting.
  if (text.length > maximumCharacters && characterCount(text) > maximumCharacters) {
    return `has ${characterCount(text)} characters; at most ${maximumCharacters} are accepted in any text input`;
  }
  return null;
}
