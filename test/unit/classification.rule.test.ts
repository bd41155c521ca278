import { Language, TicketCategory } from '../../src/domain/enums';
import {
  CATEGORY_PRECEDENCE,
  classify,
  CLASSIFICATION_KEYWORDS,
  findPhrases,
  keywordEvidence,
  MINIMUM_CLASSIFICATION_CONFIDENCE,
  normaliseForMatching,
} from '../../src/rules/classification.rule';

describe('classify', () => {
  describe.each([
    ['a Japanese opener with nothing to classify', 'お伺いしたいことがあります', 'よろしくお願いいたします。'],
    ['an English opener with nothing to classify', 'I have a question', ''],
    ['a greeting', 'Hello', 'Can you help me?'],
    ['a general question about a service', 'Gift wrap', 'Is gift wrapping available?'],
    ['empty text', '', ''],
  ])('vague text: %s', (_description, subject, body) => {
    it('is OTHER with confidence 0, below the minimum', () => {
      const classification = classify(subject, body);
      expect(classification).toEqual({ category: TicketCategory.OTHER, confidence: 0, matchedKeywords: [] });
      expect(classification.confidence).toBeLessThan(MINIMUM_CLASSIFICATION_CONFIDENCE);
    });
  });

  it.each([
    ['the longer phrase claims the span', 'Refund not received', '', TicketCategory.REFUND_NOT_RECEIVED],
    ['the shorter phrase alone', 'Parcel not received', '', TicketCategory.ITEM_NOT_RECEIVED],
    ['the heavier phrase claims the span', '配送が遅れています', '', TicketCategory.DELIVERY_DELAYED],
    ['full-width Latin letters are folded', 'ＫＩＮＤＬＥ', 'ダウンロードできない', TicketCategory.DIGITAL_SERVICE],
    ['a typographic apostrophe matches', 'I can’t sign in', '', TicketCategory.ACCOUNT_ACCESS],
  ])('%s', (_description, subject, body, expected) => {
    expect(classify(subject, body).category).toBe(expected);
  });

  it.each([
    ['"lost" inside "almost"', 'almost', 'lost'],
    ['"card" inside "cardigan"', 'my cardigan', 'card'],
    ['"app" inside "happy"', 'happy', 'app'],
    ['"ios" inside "curious"', 'curious', 'ios'],
  ])('respects word boundaries: %s', (_description, text, phrase) => {
    expect(findPhrases(text, [phrase])).toEqual([]);
  });

  it.each([
    ['a plural "s"', 'asked the neighbours', 'neighbour'],
    ['a Latin word next to Japanese', 'Kindleで読めない', 'kindle'],
    ['a phrase across a line break', 'charged\ntwice', 'charged twice'],
    ['a Japanese phrase inside a longer word', '受け取っていませんでした', '受け取っていません'],
  ])('matches %s', (_description, text, phrase) => {
    expect(findPhrases(text, [phrase])).toEqual([phrase]);
  });

  it('counts a phrase repeated in subject and body once', () => {
    expect(classify('遅延しています', '遅延しています')).toEqual(classify('遅延しています', ''));
  });

  it('reports the winning category’s phrases in order of appearance', () => {
    expect(classify('Charged twice', 'My bank statement shows a duplicate charge').matchedKeywords).toEqual([
      'charged twice',
      'bank statement',
      'duplicate charge',
    ]);
  });

  it.each([
    ['fraud before delivery delay', '詐欺', '遅延', TicketCategory.FRAUD_PHISHING],
    ['the same, written the other way round', '遅延', '詐欺', TicketCategory.FRAUD_PHISHING],
    ['payment before cancellation', 'double charge', 'cancel my order', TicketCategory.PAYMENT_ISSUE],
  ])('breaks a tie by CATEGORY_PRECEDENCE with confidence 0: %s', (_description, subject, body, expected) => {
    expect(classify(subject, body)).toMatchObject({ category: expected, confidence: 0 });
  });

  it.each([
    ['one STRONG phrase is enough', '誤配送', '', true],
    ['one MEDIUM phrase is not', 'refund', '', false],
    ['a MEDIUM and a WEAK phrase of one category are', 'credit card', 'statement', true],
  ])('confidence threshold: %s', (_description, subject, body, confident) => {
    const { confidence } = classify(subject, body);
    expect(confidence >= MINIMUM_CLASSIFICATION_CONFIDENCE).toBe(confident);
    expect(confidence).toBeGreaterThanOrEqual(0);
    expect(confidence).toBeLessThanOrEqual(1);
  });
});

describe('CLASSIFICATION_KEYWORDS', () => {
  const classifiedCategories = Object.values(TicketCategory).filter((category) => category !== TicketCategory.OTHER);

  it.each(classifiedCategories.flatMap((category) => [Language.ja, Language.en].map((language) => [category, language])))(
    '%s has %s phrases',
    (category, language) => {
      const phrases = CLASSIFICATION_KEYWORDS.filter((group) => group.category === category && group.language === language).flatMap(
        (group) => group.phrases,
      );
      expect(phrases.length).toBeGreaterThan(0);
    },
  );

  it('has no phrases for OTHER, which is what remains', () => {
    expect(CLASSIFICATION_KEYWORDS.filter((group) => group.category === TicketCategory.OTHER)).toEqual([]);
  });

  it('lists every phrase once per category, already in normalised form, with a positive weight', () => {
    const seen = new Set<string>();
    for (const group of CLASSIFICATION_KEYWORDS) {
      expect(group.weight).toBeGreaterThan(0);
      for (const phrase of group.phrases) {
        expect(normaliseForMatching(phrase)).toBe(phrase);
        const key = `${group.category}|${phrase}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
  });

  it('never lets a phrase contain a heavier phrase of another category', () => {
    const entries = CLASSIFICATION_KEYWORDS.flatMap((group) =>
      group.phrases.map((phrase) => ({ category: group.category, phrase, weight: group.weight })),
    );
    const violations = entries.flatMap((outer) =>
      entries
        .filter(
          (inner) =>
            inner.category !== outer.category &&
            inner.phrase !== outer.phrase &&
            inner.weight > outer.weight &&
            findPhrases(outer.phrase, [inner.phrase]).length > 0,
        )
        .map((inner) => `${outer.phrase} ⊃ ${inner.phrase}`),
    );
    expect(violations).toEqual([]);
  });

  it('finds every phrase of the table, in a text of the phrase alone and inside a sentence', () => {
    // keywordEvidence only checks the phrases whose first two characters the text holds: none may be skipped.
    const missed = CLASSIFICATION_KEYWORDS.flatMap((group) =>
      group.phrases
        .filter((phrase) =>
          [phrase, `お問い合わせです。 ${phrase} 。よろしく`].some(
            (text) => !keywordEvidence('', text).some((evidence) => evidence.category === group.category),
          ),
        )
        .map((phrase) => `${group.category}: ${phrase}`),
    );
    expect(missed).toEqual([]);
  });

  it('CATEGORY_PRECEDENCE orders every category exactly once', () => {
    expect([...CATEGORY_PRECEDENCE].sort()).toEqual(Object.values(TicketCategory).sort());
  });
});
