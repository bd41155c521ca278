import { join } from 'node:path';
import { TicketCategory } from '../../src/domain/enums';
import { corpusLine, IntakeExample, parseCorpusLine, readCorpus, splitOfId } from '../../src/intake/intake-corpus';
import { calibrate, evaluate, expectedCalibrationError } from '../../src/intake/intake-evaluation';
import { parseIntakeModel, serialiseIntakeModel } from '../../src/intake/intake-model-file';
import { trainIntakeModel } from '../../src/intake/intake-trainer';
import { EVALUATION_ROUTING } from '../../src/intake/intake-training-run';
import { foldKana, intakeFeatureCounts, normaliseIntakeText } from '../../src/rules/intake-features.rule';
import { buildFeatureTable, featureKey } from '../../src/rules/intake-feature-table.rule';
import {
  categoryProbabilities,
  classifyWithModel,
  featureIndexOf,
  IntakeModel,
  modelVector,
  namedCategoryProbabilities,
  vectorise,
} from '../../src/rules/intake-model.rule';

// A small model trained from a fixture of 32 contacts in four categories: what it learns, that training is
// deterministic, that the file format keeps its predictions, and that calibration and the guess threshold hold.

const FIXTURE = readCorpus(join(__dirname, '../fixtures/intake'));
const CATEGORIES = [TicketCategory.ITEM_NOT_RECEIVED, TicketCategory.CANCEL_ORDER, TicketCategory.PAYMENT_ISSUE, TicketCategory.OTHER];
const OPTIONS = { epochs: 30, learningRate: 0.5, l2: 1e-5, minDocumentFrequency: 1, seed: 7 };
const train = FIXTURE.filter((example) => example.split === 'train');
const dev = FIXTURE.filter((example) => example.split === 'dev');
const model = calibrate(trainIntakeModel(train, CATEGORIES, OPTIONS), dev);

describe('intake features', () => {
  it.each([
    ['full-width letters and digits', 'ＡＢＣ１２３', 'abc0'],
    ['half-width katakana', 'ﾍﾝﾋﾟﾝ', 'ヘンピン'],
    ['order numbers collapse to one digit', '注文番号 250-1234567-7654321', '注文番号 0-0-0'],
    ['web addresses', 'see https://example.com/x?y=1 now', 'see  urlx  now'],
  ])('normalises %s', (_name, text, expected) => {
    expect(normaliseIntakeText(text)).toBe(expected);
  });

  it.each([
    ['katakana', 'キャンセル', 'きゃんせる'],
    ['half-width katakana, once NFKC-normalised', normaliseIntakeText('ﾍﾝﾋﾟﾝ'), 'へんぴん'],
    ['the small ヵ and ヶ', 'ヵヶ', 'ゕゖ'],
    ['hiragana, kanji, the prolonged-sound mark and Latin letters unchanged', 'ちょーだい返品abc', 'ちょーだい返品abc'],
  ])('folds %s to hiragana', (_name, text, expected) => {
    expect(foldKana(text)).toBe(expected);
  });

  it('reads katakana and hiragana spellings of a word as the same n-grams', () => {
    const katakana = [...intakeFeatureCounts('', 'キャンセル').keys()].filter((feature) => feature.startsWith('tc:'));
    const hiragana = [...intakeFeatureCounts('', 'きゃんせる').keys()].filter((feature) => feature.startsWith('tc:'));
    expect(katakana).toEqual(hiragana);
    expect(katakana).toContain('tc:きゃん');
  });

  it('keeps subject, whole text and keyword evidence in separate spaces', () => {
    const features = intakeFeatureCounts('Refund', '返金されていません');
    expect(features.has('sw:refund')).toBe(true);
    expect(features.has('tw:refund')).toBe(true);
    expect(features.has('tc:返金')).toBe(true);
    expect(features.has('sc:返金')).toBe(false);
    expect([...features.keys()].some((feature) => feature.startsWith('k:'))).toBe(true);
  });

  it('gives Korean words and their character grams, English word pairs and trigrams', () => {
    const features = intakeFeatureCounts('', '배송이 늦어요 parcel arrived late');
    expect(features.has('tw:배송이')).toBe(true);
    expect(features.has('th:배송')).toBe(true);
    expect(features.has('tb:parcel_arrived')).toBe(true);
    expect(features.has('tl:<pa')).toBe(true);
  });
});

