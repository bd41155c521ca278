import { intakeFeatureCounts } from '../../src/rules/intake-features.rule';
import { INTAKE_CONCEPTS, KANA_SPELLINGS } from '../../src/rules/intake-concepts.rule';

describe('what the customer asks for, apart from what happened', () => {
  it.each<[string, string]>([
    ['返金してください。箱が潰れて届きました', 'x:asks-refund'],
    ['返品したのにまだ返金されていません', 'x:refund-awaited'],
    ['Please refund me, the kettle arrived cracked', 'x:asks-refund'],
    ['교환해 주세요. 사이즈가 너무 작아요', 'x:asks-exchange'],
    ['단순 변심으로 반품하고 싶어요', 'x:no-fault-return'],
    ['The shoes are too small for my son', 'x:does-not-fit'],
  ])('%s ⇒ %s', (body, concept) => {
    expect(intakeFeatureCounts('', body).has(concept)).toBe(true);
  });
});

describe('kana spellings (half-width katakana, hiragana without kanji)', () => {
  it.each<[string, string]>([
    ['ｷｬﾝｾﾙ ｼﾀｲﾃﾞｽ', 'x:cancel'],
    ['きゃんせるしたい', 'x:cancel'],
    ['ﾍﾝｷﾝｻﾚﾃｲﾏｾﾝ', 'x:refund-awaited'],
    ['へんきんまだー？', 'x:money-back'],
    ['ﾊｲﾀﾂｶﾝﾘｮｳ ﾆ ﾅｯﾃｲﾏｽｶﾞ ﾄﾄﾞｲﾃｲﾏｾﾝ', 'x:marked-delivered'],
    ['ﾌﾞﾋﾝ ｶﾞ ﾀﾘﾏｾﾝ', 'x:something-missing'],
  ])('%s ⇒ %s', (body, concept) => {
    expect(intakeFeatureCounts('', body).has(concept)).toBe(true);
  });

  it('names only concepts of the lexicon', () => {
    const ids = new Set(INTAKE_CONCEPTS.map((concept) => concept.id));
    expect(Object.keys(KANA_SPELLINGS).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('reads a spelling, not a word that shares its kana ("はらいもどし" is a refund, not "しはらい", a payment)', () => {
    const counts = intakeFeatureCounts('', 'ﾊﾗｲﾓﾄﾞｼ ｦ ｵﾈｶﾞｲｼﾏｽ');
    expect(counts.has('x:money-back')).toBe(true);
    expect(counts.has('x:charge')).toBe(false);
  });
});
