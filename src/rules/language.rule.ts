import { Language } from '../domain/enums';

// Script detection, not statistics: the four supported languages are told apart by their writing systems alone.
// Precedence matters because Japanese is written with Han characters too: any kana makes a text Japanese, Hangul
// makes it Korean, Han without kana makes it Chinese, and everything else (Latin script, digits, empty) is English.

/** Hiragana, katakana (including the prolonged sound mark ー), katakana phonetic extensions, half-width katakana. */
const KANA = /[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u;
const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;

export function detectLanguage(text: string): Language {
  if (KANA.test(text)) return Language.ja;
  if (HANGUL.test(text)) return Language.ko;
  if (HAN.test(text)) return Language.zh;
  return Language.en;
}
