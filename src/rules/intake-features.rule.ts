import { keywordEvidence } from './classification.rule';
import { conceptMentions } from './intake-concepts.rule';
import { isInsideSpans, negatedSpans, negationsIn, splitBySpans } from './intake-negation.rule';
import { foldKana } from './kana.rule';

export { foldKana };

// The features the intake classifier reads from a contact (docs/routing.md "The model").
//
// Text is NFKC-normalised (full-width letters and half-width katakana become their ordinary forms), lower-cased,
// digit runs become one "0" (order numbers and dates carry no category), web and mail addresses become a token.
// It is then cut into runs of one script:
// - Han and kana runs (Japanese, Chinese) give character 1- to 3-grams, with "^" and "$" marking the run's ends,
//   katakana folded to hiragana (foldKana);
// - Hangul words give the word and its character 1- to 3-grams (Korean particles are glued to the word);
// - Latin words give the word, the pair with the previous word, and character 3-grams of "<word>" (typos, plurals).
// Five feature spaces are kept apart by a prefix: "t" the whole text (subject and body), "s" the subject alone,
// "n" what a denial covers (src/rules/intake-negation.rule.ts: "割れてはいない", "취소는 아니에요", "not damaged"),
// which is taken out of "t" and "s" so that a category named only to be ruled out is no evidence for it,
// "k" the keyword table's evidence per category (src/rules/classification.rule.ts) over the text outside denials,
// so a phrase an agent wrote into the table still counts where the corpus is thin, and "x" the multilingual concepts the text mentions
// (src/rules/intake-concepts.rule.ts), which carry what one language taught to the others; a concept a denial
// covers is "xn:<concept>" instead.

export type FeatureCounts = Map<string, number>;

/** Names this way of reading a contact; part of the model version, so a model trained on other features is told apart. */
export const INTAKE_FEATURE_SET =
  'ngrams-t-s-n.kana-folded.negation-spans.keywords-outside-denials.concepts-outcomes.subject-half.concepts-kana.v5';

const URL = /https?:\/\/\S+|www\.\S+/gu;
const MAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/gu;
const DIGITS = /\d+/gu;
/** One run of a script: CJK (Han, kana, the iteration and prolonged-sound marks), Hangul, or Latin letters and digits. */
const RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー]+|[\p{Script=Hangul}]+|[\p{Script=Latin}0-9']+/gu;
const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  "n't",
  "isn't",
  "wasn't",
  "didn't",
  "doesn't",
  "don't",
  "hasn't",
  "haven't",
  "won't",
  "can't",
  'nothing',
  'without',
]);
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ー]/u;
const HANGUL = /^\p{Script=Hangul}/u;

/** The form every feature is read from. */
export function normaliseIntakeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(URL, ' urlx ')
    .replace(MAIL, ' mailx ')
    .replace(DIGITS, '0')
    .replace(/[\u2018\u2019\u02bc]/gu, "'");
}

/**
 * Where the features of a contact go. The features are the same whichever sink reads them; a named sink builds each
 * feature's name (training, tests, `intakeFeatureCounts`), the model's hashed sink (src/rules/intake-feature-table.rule.ts)
 * looks each one up by a hash of the same name's code units without building the string.
 */
export interface FeatureSink {
  /** One occurrence of the feature named `prefix + text.slice(start, end)`. */
  gram(prefix: string, text: string, start: number, end: number): void;
  /** One occurrence of the feature named `prefix + first + "_" + second`. */
  pair(prefix: string, first: string, second: string): void;
  /** A feature with a fixed value (keyword evidence, a concept), set rather than counted. */
  set(name: string, value: number): void;
}

/** The sink that names every feature: a map of feature name to count (or fixed value). */
export function namedSink(counts: FeatureCounts): FeatureSink {
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  return {
    gram: (prefix, text, start, end) => add(prefix + text.slice(start, end)),
    pair: (prefix, first, second) => add(`${prefix}${first}_${second}`),
    set: (name, value) => counts.set(name, value),
  };
}

/** Code-unit length of the code point at `index` (2 for a surrogate pair). */
function codePointLength(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  return unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length ? 2 : 1;
}

