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
 * Characters no text input may hold, whatever the field: they are invisible, or they make text display other
 * than it reads (a right-to-left override turns `invoice\u202Efdp.exe` into `invoiceexe.pdf`), or they are
 * controls no person types. Kept, because real text needs them: tab; line breaks (in multi-line fields only, see
 * MULTI_LINE_FIELDS); ZWNJ and ZWJ (U+200C, U+200D: Indic and Persian scripts, emoji sequences); the marks LRM,
 * RLM and ALM (U+200E, U+200F, U+061C) that right-to-left text uses; tag characters inside an emoji flag
 * sequence (🏴 U+1F3F4, tags, CANCEL TAG U+E007F).
 */
const REFUSED_CHARACTERS: ReadonlyArray<{ range: readonly [number, number]; kind: string }> = [
  { range: [0x0001, 0x0008], kind: 'a control character' },
  { range: [0x000b, 0x000c], kind: 'a control character' },
  { range: [0x000e, 0x001f], kind: 'a control character' },
  { range: [0x007f, 0x009f], kind: 'a control character' },
  { range: [0x200b, 0x200b], kind: 'a zero-width space' },
  { range: [0x202a, 0x202e], kind: 'a bidirectional embedding or override' },
  { range: [0x2060, 0x2064], kind: 'an invisible joiner or operator' },
  { range: [0x2066, 0x2069], kind: 'a bidirectional isolate' },
  { range: [0x206a, 0x206f], kind: 'a deprecated format character' },
  { range: [0xfeff, 0xfeff], kind: 'a zero-width no-break space (byte order mark)' },
  { range: [0xfff9, 0xfffb], kind: 'an interlinear annotation character' },
  { range: [0xe0000, 0xe007f], kind: 'a tag character outside an emoji flag sequence' },
];

/** One pass finds any of REFUSED_CHARACTERS (the table is the source; this is its index). */
const REFUSED_CHARACTER = new RegExp(
  `[${REFUSED_CHARACTERS.map(({ range: [from, to] }) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`).join('')}]`,
  'u',
);

/** An emoji tag sequence (a subdivision flag such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿): black flag, tag characters, cancel tag. */
const EMOJI_TAG_SEQUENCE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;

/** Line breaks: LF, CR, and the Unicode line and paragraph separators (which JavaScript also breaks lines on). */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Input fields (and arguments) of free text that may span lines, by name: any other string input is one line.
 * The name is the innermost input field or argument a string is given for (`input.details.stepsToReproduce`:
 * stepsToReproduce), however it is sent (literal, variable, inside a list).
 */
export const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set(['body', 'reason', 'note', 'comment', 'stepsToReproduce', 'recentChanges']);

function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why `text` holds a character of REFUSED_CHARACTERS, or null. */
function refusedCharacter(text: string): string | null {
  // Most text holds none: only then are emoji flags set aside (a copy of the text).
  if (!REFUSED_CHARACTER.test(text)) return null;
  const found = REFUSED_CHARACTER.exec(text.replace(EMOJI_TAG_SEQUENCE, ''));
  if (found === null) return null;
  const codePoint = found[0].codePointAt(0)!;
  const { kind } = REFUSED_CHARACTERS.find(({ range: [from, to] }) => codePoint >= from && codePoint <= to)!;
  return `contains ${kind} (${codePointLabel(codePoint)}), which is not accepted in text`;
}

/**
 * Why `text` given for the input field `fieldName` cannot be accepted for its line breaks, or null: a line break
 * is accepted in MULTI_LINE_FIELDS only.
 */
export function lineBreakRefusal(text: string, fieldName: string): string | null {
  const found = LINE_BREAK.exec(text);
  if (found === null || MULTI_LINE_FIELDS.has(fieldName)) return null;
  return `contains a line break (${codePointLabel(found[0].codePointAt(0)!)}), which is accepted only in multi-line text (${[...MULTI_LINE_FIELDS].join(', ')})`;
}

/**
 * Why `text` cannot be accepted as input, whatever its field, or null: unstorableText, then REFUSED_CHARACTERS,
 * which are invisible or controls. Line breaks are the field's business (lineBreakRefusal).
 */
export function unacceptableText(text: string, maximumCharacters = MAXIMUM_INPUT_CHARACTERS): string | null {
  if (text.includes('\u0000') || LONE_SURROGATE.test(text)) return unstorableText(text, maximumCharacters);
  return refusedCharacter(text) ?? unstorableText(text, maximumCharacters);
}

/**
 * Why `text` cannot be stored and read back as sent, or null. NUL (U+0000) cannot be stored in PostgreSQL text;
 * a lone surrogate is not a character and would be stored as U+FFFD. Also what a text this API issued itself
 * must pass (a cursor's sort value, which may hold what older input stored).
 */
export function unstorableText(text: string, maximumCharacters = MAXIMUM_INPUT_CHARACTERS): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000), which is not accepted in text';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate, which is not a character; send valid Unicode';
  // Code points are never more than UTF-16 units: only a long string needs counting.
  if (text.length > maximumCharacters && characterCount(text) > maximumCharacters) {
    return `has ${characterCount(text)} characters; at most ${maximumCharacters} are accepted in any text input`;
  }
  return null;
}
