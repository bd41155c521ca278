import { keywordEvidence } from './classification.rule';
import { conceptMentions } from './intake-concepts.rule';
import { isInsideSpans, negatedSpans, negationsIn, splitBySpans } from './intake-negation.rule';

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
export const INTAKE_FEATURE_SET = 'ngrams-t-s-n.kana-folded.negation-spans.keywords-outside-denials.concepts-outcomes.subject-half.v4';

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

function add(counts: FeatureCounts, feature: string): void {
  counts.set(feature, (counts.get(feature) ?? 0) + 1);
}

function addCharacterGrams(counts: FeatureCounts, prefix: string, run: string, maxLength: number): void {
  const marked = `^${run}$`;
  const characters = Array.from(marked);
  for (let start = 0; start < characters.length; start += 1) {
    let gram = '';
    for (let length = 1; length <= maxLength && start + length <= characters.length; length += 1) {
      gram += characters[start + length - 1];
      if (gram !== '^' && gram !== '$') add(counts, `${prefix}${gram}`);
    }
  }
}

/** Katakana letters (ァ … ヶ); each is its hiragana counterpart + 0x60. */
const KATAKANA_LETTER = /[\u30a1-\u30f6]/gu;
const KATAKANA_TO_HIRAGANA = 0x60;

/**
 * Katakana folded to hiragana: customers write the same word either way ("キャンセル", "きゃんせる"; half-width
 * "ﾍﾝﾋﾟﾝ" is "ヘンピン" after NFKC, and "へんぴん" in casual text), so both give the same n-grams.
 */
export function foldKana(run: string): string {
  return run.replace(KATAKANA_LETTER, (letter) => String.fromCharCode(letter.charCodeAt(0) - KATAKANA_TO_HIRAGANA));
}

/** The text features of one space ("t" or "s") of a text already normalised (normaliseIntakeText). */
export function addTextFeatures(counts: FeatureCounts, space: string, normalisedText: string): void {
  let previousWord: string | null = null;
  let negatedWords = 0;
  for (const [run] of normalisedText.matchAll(RUN)) {
    if (CJK.test(run)) {
      addCharacterGrams(counts, `${space}c:`, foldKana(run), 3);
      previousWord = null;
    } else if (HANGUL.test(run)) {
      add(counts, `${space}w:${run}`);
      addCharacterGrams(counts, `${space}h:`, run, 3);
      previousWord = null;
    } else {
      add(counts, `${space}w:${run}`);
      if (previousWord !== null) add(counts, `${space}b:${previousWord}_${run}`);
      // "not broken", "never arrived", "wasn't damaged": the two words after a negation also count as negated.
      if (negatedWords > 0) add(counts, `${space}n:${run}`);
      negatedWords = NEGATIONS.has(run) ? 2 : Math.max(0, negatedWords - 1);
      addWordGrams(counts, `${space}l:`, run);
      previousWord = run;
    }
  }
}

/** Character 3- to 5-grams of "<word>": shared by a word's inflections and misspellings (deliverd, delivered). */
function addWordGrams(counts: FeatureCounts, prefix: string, word: string): void {
  const marked = `<${word}>`;
  for (let length = 3; length <= 5; length += 1) {
    for (let start = 0; start + length <= marked.length; start += 1) add(counts, `${prefix}${marked.slice(start, start + length)}`);
  }
}

/** Every feature of a contact with its count (keyword features carry the phrase weight points instead). */
export function intakeFeatureCounts(subject: string, body: string): FeatureCounts {
  const counts: FeatureCounts = new Map();
  // The whole text is normalised once: its n-grams, its denials and its concepts read the same string.
  const wholeText = normaliseIntakeText(`${subject}\n${body}`);
  // What a denial covers ("キャンセルではありません") is read in a space of its own ("n"), not as evidence for "t".
  const negation = negationsIn(wholeText);
  const { outside, inside } = splitBySpans(wholeText, negation.spans);
  addTextFeatures(counts, 't', outside);
  if (inside !== '') addTextFeatures(counts, 'n', inside);
  const normalisedSubject = normaliseIntakeText(subject);
  addTextFeatures(counts, 's', splitBySpans(normalisedSubject, negatedSpans(normalisedSubject)).outside);
  // The keyword table reads its own normal form (digits kept); what a denial covers is no evidence there either.
  const keywordText = `${subject}\n${body}`
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/gu, "'");
  for (const evidence of keywordEvidence('', splitBySpans(keywordText, negatedSpans(keywordText)).outside))
    counts.set(`k:${evidence.category}`, evidence.score);
  for (const mention of conceptMentions(wholeText)) {
    // A phrase that is part of a cue ("ありません" in "ではありません") is no mention; one a denial covers is "xn:".
    if (isInsideSpans(negation.cues, mention.start, mention.end)) continue;
    counts.set(isInsideSpans(negation.spans, mention.start, mention.end) ? `xn:${mention.id}` : `x:${mention.id}`, 1);
  }
  return counts;
}