describe('a model trained from the fixture', () => {
  it.each<[string, string, TicketCategory]>([
    ['', '配達完了と出ていますが荷物を受け取っていません', TicketCategory.ITEM_NOT_RECEIVED],
    ['Where is it', 'The tracking shows delivered but the package is not here', TicketCategory.ITEM_NOT_RECEIVED],
    ['', 'この注文をキャンセルしたいのですが', TicketCategory.CANCEL_ORDER],
    ['Order', 'please cancel my order', TicketCategory.CANCEL_ORDER],
    ['', 'カードで2回請求されました', TicketCategory.PAYMENT_ISSUE],
    ['Billing', 'I was charged twice', TicketCategory.PAYMENT_ISSUE],
    ['', 'ギフト包装はお願いできますか', TicketCategory.OTHER],
  ])('classifies "%s %s" as %s', (subject, body, expected) => {
    expect(classifyWithModel(model, subject, body).category).toBe(expected);
  });

  it('gives probabilities that sum to one, and the runner-up', () => {
    const probabilities = categoryProbabilities(model, '', 'cancel my order please');
    expect(probabilities.reduce((sum, probability) => sum + probability, 0)).toBeCloseTo(1, 10);
    const classification = classifyWithModel(model, '', 'cancel my order please');
    expect(classification.runnerUp).not.toBeNull();
    expect(classification.confidence).toBeGreaterThan(classification.runnerUp!.probability);
    expect(classification.modelVersion).toBe(model.version);
  });

  it('is less sure of text it has never seen anything like', () => {
    const known = classifyWithModel(model, 'Cancel order', 'Please cancel my order');
    const unknown = classifyWithModel(model, '', 'zzqx vvkw');
    expect(unknown.confidence).toBeLessThan(known.confidence);
    expect(unknown.isGuess).toBe(unknown.confidence < model.guessBelow);
  });

  it('trains deterministically: the same examples and options give the same version and weights', () => {
    const again = trainIntakeModel(train, CATEGORIES, OPTIONS);
    const first = trainIntakeModel(train, CATEGORIES, OPTIONS);
    expect(again.version).toBe(first.version);
    expect(Buffer.from(again.weights.buffer).equals(Buffer.from(first.weights.buffer))).toBe(true);
    const otherSeed = trainIntakeModel(train, CATEGORIES, { ...OPTIONS, seed: 8 });
    expect(otherSeed.version).not.toBe(first.version);
  });

  it('keeps its predictions through the file format (weights quantised to 16 bits)', () => {
    const reloaded: IntakeModel = parseIntakeModel(JSON.parse(JSON.stringify(serialiseIntakeModel(model, {}))));
    for (const example of FIXTURE) {
      const before = categoryProbabilities(model, example.subject, example.body);
      const after = categoryProbabilities(reloaded, example.subject, example.body);
      before.forEach((probability, index) => expect(Math.abs(probability - after[index])).toBeLessThan(1e-3));
    }
    expect(reloaded.version).toBe(model.version);
    expect(reloaded.guessBelow).toBe(model.guessBelow);
  });

  it('reads the vocabulary from the file as names in index order; the name → index Map is the same on demand', () => {
    const reloaded = parseIntakeModel(JSON.parse(JSON.stringify(serialiseIntakeModel(model, {}))));
    expect(reloaded.featureNames).toEqual(model.featureNames);
    const featureIndex = featureIndexOf(reloaded);
    expect(featureIndex.size).toBe(reloaded.featureNames.length);
    reloaded.featureNames.forEach((feature, index) => expect(featureIndex.get(feature)).toBe(index));
    expect(featureIndexOf(reloaded)).toBe(featureIndex);
  });

  it('reports accuracy, owners and calibration on the examples it is given', () => {
    const report = evaluate(model, train, EVALUATION_ROUTING);
    expect(report.contacts).toBe(train.length);
    expect(report.category.right).toBe(train.length);
    expect(report.perCategory.CANCEL_ORDER.recall).toBe(1);
    expect(report.confusion.OTHER.OTHER).toBe(6);
  });
});

