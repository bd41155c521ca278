import { Language, TicketCategory } from '../domain/enums';

// Keyword classification of a customer's subject and body (docs/routing.md "Classification").
//
// Scoring, in order:
// 1. Subject and body are normalised (NFKC, lower case, one space between words) and every phrase of
//    CLASSIFICATION_KEYWORDS is looked up in them, whatever the language of the text: Japanese customers write
//    "Kindle" and "iPhone" in Latin letters.
// 2. Overlapping matches are resolved heaviest first, then longest first, so "refund not received" is one piece of
//    evidence for REFUND_NOT_RECEIVED and not also "not received" for ITEM_NOT_RECEIVED. The same span listed under
//    two categories counts for both. Table invariant (tested): a phrase that contains another category's phrase is
//    at least as heavy, so a specific phrase is never outweighed by a generic one inside it.
// 3. A category scores the sum of the weights of the distinct phrases that survived; repeating a phrase in subject
//    and body counts once.
// 4. The highest score wins; equal scores are broken by CATEGORY_PRECEDENCE.
// 5. Confidence measures the winner's lead over the runner-up, in weight points: lead / (lead + 2). One STRONG
//    phrase alone gives 4 / 6 ≈ 0.67; one MEDIUM phrase alone gives 0.5; a tie gives 0.
// No phrase at all yields OTHER with confidence 0, which routes to PLATFORM triage.

export interface Classification {
  category: TicketCategory;
  /** 0..1; below MINIMUM_CLASSIFICATION_CONFIDENCE the category is a guess and the ticket goes to triage. */
  confidence: number;
  /** The winning category's phrases found in the text, in order of first appearance. */
  matchedKeywords: string[];
}

export interface ClassificationKeywords {
  readonly category: TicketCategory;
  /** The language the phrases are written in; every phrase is looked up in every text. */
  readonly language: Language;
  /** Weight points one phrase of this group adds to its category. */
  readonly weight: number;
  /**
   * Japanese phrases match anywhere. Phrases that begin or end with a Latin letter or digit match whole words
   * only, and a plural "s" after the last word is accepted ("neighbour" matches "neighbours").
   */
  readonly phrases: readonly string[];
}

/** A lead of at least 3 weight points: one STRONG phrase, or a MEDIUM and a WEAK one that nothing contradicts. */
export const MINIMUM_CLASSIFICATION_CONFIDENCE = 0.6;

/** The lead, in weight points, at which confidence is one half. */
const LEAD_AT_HALF_CONFIDENCE = 2;

/** Decides a category on its own. */
const STRONG = 4;
/** Typical of the category, but also said in others. */
const MEDIUM = 2;
/** A hint that only tips a balance. */
const WEAK = 1;

/**
 * Tie-break between equal scores, first wins: security and money before everything (a missed fraud costs most),
 * then the specific delivery facts before the generic ones, then the item's condition, then changes to an order,
 * then services. A tie always has confidence 0, so this only decides the guess shown to the triage agent.
 */
export const CATEGORY_PRECEDENCE: readonly TicketCategory[] = [
  TicketCategory.FRAUD_PHISHING,
  TicketCategory.ACCOUNT_ACCESS,
  TicketCategory.PAYMENT_ISSUE,
  TicketCategory.REFUND_NOT_RECEIVED,
  TicketCategory.MISDELIVERED,
  TicketCategory.DAMAGED_IN_TRANSIT,
  TicketCategory.ITEM_NOT_RECEIVED,
  TicketCategory.DELIVERY_DELAYED,
  TicketCategory.MISSING_PARTS,
  TicketCategory.NOT_AS_DESCRIBED,
  TicketCategory.DEFECTIVE_ITEM,
  TicketCategory.RETURN_REQUEST,
  TicketCategory.CANCEL_ORDER,
  TicketCategory.CHANGE_ORDER,
  TicketCategory.MEMBERSHIP,
  TicketCategory.DIGITAL_SERVICE,
  TicketCategory.OTHER,
];

