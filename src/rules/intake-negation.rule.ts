// Where a contact says that something is NOT the matter ("割れてはいないのですが…", "취소는 아니에요", "the box isn't
// damaged, but…", "这不是我没买过的东西"): the spans of a normalised text (NFKC, lower case, as
// src/rules/intake-features.rule.ts reads it) that a denial covers. The intake features read a concept inside such a
// span as "xn:<concept>" instead of "x:<concept>", and its character n-grams in a space of their own, so that naming a
// category only to rule it out no longer counts as evidence for it.
//
// Only denials count, not every negative verb: "届いていない", "작동하지 않아요", "didn't receive", "不能登录" and
// "can't log in" ARE the complaint, so "ていない", "않", "didn't", "不" and "can't" are not cues. The cues are the
// copula and its relatives, per language:
// - Japanese and Korean put the denial after what it denies: the span runs back from the cue to the start of the
//   clause (ではない/じゃない/てはいない/わけではない…, 아니다/아닌/아닙니다, 문제없다);
// - English and Chinese put it before: the span runs from the cue to the end of the clause, at most a few words
//   (not/isn't/wasn't/no/nothing…, 不是/并非/并不是/而不是…). "not" after an auxiliary ("did not receive") is an event
//   that did not happen, which is a complaint, so it is no cue.

export interface TextSpan {
  /** UTF-16 offsets in the normalised text; end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** Which side of its cue a denial covers. */
type Scope = 'before' | 'after';

interface NegationCue {
  readonly language: 'ja' | 'ko' | 'en' | 'zh';
  readonly scope: Scope;
  readonly pattern: RegExp;
}

export const NEGATION_CUES: readonly NegationCue[] = [
  // ではない, ではなく, ではありません, ではございません, てはいない, てはいません, てはおりません, ではなかった …
  // A question ("不良品ではないでしょうか", "壊れてるじゃないですか") asserts rather than denies: no cue.
  {
    language: 'ja',
    scope: 'before',
    pattern: /[てで]は(?:い|お)?(?:ない|なく|なかっ|ありません|ございません|ません|りません)(?!(?:です|でしょう)?か)/gu,
  },
  { language: 'ja', scope: 'before', pattern: /じゃ(?:ない|なく|なかっ|ありません)(?!(?:です|でしょう)?か)/gu },
  { language: 'ja', scope: 'before', pattern: /は(?:問題|異常)(?:ない|なく|ありません|ございません)/gu },
  // An agent's note of an answer: "取消は…いいえ" (a いいえ that opens a sentence covers nothing).
  { language: 'ja', scope: 'before', pattern: /いいえ/gu },
  // 아니면 is "or": no cue.
  { language: 'ko', scope: 'before', pattern: /아니(?!면)|아닌|아닙|아냐|아녜|문제\s?없/gu },
  { language: 'en', scope: 'after', pattern: /(?<![a-z'])(?:isn't|wasn't|aren't|weren't|nothing|no)(?![a-z'])/gu },
  {
    language: 'en',
    scope: 'after',
    pattern: /(?<!(?:\bdid|\bdo|\bdoes|\bhave|\bhas|\bhad|\bcan|\bcould|\bwill|\bwould|\bshould) )(?<![a-z'])not(?![a-z'])/gu,
  },
  { language: 'zh', scope: 'after', pattern: /不是|並非|并非|并不是|並不是|倒不是|不算/gu },
];

/** Where a clause ends: sentence and clause punctuation in the four languages, and a line break. */
const CLAUSE_BREAK = /[.,;:!?。、，；：！？\n]/u;
/** "X isn't damaged but Y": the English denial stops at a contrast. */
const ENGLISH_CONTRAST = /^(?:but|though|although|however|just|only|it's|its|i|my)$/u;

/** How far a denial reaches at most: characters back for Japanese and Korean, forward for Chinese; words for English. */
const REACH_CHARACTERS = 20;
const REACH_WORDS = 4;
const ENGLISH_REACH_CHARACTERS = 60;

function clauseStartBefore(text: string, position: number): number {
  const earliest = Math.max(0, position - REACH_CHARACTERS);
  for (let index = position - 1; index >= earliest; index -= 1) if (CLAUSE_BREAK.test(text[index])) return index + 1;
  return earliest;
}

function clauseEndAfter(text: string, position: number, reach = REACH_CHARACTERS): number {
  const latest = Math.min(text.length, position + reach);
  for (let index = position; index < latest; index += 1) if (CLAUSE_BREAK.test(text[index])) return index;
  return latest;
}

/** The end of at most REACH_WORDS English words after `position`, stopping at a clause break or a contrast. */
function englishReachAfter(text: string, position: number): number {
  const clauseEnd = clauseEndAfter(text, position, ENGLISH_REACH_CHARACTERS);
  const words = /[^\s]+/gu;
  words.lastIndex = position;
  let end = position;
  for (let count = 0; count < REACH_WORDS; count += 1) {
    const word = words.exec(text);
    if (word === null || word.index >= clauseEnd || ENGLISH_CONTRAST.test(word[0])) break;
    end = Math.min(word.index + word[0].length, clauseEnd);
  }
  return end;
}

function spanOf(text: string, cue: NegationCue, match: RegExpMatchArray): TextSpan {
  const start = match.index ?? 0;
  const end = start + match[0].length;
  if (cue.scope === 'before') return { start: clauseStartBefore(text, start), end: start };
  return { start: end, end: cue.language === 'en' ? englishReachAfter(text, end) : clauseEndAfter(text, end) };
}

function merged(spans: TextSpan[]): TextSpan[] {
  spans.sort((left, right) => left.start - right.start || left.end - right.end);
  const result: TextSpan[] = [];
  for (const span of spans) {
    const last = result[result.length - 1];
    if (last !== undefined && span.start <= last.end) result[result.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else result.push(span);
  }
  return result;
}

export interface Negation {
  /** What the denials cover, in text order, overlapping spans merged. */
  spans: TextSpan[];
  /** The cues themselves ("ではありません" is no "ありません" of a missing parcel). */
  cues: TextSpan[];
}

/** The denials of a normalised text: the spans they cover (empty ones dropped) and where their cues stand. */
export function negationsIn(normalisedText: string): Negation {
  const spans: TextSpan[] = [];
  const cues: TextSpan[] = [];
  for (const cue of NEGATION_CUES) {
    for (const match of normalisedText.matchAll(cue.pattern)) {
      cues.push({ start: match.index, end: match.index + match[0].length });
      const span = spanOf(normalisedText, cue, match);
      if (normalisedText.slice(span.start, span.end).trim() !== '') spans.push(span);
    }
  }
  return { spans: merged(spans), cues: merged(cues) };
}

/** The spans the denials of a normalised text cover (negationsIn(text).spans). */
export function negatedSpans(normalisedText: string): TextSpan[] {
  return negationsIn(normalisedText).spans;
}

/** True when [start, end) lies wholly inside one of the spans. */
export function isInsideSpans(spans: readonly TextSpan[], start: number, end: number): boolean {
  return spans.some((span) => span.start <= start && end <= span.end);
}

/** The text outside the spans (each span replaced by a line break) and the text inside them (one line each). */
export function splitBySpans(text: string, spans: readonly TextSpan[]): { outside: string; inside: string } {
  let outside = '';
  const inside: string[] = [];
  let position = 0;
  for (const span of spans) {
    outside += `${text.slice(position, span.start)}\n`;
    inside.push(text.slice(span.start, span.end));
    position = span.end;
  }
  return { outside: outside + text.slice(position), inside: inside.join('\n') };
}
