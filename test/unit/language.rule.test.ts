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
    [
      'English ending in a Japanese thank-you',
      'My parcel has not arrived yet although tracking says delivered. Could you check? ありがとうございます',
      Language.en,
    ],
    ['English with a Japanese address and name', 'The item is broken, please refund.\n東京都渋谷区神南1-2-3 山田太郎', Language.en],
    ['Chinese quoting 置き配 and ヤマト', '我的包裹显示置き配了，但是门口没有。ヤマト说已经送达。', Language.zh],
    ['traditional Chinese', '我請求退款，訂單還沒收到，謝謝', Language.zh],
    ['Korean with Latin product names', 'AirPods Pro 2세대 주문했는데 아직 안 왔어요', Language.ko],
    ['kanji-heavy Japanese note', '配達完了表示、荷物未着。至急確認願います。', Language.ja],
    ['Japanese agent note about a Chinese caller', 'お客様（中国語）より入電。商品未着との事。', Language.ja],
    ['Japanese with English product words', 'Bluetoothイヤホンのpairingができません', Language.ja],
    ['mostly English with one Japanese word', 'Please cancel the order, 至急 please, I bought the wrong size', Language.en],
    ['English', 'Where is my parcel?', Language.en],
    ['digits only', '503-1234567', Language.en],
    ['empty text', '', Language.en],
  ])('%s ⇒ %s', (_description, text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});