describe('calibration error', () => {
  const example = (category: TicketCategory) => ({ category }) as IntakeExample;
  it.each<[string, Array<[TicketCategory, TicketCategory, number]>, number]>([
    ['perfect: sure and right', [[TicketCategory.OTHER, TicketCategory.OTHER, 1]], 0],
    ['sure and wrong', [[TicketCategory.OTHER, TicketCategory.CANCEL_ORDER, 1]], 1],
    [
      'half sure, right half the time',
      [
        [TicketCategory.OTHER, TicketCategory.OTHER, 0.5],
        [TicketCategory.OTHER, TicketCategory.CANCEL_ORDER, 0.5],
      ],
      0,
    ],
    [
      '90 % sure, always right',
      [
        [TicketCategory.OTHER, TicketCategory.OTHER, 0.9],
        [TicketCategory.OTHER, TicketCategory.OTHER, 0.9],
      ],
      0.1,
    ],
  ])('%s', (_name, results, expected) => {
    const scored = results.map(([actual, predicted, probability]) => ({ example: example(actual), category: predicted, probability }));
    expect(expectedCalibrationError(scored)).toBeCloseTo(expected, 10);
  });
});

describe('corpus records', () => {
  it('fixes a split by the id, about 70/10/20', () => {
    const splits = Array.from({ length: 2000 }, (_, index) => splitOfId(`id-${index}`));
    expect(splitOfId('ja-a-0001')).toBe(splitOfId('ja-a-0001'));
    expect(splits.filter((split) => split === 'train').length / 2000).toBeCloseTo(0.7, 1);
    expect(splits.filter((split) => split === 'test').length / 2000).toBeCloseTo(0.2, 1);
  });

  it('round-trips a line and refuses a bad one with its location', () => {
    const line = corpusLine(FIXTURE[0]);
    expect(parseCorpusLine(line, 'x:1')).toEqual(FIXTURE[0]);
    expect(() => parseCorpusLine(line.replace('ITEM_NOT_RECEIVED', 'LOST'), 'file.jsonl:3')).toThrow(/file.jsonl:3: category/);
  });
});

describe('hashed features (the classification path)', () => {
  const samples: Array<[string, string]> = [
    ['至急', '配達完了になってるのに荷物が届いていません。宅配ボックスも確認しました。'],
    ['', 'ｷｬﾝｾﾙしたいです。割れてはいないのですが…'],
    ['Refund', "The box isn't damaged but I haven't received my refund 😡 𠮷野家"],
    ['', '배송이 늦어요 Galaxy Buds 환불해 주세요'],
    ['', '这不是我买的东西，请退款'],
  ];

  it('gives the vector the named features give, for the fixture and mixed scripts', () => {
    for (const [subject, body] of [...samples, ...FIXTURE.map((example): [string, string] => [example.subject, example.body])]) {
      const named = vectorise(intakeFeatureCounts(subject, body), featureIndexOf(model), model.idf);
      const hashed = modelVector(model, subject, body);
      expect(Array.from(hashed.indexes)).toEqual(Array.from(named.indexes));
      expect(Array.from(hashed.values)).toEqual(Array.from(named.values));
      expect(Array.from(categoryProbabilities(model, subject, body))).toEqual(Array.from(namedCategoryProbabilities(model, subject, body)));
    }
  });

  it('keys a feature name the same however it is split, and refuses a vocabulary with a name twice', () => {
    expect(featureKey('tc:きゃん')).toEqual(featureKey('tc:きゃん'));
    expect(featureKey('tc:きゃん')).not.toEqual(featureKey('tc:きゃ'));
    expect(() => buildFeatureTable(['tw:refund', 'tc:返金', 'tw:refund'])).toThrow(/share a hash key/);
  });
});