export const CLASSIFICATION_KEYWORDS: readonly ClassificationKeywords[] = [
  // ITEM_NOT_RECEIVED: the parcel should be here, or is said to be, and is not.
  {
    category: TicketCategory.ITEM_NOT_RECEIVED,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '受け取っていません',
      '受け取っていない',
      '受け取っておりません',
      '受け取れていません',
      '受け取れていない',
      '見当たりません',
      '見当たらない',
      '手元に届いて',
      '届いておりません',
      '配達済みなのに',
      '配達完了なのに',
      '届いたことになって',
      'まだ来ません',
      '荷物が来ない',
      '紛失',
      'どこにもありません',
      '何もありませんでした',
      '配達されたことになって',
      '見つかりません',
      '探しても',
    ],
  },
  {
    category: TicketCategory.ITEM_NOT_RECEIVED,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['届いていません', '届いていない', '届いてない', '届かない', '届きません', '配達完了', '配達済み', 'お届け済み'],
  },
  {
    category: TicketCategory.ITEM_NOT_RECEIVED,
    language: Language.ja,
    weight: WEAK,
    phrases: ['置き配', '宅配ボックス', '荷物', 'ポスト', '玄関'],
  },
  {
    category: TicketCategory.ITEM_NOT_RECEIVED,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'never arrived',
      'never received',
      'never got it',
      'not received',
      "haven't received",
      'have not received',
      "hasn't arrived",
      'has not arrived',
      "didn't receive",
      'did not receive',
      "didn't arrive",
      'did not arrive',
      'not arrived',
      'marked as delivered',
      'marked delivered',
      'says delivered',
      'says it was delivered',
      'says my parcel was delivered',
      'says my package was delivered',
      'shows delivered',
      'shows as delivered',
      'nothing at my door',
      'nothing arrived',
      'not here',
      "can't find my package",
      'cannot find my package',
      'package is missing',
      'parcel is missing',
      'missing package',
      'missing parcel',
      'was lost',
      'got lost',
      'package lost',
      'parcel lost',
      'delivery confirmation',
      'no parcel',
      'no package',
      'where is my parcel',
      'where is my package',
      'claims it was delivered',
      "isn't here",
      'is not here',
      'looked everywhere',
    ],
  },
  {
    category: TicketCategory.ITEM_NOT_RECEIVED,
    language: Language.en,
    weight: MEDIUM,
    phrases: [
      'delivered',
      'lost',
      'neighbour',
      'neighbor',
      'reception',
      'handed over',
      'where is my order',
      'claims it was',
      'dropped off',
    ],
  },

  // DELIVERY_DELAYED: not shipped yet, or on its way for too long.
  {
    category: TicketCategory.DELIVERY_DELAYED,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '配送が遅れ',
      '遅延',
      '予定日を過ぎ',
      '発送されていません',
      '発送されません',
      '発送されない',
      '発送の連絡がありません',
      '発送連絡がありません',
      '更新されません',
      '更新されない',
      '輸送中のまま',
      '変わっていません',
      '届く予定だった',
      '到着が遅',
      '届くのが遅',
      '出荷されていない',
      '出荷されていません',
      '出荷準備中',
    ],
  },
  {
    category: TicketCategory.DELIVERY_DELAYED,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['遅れています', '遅い', 'いつ届き', 'いつ頃届き', 'まだ届かず', '経ちますが', '予定だった', 'いつになります', '出荷'],
  },
  {
    category: TicketCategory.DELIVERY_DELAYED,
    language: Language.ja,
    weight: WEAK,
    phrases: ['追跡', '配送状況', 'お届け予定日', 'まだ発送'],
  },
  {
    category: TicketCategory.DELIVERY_DELAYED,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'running late',
      'is late',
      'are late',
      'delayed',
      'delay',
      'not shipped',
      "hasn't shipped",
      'has not shipped',
      'not been shipped',
      'not yet shipped',
      'delivery date has passed',
      'date has passed',
      'supposed to arrive',
      'should have arrived',
      'should have been delivered',
      'not updated',
      "hasn't updated",
      'has not updated',
      'stuck in transit',
      'still in transit',
      'when will it arrive',
      'when will it be delivered',
      'taking too long',
      'late delivery',
      'not dispatched',
      "hasn't dispatched",
      'has not dispatched',
      'not been dispatched',
      'not yet dispatched',
      'still waiting for my order',
      'still waiting for the delivery',
      "hasn't moved",
      'has not moved',
      'no movement',
      'not moving',
    ],
  },
  {
    category: TicketCategory.DELIVERY_DELAYED,
    language: Language.en,
    weight: MEDIUM,
    phrases: [
      'late',
      'in transit',
      'estimated delivery',
      'no update',
      'dispatch',
      'still not',
      "still hasn't",
      'sorting centre',
      'sorting center',
    ],
  },
  {
    category: TicketCategory.DELIVERY_DELAYED,
    language: Language.en,
    weight: WEAK,
    phrases: ['tracking', 'expected'],
  },

  // MISDELIVERED: the carrier delivered to the wrong place, or someone else's parcel came here.
  {
    category: TicketCategory.MISDELIVERED,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '誤配送',
      '誤配達',
      '誤配',
      '別の住所',
      '違う住所',
      '間違った住所',
      '間違った場所',
      '違う場所',
      '隣の家',
      '隣人',
      '他人宛',
      '宛ではない',
      '別の方の荷物',
      '他の人の荷物',
      '別のマンション',
      '別の家',
      '間違って配達',
      '間違って届',
      '別の部屋',
      '違う部屋',
      '近所の家',
      '近所の方の家',
      '別のお宅',
      'よそのお宅',
    ],
  },
  {
    category: TicketCategory.MISDELIVERED,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['宛名', '隣', '部屋番号', '届けてもらいました'],
  },
  {
    category: TicketCategory.MISDELIVERED,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'wrong address',
      'wrong house',
      'wrong door',
      'wrong building',
      'wrong flat',
      'wrong apartment',
      'misdelivered',
      'mis-delivered',
      'delivered to my neighbour',
      'delivered to my neighbor',
      "someone else's package",
      "someone else's parcel",
      'addressed to someone else',
      'not my address',
      'delivered to the wrong',
      'left at the wrong',
      'another house',
      "someone else's",
      'not mine',
      'delivered to a stranger',
    ],
  },
  {
    category: TicketCategory.MISDELIVERED,
    language: Language.en,
    weight: MEDIUM,
    phrases: [
      'another address',
      'different address',
      'neighbour',
      'neighbor',
      'do not recognise',
      "don't recognise",
      'do not recognize',
      "don't recognize",
    ],
  },

  // DAMAGED_IN_TRANSIT: broken on the way, visible on the parcel.
  {
    category: TicketCategory.DAMAGED_IN_TRANSIT,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '破損',
      '潰れ',
      'へこ',
      '凹ん',
      '割れ',
      '欠けて',
      '梱包が破れ',
      '箱が破れ',
      '濡れ',
      '水浸し',
      '輸送中の事故',
      '配送事故',
      '輸送中に',
      '配送中に破損',
      '配送中に壊',
      '配送中に傷',
      'ひび',
      '衝撃',
    ],
  },
  {
    category: TicketCategory.DAMAGED_IN_TRANSIT,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['傷', '段ボール', '外箱', '梱包', '届いた時点で', '箱の角'],
  },
  {
    category: TicketCategory.DAMAGED_IN_TRANSIT,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'damaged',
      'arrived damaged',
      'crushed',
      'cracked',
      'shattered',
      'smashed',
      'dented',
      'broken in transit',
      'damaged in transit',
      'broken in shipping',
      'broken during shipping',
      'damaged in shipping',
      'in transit damage',
      'soaking wet',
      'water damage',
      'bent',
      'dropped it',
      'hole in the box',
      'box has a hole',
      'ripped',
      'crack',
    ],
  },
  {
    category: TicketCategory.DAMAGED_IN_TRANSIT,
    language: Language.en,
    weight: MEDIUM,
    phrases: ['broken', 'torn', 'scratched', 'scratch', 'packaging', 'wet', 'dent', 'dropped', 'on arrival', 'bad shape'],
  },

  // DEFECTIVE_ITEM: the item arrived intact but does not work.
  {
    category: TicketCategory.DEFECTIVE_ITEM,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '初期不良',
      '不良品',
      '故障',
      '電源が入らない',
      '電源が入りません',
      '動作しない',
      '動作しません',
      '動かない',
      '動きません',
      '動かなくな',
      '充電でき',
      '充電ができ',
      '充電されな',
      '充電されません',
      '音が出ない',
      '音が出ません',
      '作動しない',
      '作動しません',
      '反応しない',
      '反応しません',
      '温まらない',
      '冷えない',
      '冷えません',
      '印刷できな',
      '印刷できません',
      '止まってしまう',
      '勝手に切れ',
      'つながらない',
      'つながりません',
      '接続できな',
      '接続できません',
      'ペアリングでき',
    ],
  },
  {
    category: TicketCategory.DEFECTIVE_ITEM,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['不具合', '壊れ', '点かない', 'つかない', '漏れ', '異音', '詰まって', '新品なのに'],
  },
  {
    category: TicketCategory.DEFECTIVE_ITEM,
    language: Language.ja,
    weight: WEAK,
    phrases: ['使えない', '使えません'],
  },
  {
    category: TicketCategory.DEFECTIVE_ITEM,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'defective',
      'faulty',
      'does not work',
      "doesn't work",
      'not working',
      'stopped working',
      "won't turn on",
      'will not turn on',
      'does not turn on',
      "doesn't turn on",
      "won't charge",
      'will not charge',
      'does not charge',
      "doesn't charge",
      'no sound',
      'malfunction',
      'malfunctioning',
      'dead on arrival',
      'leaks',
      'leaking',
      'flickers',
      'flickering',
      'does not heat',
      "doesn't heat",
      'not heating',
      'nothing happens',
      'not charging',
      'keeps turning off',
      'keeps switching off',
      'first time i used',
      'after one use',
      'after a single use',
    ],
  },
  {
    category: TicketCategory.DEFECTIVE_ITEM,
    language: Language.en,
    weight: MEDIUM,
    phrases: ['broken', 'defect', 'turn on', 'jammed', 'brand new', 'broke', 'came off', 'the first time'],
  },

  // NOT_AS_DESCRIBED: a different item, size, colour or quality than the listing promised.
  {
    category: TicketCategory.NOT_AS_DESCRIBED,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '説明と違う',
      '説明と異なる',
      '記載と違う',
      '記載と異なる',
      '写真と違う',
      '色が違う',
      'サイズが違う',
      '注文と違う',
      '違う商品',
      '別の商品が届',
      '商品ページ',
      '掲載写真',
      '偽物',
      '表記と違う',
      '商品説明',
      '実物と違う',
      '実物が違う',
      '記載がありましたが',
      '書かれていたのに',
      '素材が違',
    ],
  },
  {
    category: TicketCategory.NOT_AS_DESCRIBED,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['違うもの', '異なる', '注文したのに', '書いてありましたが', '写真と', '実際には', 'サイズ表記', '実物', '書かれていた'],
  },
  {
    category: TicketCategory.NOT_AS_DESCRIBED,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'not as described',
      'wrong item',
      'wrong size',
      'wrong colour',
      'wrong color',
      'wrong model',
      'wrong product',
      'different item',
      'different product',
      'different from the',
      'different model',
      "doesn't match the",
      'completely different',
      'looks different',
      'different colour',
      'different color',
      'in the photos',
      'in the picture',
      'advertised',
      'than advertised',
      'than described',
      'does not match the',
      'not what i ordered',
      'the listing said',
      'the description said',
      'fake',
      'counterfeit',
    ],
  },
  {
    category: TicketCategory.NOT_AS_DESCRIBED,
    language: Language.en,
    weight: MEDIUM,
    phrases: [
      'but received',
      'but got',
      'instead of',
      'listing',
      'description',
      'photos',
      'pictures',
      'but mine is',
      'smaller than',
      'bigger than',
    ],
  },
  {
    category: TicketCategory.NOT_AS_DESCRIBED,
    language: Language.en,
    weight: WEAK,
    phrases: ['i ordered', 'wrong'],
  },

  // MISSING_PARTS: the parcel came, but not everything was in it.
  {
    category: TicketCategory.MISSING_PARTS,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '付属品',
      '部品が足り',
      '部品が不足',
      '欠品',
      '入っていませんでした',
      '入っていなかった',
      '入っていない',
      '同梱されていな',
      '同梱されていません',
      '同封されていな',
      '同封されていません',
      '足りず',
      '足りません',
      '足りない',
      '不足して',
      'しか入っていません',
    ],
  },
  {
    category: TicketCategory.MISSING_PARTS,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['ネジ', '部品', 'セット商品', '個セット', '点セット', '一部', '説明書', 'おまけ'],
  },
  {
    category: TicketCategory.MISSING_PARTS,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'missing parts',
      'missing part',
      'missing pieces',
      'missing piece',
      'missing screws',
      'parts missing',
      'pieces missing',
      'part is missing',
      'parts are missing',
      'not included',
      "wasn't included",
      'was not included',
      'were not included',
      "weren't included",
      'incomplete',
      'missing accessories',
      'only one',
      'only two',
      'only three',
      'only four',
      'without the screws',
      'came without',
      'arrived without',
    ],
  },
  {
    category: TicketCategory.MISSING_PARTS,
    language: Language.en,
    weight: MEDIUM,
    phrases: ['missing', 'screws', 'instruction sheet', 'instructions', 'accessories', 'set of', 'without the', 'without its', 'only had'],
  },

  // RETURN_REQUEST: the customer wants to send the item back or swap it.
  {
    category: TicketCategory.RETURN_REQUEST,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '返品したい',
      '返品を希望',
      '返品させて',
      '返品できます',
      '返品の手続き',
      '返品方法',
      '交換したい',
      '交換できます',
      '交換をお願い',
      '返送したい',
      '送り返したい',
    ],
  },
  {
    category: TicketCategory.RETURN_REQUEST,
    language: Language.ja,
    weight: MEDIUM,
    phrases: [
      '返品',
      '交換',
      '未開封',
      'イメージと違',
      'サイズが合わ',
      'サイズが小さ',
      'サイズが大き',
      '気に入らな',
      '送り返',
      '思っていたものと違',
    ],
  },
  {
    category: TicketCategory.RETURN_REQUEST,
    language: Language.ja,
    weight: WEAK,
    phrases: ['返送', 'タグ'],
  },
  {
    category: TicketCategory.RETURN_REQUEST,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'return it',
      'return them',
      'return this',
      'return label',
      'send it back',
      'send them back',
      'want to return',
      'like to return',
      'return request',
      'exchange',
      'changed my mind',
      "doesn't fit",
      'does not fit',
      'do not fit',
      "don't fit",
      'too small',
      'too big',
      'too large',
      'not worn',
      "haven't worn",
      'have not worn',
      'unopened',
      'how do i return',
      'possible to return',
      'can i return',
      'send back',
    ],
  },
  {
    category: TicketCategory.RETURN_REQUEST,
    language: Language.en,
    weight: MEDIUM,
    phrases: ['return', 'larger size', 'smaller size', 'tried them on', 'tried it on', 'too tight'],
  },

  // REFUND_NOT_RECEIVED: money that should have come back has not.
  {
    category: TicketCategory.REFUND_NOT_RECEIVED,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '返金されていません',
      '返金されていない',
      '返金されない',
      '返金されておりません',
      'まだ返金',
      '返金がまだ',
      '返金が確認でき',
      '返金はいつ',
      '返金が反映',
      '返金状況',
      '払い戻しがまだ',
      '払い戻されていません',
      '代金が戻',
      'お金が戻',
      '戻ってきていません',
      '返金額',
      '返金された金額',
    ],
  },
  {
    category: TicketCategory.REFUND_NOT_RECEIVED,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['返金', '払い戻し', '返品した', '返品済み'],
  },
  {
    category: TicketCategory.REFUND_NOT_RECEIVED,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'refund not received',
      'where is my refund',
      "haven't received my refund",
      'have not received my refund',
      'not received the refund',
      'not seen the refund',
      "haven't seen the refund",
      'have not seen the refund',
      'no refund',
      'refund yet',
      'waiting for my refund',
      'waiting for a refund',
      'waiting for the refund',
      'money back',
      'refund status',
      'when will i get my refund',
      'not been refunded',
      'got my return',
      'received my return',
      'received the return',
      'approved my return',
      'not come back',
      "hasn't come back",
      'waiting for my money',
      'supposed to be refunded',
    ],
  },
  {
    category: TicketCategory.REFUND_NOT_RECEIVED,
    language: Language.en,
    weight: MEDIUM,
    phrases: ['refund', 'refunded', 'reimburse', 'money', 'nothing has shown up'],
  },

  // CANCEL_ORDER: stop an order before it is fulfilled.
  {
    category: TicketCategory.CANCEL_ORDER,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      'キャンセルしたい',
      'キャンセルさせて',
      'キャンセルをお願い',
      'キャンセルできます',
      '注文の取り消し',
      '取り消して',
      '取り消したい',
      '注文を取消',
      '注文をキャンセル',
      '購入をやめ',
      '注文をやめ',
    ],
  },
  {
    category: TicketCategory.CANCEL_ORDER,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['キャンセル', '間違えて', '誤って注文', '不要になった', 'やめたい', '取り消し'],
  },
  {
    category: TicketCategory.CANCEL_ORDER,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'cancel my order',
      'cancel the order',
      'cancel order',
      'cancel this order',
      'cancel one',
      'cancel it',
      'cancellation',
      'want to cancel',
      'like to cancel',
      'cancel my purchase',
      'ordered by mistake',
      'by mistake',
      'accidentally ordered',
      'accidentally placed',
      'ordered twice',
      'same order twice',
      'stop the order',
      'stop my order',
      'no longer need',
      'no longer want',
      "don't need it anymore",
      'by accident',
      'void the order',
    ],
  },
  {
    category: TicketCategory.CANCEL_ORDER,
    language: Language.en,
    weight: MEDIUM,
    phrases: ['cancel', 'cancelled', 'canceled', 'please cancel', 'mistake', 'void'],
  },

  // CHANGE_ORDER: change what, where or when before or during delivery.
  {
    category: TicketCategory.CHANGE_ORDER,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '変更したい',
      '変更できます',
      '変更することはできます',
      '変更をお願い',
      '届け先を変更',
      '住所を変更',
      '住所の変更',
      '日時を変更',
      '日時の変更',
      '配達日を変更',
      '変えたい',
      '注文内容の変更',
      '数量を変更',
      '数量の変更',
      '修正したい',
      '住所を修正',
      '追加できます',
      '追加したい',
    ],
  },
  {
    category: TicketCategory.CHANGE_ORDER,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['変更', 'お届け日時', '再配達', '間に合いますか', '修正', '注文後ですが'],
  },
  {
    category: TicketCategory.CHANGE_ORDER,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'change the address',
      'change my address',
      'change the delivery address',
      'update the delivery address',
      'update my address',
      'update the address',
      'update shipping address',
      'change the shipping address',
      'change the quantity',
      'change quantity',
      'change my order',
      'change the order',
      'change the delivery date',
      'change delivery date',
      'reschedule',
      'rescheduled',
      'redelivery',
      'redeliver',
      'modify my order',
      'change the size',
      'change the colour',
      'change the color',
      'add an item',
      'amend the order',
      'amend my order',
      'wrong postcode',
      'wrong zip code',
      'typed the wrong',
    ],
  },
  {
    category: TicketCategory.CHANGE_ORDER,
    language: Language.en,
    weight: MEDIUM,
    phrases: [
      'quantity',
      'new address',
      'shipping address',
      'delivery address',
      'modify',
      'amend',
      'switch',
      'before it ships',
      'before it goes out',
      'before shipping',
      'postcode',
      'zip code',
    ],
  },
  {
    category: TicketCategory.CHANGE_ORDER,
    language: Language.en,
    weight: WEAK,
    phrases: ['change', 'update', 'address'],
  },

  // PAYMENT_ISSUE: charging, paying, billing.
  {
    category: TicketCategory.PAYMENT_ISSUE,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '二重請求',
      '二重に請求',
      '二重に引き落と',
      '請求が2回',
      '決済',
      '支払いができ',
      '支払えない',
      '支払えません',
      'カードが使えない',
      'カードが使えません',
      '多く請求',
      '請求金額',
      '引き落とし',
      '明細',
      '入金',
      '支払い期限',
      '支払い番号',
      '払込票',
      '二重にかかって',
    ],
  },
  {
    category: TicketCategory.PAYMENT_ISSUE,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['請求', '支払い', 'お支払い', 'クレジットカード', 'コンビニ払い', '代引き', '銀行振込', 'コンビニ', '手数料'],
  },
  {
    category: TicketCategory.PAYMENT_ISSUE,
    language: Language.ja,
    weight: WEAK,
    phrases: ['カード', '金額'],
  },
  {
    category: TicketCategory.PAYMENT_ISSUE,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'charged twice',
      'double charged',
      'double charge',
      'double-charged',
      'charged two times',
      'identical charges',
      'duplicate charge',
      'payment failed',
      'payment keeps failing',
      'payment is failing',
      'payment declined',
      'card declined',
      'card was declined',
      'declined',
      'payment error',
      'overcharged',
      'charged more',
      'awaiting payment',
      'convenience store payment',
      'paid at the convenience store',
      'bank statement',
      'card statement',
      'billing',
      'debited',
      'did not go through',
      "didn't go through",
      'not deducted',
    ],
  },
  {
    category: TicketCategory.PAYMENT_ISSUE,
    language: Language.en,
    weight: MEDIUM,
    phrases: [
      'payment',
      'paid',
      'charged',
      'charge',
      'credit card',
      'checkout',
      'invoice',
      'bank transfer',
      'cash on delivery',
      'balance',
      'gift card',
      'deducted',
    ],
  },
  {
    category: TicketCategory.PAYMENT_ISSUE,
    language: Language.en,
    weight: WEAK,
    phrases: ['card', 'statement'],
  },

  // ACCOUNT_ACCESS: signing in, passwords, second factor.
  {
    category: TicketCategory.ACCOUNT_ACCESS,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      'ログインできない',
      'ログインできません',
      'ログインでき',
      'サインインでき',
      'パスワードを忘れ',
      'パスワードの再設定',
      'パスワードを再設定',
      '再設定',
      '二段階認証',
      '2段階認証',
      '認証コード',
      'ロックされ',
      'ログインに失敗',
      'sms認証',
      '認証ができ',
    ],
  },
  {
    category: TicketCategory.ACCOUNT_ACCESS,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['ログイン', 'パスワード', 'アカウント', 'メールアドレスを変更', '電話番号を変更', '機種変更'],
  },
  {
    category: TicketCategory.ACCOUNT_ACCESS,
    language: Language.en,
    weight: STRONG,
    phrases: [
      "can't sign in",
      'cannot sign in',
      "can't log in",
      'cannot log in',
      "can't login",
      'cannot login',
      'unable to sign in',
      'unable to log in',
      'sign in to my account',
      'log in to my account',
      'forgot my password',
      'forgotten my password',
      'reset my password',
      'password reset',
      'password is incorrect',
      'incorrect password',
      'locked out',
      'account locked',
      'account is locked',
      'verification code',
      'two-factor',
      'two factor',
      '2fa',
      'one-time code',
      'got locked',
      'lost access',
      'update the email',
      'email on my account',
      'access to my account',
    ],
  },
  {
    category: TicketCategory.ACCOUNT_ACCESS,
    language: Language.en,
    weight: MEDIUM,
    phrases: ['password', 'sign in', 'log in', 'login', 'account', 'phone number', 'email address', 'unlock', 'locked'],
  },

  // FRAUD_PHISHING: scams, impersonation, orders and charges the customer did not make.
  {
    category: TicketCategory.FRAUD_PHISHING,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '身に覚えのない',
      '覚えのない',
      '乗っ取',
      '不正ログイン',
      '不正アクセス',
      '不正利用',
      '不正に使',
      'フィッシング',
      '詐欺',
      '不審なメール',
      '不審なsms',
      '不審な電話',
      '偽サイト',
      '偽のサイト',
      'なりすまし',
      '名乗る',
      '装った',
      '口座番号を聞かれ',
      '担当者だという',
    ],
  },
  {
    category: TicketCategory.FRAUD_PHISHING,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['不審', '怪しい', '本物でしょうか', 'リンク', '開いてしまった', '口座番号', 'だという人'],
  },
  {
    category: TicketCategory.FRAUD_PHISHING,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'phishing',
      'scam',
      'fraud',
      'fraudulent',
      'suspicious email',
      'suspicious message',
      'suspicious link',
      'suspicious text',
      'suspicious sms',
      'fake email',
      'claiming to be from',
      'pretending to be',
      'hacked',
      'compromised',
      'unauthorised',
      'unauthorized',
      'did not make',
      "didn't make",
      'did not place',
      "didn't place",
      'someone else logged in',
      'someone logged in',
      'someone used my',
      'takeover',
      'taken over',
      'stolen card',
      'never placed',
      'never ordered',
      "i didn't order",
      'i did not order',
      'strange orders',
      'held at customs',
      'customs fee',
    ],
  },
  {
    category: TicketCategory.FRAUD_PHISHING,
    language: Language.en,
    weight: MEDIUM,
    phrases: ['suspicious', 'link', 'confirm my password', 'is this real', 'genuine', 'via a link', 'text message', 'text saying'],
  },

  // MEMBERSHIP: paid membership, its fee, renewal and benefits.
  {
    category: TicketCategory.MEMBERSHIP,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      'プライム',
      'プレミアム会員',
      '有料会員',
      '会費',
      '年会費',
      '月会費',
      '自動更新',
      '会員特典',
      '無料体験',
      '会員プラン',
      '有料プラン',
    ],
  },
  {
    category: TicketCategory.MEMBERSHIP,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['会員', '解約', '特典', '更新', 'プラン'],
  },
  {
    category: TicketCategory.MEMBERSHIP,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'membership',
      'prime',
      'membership fee',
      'subscription fee',
      'annual fee',
      'monthly fee',
      'free trial',
      'renewal',
      'auto-renew',
      'auto renew',
      'auto-renewal',
      'member benefits',
      'member price',
    ],
  },
  {
    category: TicketCategory.MEMBERSHIP,
    language: Language.en,
    weight: MEDIUM,
    phrases: ['member', 'subscription', 'renew', 'trial', 'benefits', 'plan'],
  },

  // DIGITAL_SERVICE: e-books, video, music, apps and devices of the platform.
  {
    category: TicketCategory.DIGITAL_SERVICE,
    language: Language.ja,
    weight: STRONG,
    phrases: [
      '電子書籍',
      'ダウンロード',
      '再生でき',
      '再生しようと',
      '再生されな',
      '再生されません',
      'ストリーミング',
      '動画',
      '音楽',
      '配信',
      '落ちる',
      '強制終了',
      '終了してしま',
      '聴けない',
      '視聴',
      '読書アプリ',
      '同期',
    ],
  },
  {
    category: TicketCategory.DIGITAL_SERVICE,
    language: Language.ja,
    weight: MEDIUM,
    phrases: ['アプリ', '再生', '映画', '曲', 'アンドロイド', 'スマホ', 'エラー', 'タブレット'],
  },
  {
    category: TicketCategory.DIGITAL_SERVICE,
    language: Language.en,
    weight: STRONG,
    phrases: [
      'e-book',
      'ebook',
      'kindle',
      'download',
      'streaming',
      'video',
      'movie',
      'music',
      'app crashes',
      'app keeps crashing',
      'app not working',
      'app is not working',
      "app doesn't work",
      'app does not work',
      'crashes',
      'crashing',
      'smart speaker',
      'reading app',
      'digital',
      'not playing',
      "won't play",
      'will not play',
      'buffering',
      'rented',
      'rental',
      'offline',
      'audiobook',
      'stops playing',
    ],
  },
  {
    category: TicketCategory.DIGITAL_SERVICE,
    language: Language.en,
    weight: MEDIUM,
    phrases: ['play', 'playing', 'songs', 'library', 'ios', 'android', 'error', 'film', 'smart tv'],
  },
  {
    category: TicketCategory.DIGITAL_SERVICE,
    language: Language.en,
    weight: WEAK,
    phrases: ['app'],
  },
];

