import fc from 'fast-check';
import { parse } from 'graphql';
import { variablesLineBreakProblem } from '../../src/graphql/single-line-text';
import { variablesTextProblem } from '../../src/http/request-body.middleware';
import { lineBreakRefusal, MULTI_LINE_FIELDS, unacceptableText } from '../../src/rules/text-input.rule';

// Invisible and control characters (issue #14, hardening), as properties over generated text: text made of what
// people write (scripts, emoji with their joiners and flags, the marks right-to-left text uses, tab) is accepted
// wherever it is; one refused character anywhere in it is refused and named; a line break is accepted in the
// multi-line fields only. Deterministic: a fixed seed, so a failure reproduces.

const SEED = 20261207;
const RUNS = 300;

/** Code points people write, including those the rule must keep. */
const WRITTEN = [
  ...'abcXYZ 0189.,!?-_@#/',
  ...'日本語のテキスト',
  ...'العربية',
  ...'עברית',
  ...'हिन्दी',
  ...'Ελληνικά',
  '\t',
  '\u200C', // ZWNJ (Persian, Indic)
  '\u200D', // ZWJ (emoji sequences, Indic)
  '\u200E', // LRM
  '\u200F', // RLM
  '\u061C', // ALM
  '\u00AD', // soft hyphen
  '\u0301', // combining acute accent
  '👩‍💻',
  '🏳️‍🌈',
  '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', // flag of Scotland (a tag sequence)
  '🇯🇵',
  '🙏🏽',
];

/** Every character the rule refuses, with the code point its message names. */
const REFUSED: number[] = [
  ...range(0x01, 0x08),
  0x0b,
  0x0c,
  ...range(0x0e, 0x1f),
  ...range(0x7f, 0x9f),
  0x200b,
  ...range(0x202a, 0x202e),
  ...range(0x2060, 0x2064),
  ...range(0x2066, 0x2069),
  ...range(0x206a, 0x206f),
  0xfeff,
  ...range(0xfff9, 0xfffb),
  0xe0001,
  0xe0020,
  0xe0067,
  0xe007f,
];

const LINE_BREAKS = ['\n', '\r', '\r\n', '\u2028', '\u2029'];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

const written = fc.array(fc.constantFrom(...WRITTEN), { maxLength: 40 }).map((parts) => parts.join(''));
const label = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
const SINGLE_LINE_FIELDS = ['subject', 'name', 'text', 'number', 'externalId', 'trackingNumber', 'url', 'id', 'phoneNumber', 'title'];

describe('invisible and control characters (properties)', () => {
  it('accepts text people write, in any field, with tabs, joiners, RTL marks and emoji flags', () => {
    fc.assert(
      fc.property(written, (text) => {
        expect(unacceptableText(text)).toBeNull();
        for (const field of [...SINGLE_LINE_FIELDS, ...MULTI_LINE_FIELDS]) expect(lineBreakRefusal(text, field)).toBeNull();
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('refuses one invisible or control character anywhere, naming its code point', () => {
    fc.assert(
      fc.property(written, written, fc.constantFrom(...REFUSED), (before, after, codePoint) => {
        const refusal = unacceptableText(`${before}${String.fromCodePoint(codePoint)}${after}`);
        expect(refusal).toContain(`(${label(codePoint)})`);
        expect(refusal).toMatch(/, which is not accepted in text$/);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('refuses a tag character anywhere but inside an emoji flag sequence', () => {
    fc.assert(
      fc.property(written, fc.integer({ min: 0xe0020, max: 0xe007e }), (text, tag) => {
        expect(unacceptableText(`${text}${String.fromCodePoint(tag)}`)).toContain(label(tag));
        expect(unacceptableText(`${text}\u{1F3F4}${String.fromCodePoint(tag)}\u{E007F}`)).toBeNull();
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('accepts a line break in multi-line fields only, and refuses it in single-line ones, naming it', () => {
    fc.assert(
      fc.property(written, written, fc.constantFrom(...LINE_BREAKS), (before, after, lineBreak) => {
        const text = `${before}${lineBreak}${after}`;
        expect(unacceptableText(text)).toBeNull();
        for (const field of MULTI_LINE_FIELDS) expect(lineBreakRefusal(text, field)).toBeNull();
        for (const field of SINGLE_LINE_FIELDS)
          expect(lineBreakRefusal(text, field)).toContain(`line break (${label(lineBreak.codePointAt(0)!)})`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('names the path of a refused character at any depth of the variables, in values and keys', () => {
    const path = fc.array(fc.oneof(fc.constantFrom('input', 'details', 'items', 'subject', 'body'), fc.nat({ max: 3 })), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(path, written, fc.constantFrom(...REFUSED), (steps, text, codePoint) => {
        const refused = `${text}${String.fromCodePoint(codePoint)}`;
        let value: unknown = refused;
        for (const step of [...steps].reverse()) {
          value = typeof step === 'number' ? Object.assign(new Array<unknown>(step + 1).fill('ok'), { [step]: value }) : { [step]: value };
        }
        const variables = { v: value };
        const expectedPath = `v${steps.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('')}`;
        expect(variablesTextProblem(variables)).toEqual({ field: expectedPath, message: expect.stringContaining(label(codePoint)) });
        expect(variablesTextProblem({ v: { [refused]: 'key' } })).toEqual({
          field: 'v',
          message: expect.stringContaining(`has a key that contains`),
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('judges a variable by the field the document gives it for, whatever it is called', () => {
    const document = parse(
      'mutation($body: String!, $subject: String!, $input: OpenTicketInput!) { a: explainRouting(input: { subject: $body, body: $subject }) { __typename } b: openTicket(input: $input) { __typename } }',
    );
    fc.assert(
      fc.property(written, written, fc.constantFrom(...LINE_BREAKS), (before, after, lineBreak) => {
        const text = `${before}${lineBreak}${after}`;
        // $body is given for `subject` (one line), $subject for `body` (multi-line).
        expect(variablesLineBreakProblem({ body: text, subject: 'x' }, () => document)).toEqual({
          field: 'body',
          message: expect.stringContaining('line break'),
        });
        expect(variablesLineBreakProblem({ body: 'x', subject: text }, () => document)).toBeNull();
        // Inside an input object, the key is the field.
        expect(variablesLineBreakProblem({ input: { body: text, subject: 'x' } }, () => document)).toBeNull();
        expect(variablesLineBreakProblem({ input: { body: 'x', subject: text } }, () => document)).toEqual({
          field: 'input.subject',
          message: expect.stringContaining('line break'),
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
