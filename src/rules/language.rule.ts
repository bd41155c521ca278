import { Language } from '../domain/enums';

// Language detection by writing system, robust to mixed text (docs/routing.md "Language").
//
// 1. Letters are counted per script: Latin, Hangul, kana (hiragana, katakana, half-width katakana) and Han. A Han,
//    kana or Hangul character weighs CJK_CHARACTER_WEIGHT Latin letters (one carries about as much text as two
//    letters), so English that ends in "ありがとうございます" or carries a Japanese address stays English, and Korean
//    that names "Galaxy Buds" stays Korean.
// 2. The heaviest of Latin, Hangul and CJK (Han + kana) decides; a tie goes to Hangul (Korean may quote Hanja),
//    then CJK.
// 3. Within CJK, kana decides Japanese only when it is more than incidental: at least KANA_SHARE_FOR_JAPANESE of the
//    CJK characters, or any kana at all when the text has no character that only Chinese writes (a kanji-heavy
//    Japanese note still has its です or お). Chinese quoting 置き配 or ヤマト has a little kana and Chinese-only
//    characters (我, 们, 吗, 没, 这 …), and stays Chinese.

const KANA = /[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u;
const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/** Characters Chinese writes and Japanese does not (simplified and traditional forms, and Chinese particles). */
const CHINESE_ONLY = new Set(
  Array.from(
    // Simplified forms Japanese writes differently (们 for 們, 这 for 這, 没 for 没… 题 for 題, 实 for 実), the
    // traditional forms Japanese replaced (們 這 說 發 對 單 號 裡), and Chinese particles and pronouns.
    '我你她们們这這吗嗎呢吧没沒还给说說请谢么为个货发發买钱錢让讓对對递遞单單订邮运帐账號码网页裡' +
      '问题时间见现实际过后从样怎啥咋呀啊哦嘛哪谁该应开关门吃' +
      '电话显户联系卖员长车於關處戶隨變權啟們裡嗎麼還沒這說讓對',
  ),
);

export const CJK_CHARACTER_WEIGHT = 2;
export const KANA_SHARE_FOR_JAPANESE = 0.2;
/** Chinese-only characters that make a CJK text Chinese even with much kana: at least 3, and 1 in 10 Han characters. */
const CHINESE_ONLY_MINIMUM = 3;
const CHINESE_ONLY_SHARE = 0.1;

interface ScriptCounts {
  latin: number;
  hangul: number;
  kana: number;
  han: number;
  chineseOnly: number;
}

function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { latin: 0, hangul: 0, kana: 0, han: 0, chineseOnly: 0 };
  for (const character of text) {
    if (KANA.test(character)) counts.kana += 1;
    else if (HANGUL.test(character)) counts.hangul += 1;
    else if (HAN.test(character)) {
      counts.han += 1;
      if (CHINESE_ONLY.has(character)) counts.chineseOnly += 1;
    } else if (LATIN.test(character)) counts.latin += 1;
  }
  return counts;
}

function japaneseOrChinese(counts: ScriptCounts): Language {
  if (counts.kana === 0) return Language.zh;
  // Chinese that quotes a Japanese notice ("このアカウントは停止されています") has much kana, but its own sentences
  // are full of characters Japanese never writes; Japanese has almost none of them.
  const chineseSentences = counts.chineseOnly >= Math.max(CHINESE_ONLY_MINIMUM, CHINESE_ONLY_SHARE * counts.han);
  if (chineseSentences && counts.kana < counts.han) return Language.zh;
  if (counts.kana >= KANA_SHARE_FOR_JAPANESE * (counts.kana + counts.han)) return Language.ja;
  return counts.chineseOnly > 0 ? Language.zh : Language.ja;
}

export function detectLanguage(text: string): Language {
  const counts = countScripts(text.normalize('NFKC'));
  const cjk = (counts.kana + counts.han) * CJK_CHARACTER_WEIGHT;
  const hangul = counts.hangul * CJK_CHARACTER_WEIGHT;
  if (cjk === 0 && hangul === 0) return Language.en;
  if (hangul >= cjk && hangul >= counts.latin) return Language.ko;
  if (cjk >= counts.latin) return japaneseOrChinese(counts);
  return Language.en;
}