interface PhraseEntry {
  category: TicketCategory;
  phrase: string;
  weight: number;
}

interface PhraseOccurrence extends PhraseEntry {
  start: number;
  end: number;
}

/** NFKC folds full-width Latin and half-width katakana; quotes are unified so "can’t" matches "can't". */
export function normaliseForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

const WORD_CHARACTER = /[a-z0-9]/;

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && WORD_CHARACTER.test(character);
}

/**
 * Spans [start, end) of every occurrence of a normalised phrase in a normalised text.
 * Latin edges must sit on word boundaries; a plural "s" right after a Latin ending is taken into the match.
 */
function findOccurrences(text: string, phrase: string): Array<{ start: number; end: number }> {
  const occurrences: Array<{ start: number; end: number }> = [];
  const needsStartBoundary = isWordCharacter(phrase[0]);
  const needsEndBoundary = isWordCharacter(phrase[phrase.length - 1]);
  let from = 0;
  for (;;) {
    const start = text.indexOf(phrase, from);
    if (start < 0) return occurrences;
    from = start + 1;
    if (needsStartBoundary && isWordCharacter(text[start - 1])) continue;
    let end = start + phrase.length;
    if (needsEndBoundary && text[end] === 's' && !isWordCharacter(text[end + 1])) end += 1;
    if (needsEndBoundary && isWordCharacter(text[end])) continue;
    occurrences.push({ start, end });
  }
}

