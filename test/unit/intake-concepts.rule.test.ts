import { intakeFeatureCounts } from '../../src/rules/intake-features.rule';

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
