import { Language, TicketCategory } from '../../src/domain/enums';
import { classify, MINIMUM_CLASSIFICATION_CONFIDENCE } from '../../src/rules/classification.rule';
import { detectLanguage } from '../../src/rules/language.rule';
import { classifyContact } from '../../src/intake/contact-classifier';
import { CLASSIFICATION_OWN_CASES } from './classification-own-cases';

const MINIMUM_ACCURACY = 0.9;

const results = CLASSIFICATION_OWN_CASES.map((ownCase) => ({
  ...ownCase,
  language: detectLanguage(`${ownCase.subject} ${ownCase.body}`),
  classification: classify(ownCase.subject, ownCase.body),
}));
const wrong = results.filter((result) => result.classification.category !== result.expected);

function percentage(part: number, whole: number): string {
  return `${part}/${whole} = ${((100 * part) / whole).toFixed(1)} %`;
}

describe('classification accuracy on our own cases', () => {
  it('has at least 50 cases, in Japanese and English, for every category', () => {
    expect(results.length).toBeGreaterThanOrEqual(50);
    for (const language of [Language.ja, Language.en]) {
      const share = results.filter((result) => result.language === language).length / results.length;
      expect(share).toBeGreaterThan(0.4);
    }
    expect(new Set(results.map((result) => result.expected))).toEqual(new Set(Object.values(TicketCategory)));
  });

  it(`classifies at least ${MINIMUM_ACCURACY * 100} % correctly`, () => {
    const correct = results.length - wrong.length;
    console.log(
      [
        `classification accuracy: ${percentage(correct, results.length)}`,
        ...[Language.ja, Language.en].map((language) => {
          const inLanguage = results.filter((result) => result.language === language);
          const correctInLanguage = inLanguage.filter((result) => result.classification.category === result.expected);
          return `  ${language}: ${percentage(correctInLanguage.length, inLanguage.length)}`;
        }),
        ...wrong.map(
          (result) =>
            `  wrong: "${result.subject}" expected ${result.expected}, got ${result.classification.category} ` +
            `(confidence ${result.classification.confidence.toFixed(2)})`,
        ),
      ].join('\n'),
    );
    expect(correct / results.length).toBeGreaterThanOrEqual(MINIMUM_ACCURACY);
  });

  it('is never confident when wrong, so a wrong guess falls back to PLATFORM triage (rule no-order)', () => {
    const confidentlyWrong = wrong
      .filter((result) => result.classification.confidence >= MINIMUM_CLASSIFICATION_CONFIDENCE)
      .map((result) => `${result.subject} ⇒ ${result.classification.category} (${result.classification.confidence})`);
    expect(confidentlyWrong).toEqual([]);
  });
});

describe('the committed intake model on the same own cases (it never trained on them)', () => {
  const modelResults = CLASSIFICATION_OWN_CASES.map((ownCase) => ({
    ...ownCase,
    classification: classifyContact(ownCase.subject, ownCase.body),
  }));

  it(`classifies at least ${MINIMUM_ACCURACY * 100} % correctly`, () => {
    const modelWrong = modelResults.filter((result) => result.classification.category !== result.expected);
    console.log(
      [
        `intake model accuracy on own cases: ${percentage(modelResults.length - modelWrong.length, modelResults.length)}`,
        ...modelWrong.map(
          (result) =>
            `  wrong: "${result.subject}" expected ${result.expected}, got ${result.classification.category} (p ${result.classification.confidence.toFixed(2)})`,
        ),
      ].join('\n'),
    );
    expect((modelResults.length - modelWrong.length) / modelResults.length).toBeGreaterThanOrEqual(MINIMUM_ACCURACY);
  });
});