/** The given phrases that occur in the text, with the same normalisation and word boundaries as the classifier. */
export function findPhrases(text: string, phrases: readonly string[]): string[] {
  const normalisedText = normaliseForMatching(text);
  return phrases.filter((phrase) => findOccurrences(normalisedText, normaliseForMatching(phrase)).length > 0);
}

const PHRASE_ENTRIES: readonly PhraseEntry[] = CLASSIFICATION_KEYWORDS.flatMap((group) =>
  group.phrases.map((phrase) => ({
    category: group.category,
    phrase: normaliseForMatching(phrase),
    weight: group.weight,
  })),
);

/** Heaviest, then longest spans first; a span overlapping an accepted one is dropped unless it is that very span. */
function resolveOverlaps(occurrences: PhraseOccurrence[]): PhraseOccurrence[] {
  const strongestFirst = [...occurrences].sort(
    (left, right) => right.weight - left.weight || right.end - right.start - (left.end - left.start) || left.start - right.start,
  );
  const covered = new Set<number>();
  const acceptedSpans = new Set<string>();
  const accepted: PhraseOccurrence[] = [];
  for (const occurrence of strongestFirst) {
    const span = `${occurrence.start}:${occurrence.end}`;
    if (!acceptedSpans.has(span)) {
      let overlaps = false;
      for (let position = occurrence.start; position < occurrence.end && !overlaps; position += 1) {
        overlaps = covered.has(position);
      }
      if (overlaps) continue;
      acceptedSpans.add(span);
      for (let position = occurrence.start; position < occurrence.end; position += 1) covered.add(position);
    }
    accepted.push(occurrence);
  }
  return accepted.sort((left, right) => left.start - right.start);
}

