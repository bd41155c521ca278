import { intakeFeatureCounts, normaliseIntakeText } from '../../src/rules/intake-features.rule';
import { negatedSpans, splitBySpans } from '../../src/rules/intake-negation.rule';

/** The texts the denials of `text` cover, trimmed. */
function denied(text: string): string[] {
  const normalised = normaliseIntakeText(text);
  return negatedSpans(normalised).map((span) => normalised.slice(span.start, span.end).trim());
}

describe('negatedSpans', () => {
  it.each<[string, string, string[]]>([
    // Japanese: the denial follows what it denies, back to the start of the clause.
    ['ja てはいない', '割れてはいないのですが、箱が潰れていました', ['割れ']],
    ['ja ではありません', 'キャンセルではありません。宛名を変更したいです', ['キャンセル']],
    ['ja わけではない', '注文を取り消したいわけではありません', ['注文を取り消したいわけ']],
    ['ja のことではない', '会員費のことではないです。決済が2重です', ['会員費のこと']],
    ['ja じゃなくて', '故障じゃなくて、色が違うんです', ['故障']],
    ['ja a question asserts: no denial', '初期不良ではないでしょうか', []],
    ['ja the complaint itself is no denial', '荷物が届いていません', []],
    // Korean: the same side.
    ['ko 아니에요', '취소는 아니에요. 주소만 바꾸고 싶어요', ['취소는']],
    ['ko 건 아니고', '고장 난 건 아니고요, 색이 달라요', ['고장 난 건']],
    ['ko 아니면 is "or"', '환불 아니면 교환 부탁해요', []],
    ['ko 않 is the complaint', '전원이 켜지지 않아요', []],
    // English: the denial precedes, a few words up to the end of the clause or a contrast.
    ['en not', 'The box is not damaged, but the lid is missing', ['damaged']],
    ["en isn't … but", "The parcel isn't broken but it came late", ['broken']],
    ['en no', 'No damage at all. The item is just the wrong colour', ['damage at all']],
    ['en did not is the complaint', 'I did not receive my refund', []],
    ["en can't is the complaint", "I can't log in to my account", []],
    // Chinese: the denial precedes, to the end of the clause.
    ['zh 不是', '这不是我没买过的东西，订单是我下的', ['我没买过的东西']],
    ['zh 并不是', '并不是想取消，只是想改地址', ['想取消']],
    ['zh 不能 is the complaint', '不能登录账号', []],
  ])('%s: %s', (_name, text, expected) => {
    expect(denied(text)).toEqual(expected);
  });
});

describe('splitBySpans', () => {
  it('keeps the text outside the spans apart from the text inside them', () => {
    const text = 'abc def ghi';
    expect(splitBySpans(text, [{ start: 4, end: 7 }])).toEqual({ outside: 'abc \n ghi', inside: 'def' });
    expect(splitBySpans(text, [])).toEqual({ outside: text, inside: '' });
  });
});

describe('denials in the intake features', () => {
  it('reads a denied concept as xn: and its n-grams in the n space, not as evidence for it', () => {
    const features = intakeFeatureCounts('キャンセルではありません', '宛名を変更していただけますか');
    expect(features.has('xn:cancel')).toBe(true);
    expect(features.has('x:cancel')).toBe(false);
    // N-grams read katakana folded to hiragana (キャ → きゃ).
    expect(features.has('nc:きゃ')).toBe(true);
    expect(features.has('tc:きゃ')).toBe(false);
    expect(features.has('sc:きゃ')).toBe(false);
    expect(features.has('x:change-delivery')).toBe(true);
  });

  it('does not read a cue as a mention ("ありません" of "ではありません" is no missing parcel)', () => {
    expect(intakeFeatureCounts('', 'キャンセルではありません').has('x:not-arrived')).toBe(false);
    expect(intakeFeatureCounts('', '荷物がありません').has('x:not-arrived')).toBe(true);
  });

  it('keeps a concept that carries its own negation ("not working", "届いていない") positive', () => {
    expect(intakeFeatureCounts('', 'The kettle is not working').has('x:does-not-work')).toBe(true);
    expect(intakeFeatureCounts('', '荷物が届いていない').has('x:not-arrived')).toBe(true);
    expect(intakeFeatureCounts('', 'The box is not damaged').has('xn:physically-damaged')).toBe(true);
  });
});
