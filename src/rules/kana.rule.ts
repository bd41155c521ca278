// Kana folding, shared by the intake features and the concept lexicon (docs/routing.md "The model").

/** Katakana letters (ァ … ヶ); each is its hiragana counterpart + 0x60. */
const KATAKANA_LETTER = /[\u30a1-\u30f6]/gu;
const KATAKANA_TO_HIRAGANA = 0x60;

/**
 * Katakana folded to hiragana: customers write the same word either way ("キャンセル", "きゃんせる"; half-width
 * "ﾍﾝﾋﾟﾝ" is "ヘンピン" after NFKC, and "へんぴん" in casual text), so both read the same. One UTF-16 unit becomes
 * one, so offsets into the folded text are offsets into the original.
 */
export function foldKana(text: string): string {
  return text.replace(KATAKANA_LETTER, (letter) => String.fromCharCode(letter.charCodeAt(0) - KATAKANA_TO_HIRAGANA));
}