interface CategoryEvidence {
  category: TicketCategory;
  /** Sum of the weights of the category's distinct phrases that survived overlap resolution. */
  score: number;
  phrases: string[];
}

/**
 * Positions in PHRASE_ENTRIES of the phrases by their first two UTF-16 code units: a phrase can only occur in a text
 * that holds its first two, so a contact checks the few dozen phrases its character pairs begin instead of all of
 * them. Phrases of one code unit ("慢") are checked on every text.
 */
const ENTRIES_BY_FIRST_PAIR = new Map<string, number[]>();
const ONE_UNIT_ENTRIES: number[] = [];
PHRASE_ENTRIES.forEach((entry, position) => {
  if (entry.phrase.length < 2) {
    ONE_UNIT_ENTRIES.push(position);
    return;
  }
  const pair = entry.phrase.slice(0, 2);
  ENTRIES_BY_FIRST_PAIR.set(pair, [...(ENTRIES_BY_FIRST_PAIR.get(pair) ?? []), position]);
});

/** The positions in PHRASE_ENTRIES of the phrases the text may hold, once each, in table order (overlaps resolve by it). */
function candidateEntries(text: string): number[] {
  const candidates = [...ONE_UNIT_ENTRIES];
  for (let start = 0; start + 1 < text.length; start += 1) {
    const positions = ENTRIES_BY_FIRST_PAIR.get(text.slice(start, start + 2));
    if (positions !== undefined) for (const position of positions) candidates.push(position);
  }
  candidates.sort((left, right) => left - right);
  return candidates.filter((position, index) => index === 0 || candidates[index - 1] !== position);
}