/** Character 1- to `maxLength`-grams (code points) of "^run$", without the lone "^" and "$". */
function addCharacterGrams(sink: FeatureSink, prefix: string, run: string, maxLength: number): void {
  const marked = `^${run}$`;
  for (let start = 0; start < marked.length; start += codePointLength(marked, start)) {
    let end = start;
    for (let length = 1; length <= maxLength && end < marked.length; length += 1) {
      end += codePointLength(marked, end);
      if (length > 1 || (start !== 0 && end !== marked.length)) sink.gram(prefix, marked, start, end);
    }
  }
}

/** The text features of one space ("t" or "s") of a text already normalised (normaliseIntakeText). */
export function addTextFeatures(sink: FeatureSink, space: string, normalisedText: string): void {
  let previousWord: string | null = null;
  let negatedWords = 0;
  for (const [run] of normalisedText.matchAll(RUN)) {
    if (CJK.test(run)) {
      addCharacterGrams(sink, `${space}c:`, foldKana(run), 3);
      previousWord = null;
    } else if (HANGUL.test(run)) {
      sink.gram(`${space}w:`, run, 0, run.length);
      addCharacterGrams(sink, `${space}h:`, run, 3);
      previousWord = null;
    } else {
      sink.gram(`${space}w:`, run, 0, run.length);
      if (previousWord !== null) sink.pair(`${space}b:`, previousWord, run);
      // "not broken", "never arrived", "wasn't damaged": the two words after a negation also count as negated.
      if (negatedWords > 0) sink.gram(`${space}n:`, run, 0, run.length);
      negatedWords = NEGATIONS.has(run) ? 2 : Math.max(0, negatedWords - 1);
      addWordGrams(sink, `${space}l:`, run);
      previousWord = run;
    }
  }
}

/** Character 3- to 5-grams of "<word>": shared by a word's inflections and misspellings (deliverd, delivered). */
function addWordGrams(sink: FeatureSink, prefix: string, word: string): void {
  const marked = `<${word}>`;
  for (let length = 3; length <= 5; length += 1) {
    for (let start = 0; start + length <= marked.length; start += 1) sink.gram(prefix, marked, start, start + length);
  }
}

/** Every feature of a contact with its count (keyword features carry the phrase weight points instead). */
export function intakeFeatureCounts(subject: string, body: string): FeatureCounts {
  const counts: FeatureCounts = new Map();
  addIntakeFeatures(namedSink(counts), subject, body);
  return counts;
}

/** Every feature of a contact, into a sink (intakeFeatureCounts names them; the model hashes them). */
export function addIntakeFeatures(sink: FeatureSink, subject: string, body: string): void {
  // The whole text is normalised once: its n-grams, its denials and its concepts read the same string.
  const wholeText = normaliseIntakeText(`${subject}\n${body}`);
  // What a denial covers ("キャンセルではありません") is read in a space of its own ("n"), not as evidence for "t".
  const negation = negationsIn(wholeText);
  const { outside, inside } = splitBySpans(wholeText, negation.spans);
  addTextFeatures(sink, 't', outside);
  if (inside !== '') addTextFeatures(sink, 'n', inside);
  const normalisedSubject = normaliseIntakeText(subject);
  addTextFeatures(sink, 's', splitBySpans(normalisedSubject, negatedSpans(normalisedSubject)).outside);
  // The keyword table reads its own normal form (digits kept); what a denial covers is no evidence there either.
  const keywordText = `${subject}\n${body}`
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/gu, "'");
  for (const evidence of keywordEvidence('', splitBySpans(keywordText, negatedSpans(keywordText)).outside))
    sink.set(`k:${evidence.category}`, evidence.score);
  for (const mention of conceptMentions(wholeText)) {
    // A phrase that is part of a cue ("ありません" in "ではありません") is no mention; one a denial covers is "xn:".
    if (isInsideSpans(negation.cues, mention.start, mention.end)) continue;
    sink.set(isInsideSpans(negation.spans, mention.start, mention.end) ? `xn:${mention.id}` : `x:${mention.id}`, 1);
  }
}
