import { Language } from '../../src/domain/enums';
import { detectLanguage } from '../../src/rules/language.rule';

describe('detectLanguage', () => {
  it.each([
    ['hiragana and kanji', '注文した商品について教えてください', Language.ja],
    ['katakana only', 'キャンセル', Language.ja],
    ['prolonged sound mark', 'ラーメン', Language.ja],
    ['half-width katakana', 'ｷｬﾝｾﾙ', Language.ja],
    ['Japanese with a Latin brand name', 'Kindleで本が読めない', Language.ja],
    ['Hangul', '주문이 취소되었어요', Language.ko],
    ['Hangul next to Han characters, no kana', '注文 주문', Language.ko],
    ['simplified Chinese', '我想退货', Language.zh],
    ['Han characters without kana', '注文番号', Language.zh],
    ['English', 'Where is my parcel?', Language.en],
    ['digits only', '503-1234567', Language.en],
    ['empty text', '', Language.en],
  ])('%s ⇒ %s', (_description, text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});