/** Every category with evidence in the text, strongest first (ties by CATEGORY_PRECEDENCE). */
export function keywordEvidence(subject: string, body: string): CategoryEvidence[] {
  const text = normaliseForMatching(`${subject}\n${body}`);
  // An includes() check first: most candidate phrases are absent, and this runs on every contact.
  const occurrences: PhraseOccurrence[] = [];
  for (const position of candidateEntries(text)) {
    const entry = PHRASE_ENTRIES[position];
    if (!text.includes(entry.phrase)) continue;
    for (const span of findOccurrences(text, entry.phrase)) occurrences.push({ ...entry, ...span });
  }

  const phraseWeightsByCategory = new Map<TicketCategory, Map<string, number>>();
  for (const occurrence of resolveOverlaps(occurrences)) {
    const phraseWeights = phraseWeightsByCategory.get(occurrence.category) ?? new Map<string, number>();
    phraseWeights.set(occurrence.phrase, Math.max(phraseWeights.get(occurrence.phrase) ?? 0, occurrence.weight));
    phraseWeightsByCategory.set(occurrence.category, phraseWeights);
  }

  return [...phraseWeightsByCategory.entries()]
    .map(([category, phraseWeights]) => ({
      category,
      score: [...phraseWeights.values()].reduce((sum, weight) => sum + weight, 0),
      phrases: [...phraseWeights.keys()],
    }))
    .sort(
      (left, right) => right.score - left.score || CATEGORY_PRECEDENCE.indexOf(left.category) - CATEGORY_PRECEDENCE.indexOf(right.category),
    );
}

export function classify(subject: string, body: string): Classification {
  const ranked = keywordEvidence(subject, body);
  const winner = ranked[0];
  if (winner === undefined) return { category: TicketCategory.OTHER, confidence: 0, matchedKeywords: [] };
  const lead = winner.score - (ranked[1]?.score ?? 0);
  return {
    category: winner.category,
    confidence: lead / (lead + LEAD_AT_HALF_CONFIDENCE),
    matchedKeywords: winner.phrases,
  };
}
