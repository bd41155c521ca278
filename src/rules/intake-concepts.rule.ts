// What a contact talks about, in any of the four languages: a small multilingual lexicon whose hits are features
// of the intake model ("x:<concept>", src/rules/intake-features.rule.ts). Character n-grams learn the wording
// of each language from the corpus; a concept lets what was learned from a Japanese or English contact carry over
// to a Chinese or Korean one that uses the same idea in its own words, and to wordings the corpus never had.
// Concepts are evidence, not categories: the model learns how much each one says about each category.
//
// Matching is on the text as the features see it (NFKC, lower case). Phrases that begin or end with a Latin letter
// match whole words only ("app" is not in "happy"); every other phrase matches anywhere.

export interface IntakeConcept {
  readonly id: string;
  readonly phrases: readonly string[];
}

export const INTAKE_CONCEPTS: readonly IntakeConcept[] = [
  {
    id: 'not-arrived',
    phrases: [
      '届いていない', '届いてない', '届かない', '届いておりません', '届きません', 'とどかない', 'とどいてない', '来ない', '来てない', 'こない', 'きてない',
      '受け取っていない', '受け取れていない', '受け取ってない', '見当たらない', '見当たりません', '未着', '届いていません', 'ありません',
      'never arrived', 'not arrived', "hasn't arrived", 'has not arrived', "haven't received", 'have not received', "didn't receive", 'did not receive',
      'not received', 'never came', 'never got', "didn't get", "hasn't come", 'not here', 'nowhere', 'no package', 'nothing arrived',
      '没收到', '没有收到', '未收到', '还没到', '沒收到', '沒有收到', '還沒到', '没到', '找不到', '不见了',
      '안 왔', '안왔', '못 받', '못받', '받지 못', '도착하지 않', '안 와', '없어요', '없습니다', '안 보여',
    ],
  },
  {
    id: 'marked-delivered',
    phrases: [
      '配達完了', '配達済', '配達済み', '配送完了', 'お届け済み', '投函完了', '受取済', 'delivered', 'handed to', 'marked as delivered',
      '已送达', '显示送达', '已签收', '显示已签收', '已配达', '已送達', '配達完了になって', '배송 완료', '배송완료', '배달 완료', '배달완료',
    ],
  },
  {
    id: 'left-somewhere',
    phrases: [
      '置き配', '玄関', '宅配ボックス', 'ポスト', '郵便受け', '宅配box', 'left at', 'doorstep', 'porch', 'locker', 'mailbox', 'front door',
      '门口', '放在门口', '快递柜', '信箱', '門口', '문 앞', '문앞', '택배함', '우편함', '경비실',
    ],
  },
  {
    id: 'late-or-unshipped',
    phrases: [
      '遅れ', '遅い', '遅延', '予定日を過ぎ', '予定日過ぎ', 'まだ発送', '発送されない', '発送されていない', '未発送', 'いつ届く', 'いつ届きます', 'いつ頃', '動かない追跡', '止まったまま', 'のまま',
      'late', 'delayed', 'delay', 'not shipped', "hasn't shipped", 'has not shipped', 'not yet shipped', 'when will', 'still in transit', 'stuck', 'overdue', 'taking so long',
      '延迟', '延误', '还没发货', '未发货', '没发货', '什么时候', '啥时候', '何时', '慢', '還沒發貨', '什麼時候', '一直没动', '卡在',
      '늦', '지연', '언제', '아직 발송', '발송 안', '미발송', '배송이 안', '멈춰', '출고', '아직도', 'still waiting', 'not yet', '发货', '还没', '出荷', '発送',
    ],
  },
  {
    id: 'wrong-recipient',
    phrases: [
      '誤配', '誤配達', '誤配送', '隣の家', '隣人', 'お隣', '別の人', '他人の', '知らない人', '違う住所', '宛名', '違う部屋', '別の住所', '旧住所',
      'wrong address', 'neighbor', 'neighbour', 'someone else', "someone else's", 'not my name', 'different name', 'old address', 'wrong house', 'wrong building', 'wrong person',
      '送错', '寄错', '别人的', '别人家', '邻居', '送到别', '不是我的', '送錯', '別人的', '鄰居',
      '다른 사람', '잘못 배송', '잘못 배달', '이웃', '옆집', '남의', '다른 주소', '다른 집',
    ],
  },
  {
    id: 'physically-damaged',
    phrases: [
      '割れ', '破損', '潰れ', 'つぶれ', '凹み', 'へこみ', '凹んで', '水濡れ', '濡れて', '傷', 'キズ', '欠け', 'ひび', 'ヒビ', '曲が', '折れ', '破れ',
      'broken', 'cracked', 'crushed', 'dented', 'damaged', 'smashed', 'wet', 'shattered', 'chipped', 'bent', 'torn', 'scratched', 'leaking',
      '碎', '破了', '压坏', '摔坏', '压扁', '湿了', '裂', '划痕', '凹', '破損', '摔', '壓',
      '깨졌', '깨져', '파손', '찌그러', '부서', '금이', '젖어', '젖었', '긁힌', '흠집',
    ],
  },
  {
    id: 'parcel-packaging',
    phrases: [
      '箱', '外箱', '段ボール', '梱包', '外装', '緩衝材', 'box', 'packaging', 'package', 'carton', 'parcel', 'courier', 'driver',
      '箱子', '包装', '外包装', '纸箱', '快递', '紙箱', '상자', '박스', '포장', '택배', '기사',
    ],
  },
  {
    id: 'does-not-work',
    phrases: [
      '動かない', '動作しない', '作動しない', '電源が入らない', '電源が入りません', '故障', '初期不良', '不具合', '使えない', '点かない', 'つかない', '充電できない', '充電されない', '反応しない', '止まる', '異音', 'エラー',
      "doesn't work", 'does not work', 'not working', "won't turn on", 'will not turn on', 'stopped working', 'dead', 'defective', 'faulty', 'broke down', "won't charge", 'no power', 'malfunction', 'error', 'noise',
      '不能用', '用不了', '开不了机', '故障', '失灵', '没反应', '坏了', '不工作', '充不进', '打不开', '無法使用', '壞了', '沒反應',
      '작동', '고장', '안 켜', '안켜', '불량', '먹통', '충전이 안', '안 돼', '안돼', '오류', '에러',
    ],
  },
  {
    id: 'not-what-was-ordered',
    phrases: [
      '違う', '間違った', '間違って', '別の商品', '色が違', 'サイズが違', '偽物', 'ニセモノ', 'コピー品', '写真と', '説明と', '記載と', '中古', 'イメージと',
      'wrong item', 'wrong size', 'wrong color', 'wrong colour', 'different', 'not as described', 'fake', 'counterfeit', 'not the same', 'not what i ordered', 'used', 'listing',
      '不一样', '不对', '发错', '假货', '颜色不', '尺码不', '描述不符', '和图片', '不符', '二手', '發錯', '假貨',
      '다른 상품', '색상이 다', '사이즈가 다', '가품', '짝퉁', '다른 제품', '설명과', '사진과', '잘못 왔',
    ],
  },
  {
    id: 'something-missing',
    phrases: [
      '入っていない', '入ってない', '入っていません', '足りない', '欠品', '付属品', '不足', '一つしか', '1つしか', '部品', '同梱', 'ネジ', '説明書', '揃って',
      'missing', 'not included', "wasn't in", 'was not in', 'only one', 'not in the box', 'only got', 'only received', 'incomplete', 'accessories', 'parts',
      '少了', '缺少', '缺', '没有配件', '漏发', '少发', '只有一个', '配件', '少寄', '漏發',
      '빠져', '누락', '없었', '부족', '구성품', '하나만', '부품',
    ],
  },
  {
    id: 'send-back',
    phrases: [
      '返品', '返送', '交換', '返却', '送り返', 'へんぴん', 'return', 'send back', 'send it back', 'exchange', 'swap', 'return label', 'return window',
      '退货', '换货', '退回', '寄回', '退貨', '換貨', '반품', '교환', '반송',
    ],
  },
  {
    id: 'money-back',
    phrases: [
      '返金', '払い戻し', '返金されて', '返金が', 'refund', 'refunded', 'money back', 'reimburse', 'reimbursement', 'credited', '退款', '退钱', '退費', '退回来', '환불', '돈을 돌려', '환급', '입금',
    ],
  },
  // What the customer asks for, told apart from what happened (the category names the problem, not the remedy asked for): a
  // refund asked for, a refund awaited, an exchange asked for, a return without a fault (changed mind, unopened,
  // does not fit the wearer — not a wrong size sent).
  {
    id: 'asks-refund',
    phrases: [
      '返金してください', '返金して下さい', '返金してほしい', '返金希望', '返金をお願い', '返金お願い', '返金してもらえ', '返金していただけ', '返金して欲しい',
      'refund me', 'refund please', 'want a refund', 'like a refund', 'want my money back', 'give me a refund', 'request a refund', 'full refund',
      '请退款', '我要退款', '要求退款', '申请退款', '想退款', '給我退款', '申請退款',
      '환불해 주세요', '환불해주세요', '환불 부탁', '환불 원해', '환불받고 싶', '환불 받고 싶', '환불 요청', '환불해 줘',
    ],
  },
  {
    id: 'refund-awaited',
    phrases: [
      '返金されていない', '返金されてない', '返金されていません', '返金されません', 'まだ返金', '返金がまだ', '返金が確認できません', '返金が反映', '返金の状況', '返金はいつ', '返金予定',
      "haven't been refunded", "hasn't been refunded", 'not been refunded', "haven't received my refund", "haven't got my refund", 'still no refund', 'where is my refund',
      'not refunded', 'refund status', "refund hasn't", 'refund has not', 'still waiting for my refund', 'refund yet', 'no refund',
      '还没退款', '没收到退款', '退款还没', '退款什么时候', '退款没到', '没有退款', '還沒退款', '沒收到退款', '退款進度', '退款进度',
      '환불이 안', '환불 언제', '아직 환불', '환불이 아직', '환불 안 됐', '환불 안됐', '환불이 안 들어', '환불 처리가 안',
    ],
  },
  {
    id: 'asks-exchange',
    phrases: [
      '交換してください', '交換して下さい', '交換希望', '交換したい', '交換してほしい', '交換をお願い', '交換お願い', '取り替え', '取替',
      'exchange please', 'exchange it', 'exchange for', 'swap it', 'swap for', 'replace it', 'replacement please', 'send a replacement', 'new one',
      '换货', '换一个', '换个', '更换', '換貨', '換一個', '更換', '교환해 주세요', '교환해주세요', '교환 원해', '교환하고 싶', '교환 부탁', '새 제품으로', '새걸로',
    ],
  },
  {
    id: 'no-fault-return',
    phrases: [
      '気が変わ', '不要になった', 'いらなくなった', '必要なくなった', '使わなくなった', '未開封', '未使用', '開封していません', '思っていたのと', 'イメージと違', '似合わな', '好みじゃ', '好みではな',
      'changed my mind', 'change of mind', 'no longer need', "don't need it", 'do not need it', 'unopened', 'unused', 'still sealed', 'sealed', 'unworn', 'never used', "doesn't suit", 'gone off',
      '不想要了', '不需要了', '用不上', '未拆封', '没拆', '沒拆', '没用过', '沒用過', '不喜欢', '不喜歡',
      '마음이 바뀌', '마음이 변', '필요 없어', '필요없어', '미개봉', '안 쓴', '단순 변심', '변심', '안 어울', '포장도 안 뜯',
    ],
  },
  {
    id: 'does-not-fit',
    phrases: [
      '小さかった', '大きかった', '小さすぎ', '大きすぎ', 'きつい', 'ゆるい', 'ぶかぶか', '合わなかった', 'サイズが合わ', '足に合わ',
      'too small', 'too big', 'too large', 'too tight', 'too loose', "doesn't fit", "didn't fit", 'does not fit', 'did not fit',
      '太小', '太大', '不合适', '不合身', '偏小', '偏大', '不合適', '너무 작', '너무 커', '너무 크', '헐렁', '안 맞', '작아요', '커요',
    ],
  },
  {
    id: 'cancel',
    phrases: ['キャンセル', '取り消', '取消', 'やめたい', 'cancel', 'cancellation', 'stop the order', '取消订单', '不要了', '取消訂單', '취소'],
  },
  {
    id: 'change-delivery',
    phrases: [
      '変更', '住所', '日時', '時間指定', '再配達', '数量', '届け先', '配達日', '不在票', '不在',
      'change', 'modify', 'address', 'reschedule', 'redeliver', 'redelivery', 'time slot', 'missed delivery', 'delivery date', 'quantity', 'combine',
      '修改', '更改', '改地址', '重新配送', '改时间', '不在家', '改成', '地址',
      '변경', '주소', '재배송', '재배달', '수량', '부재', '시간 지정', '바꿔', '바꾸', 'switch', 'update', '换成', '改一下', '変えたい', '変えて',
    ],
  },
  {
    id: 'charge',
    phrases: [
      '請求', '支払い', '支払', '決済', '引き落とし', 'カード', '代引き', 'コンビニ払い', '領収書', '明細', '金額', '後払い', 'ポイント',
      'charged', 'charge', 'payment', 'billed', 'bill', 'invoice', 'receipt', 'declined', 'credit card', 'debit', 'statement', 'amount', 'checkout',
      '扣款', '扣了', '付款', '支付', '收费', '发票', '信用卡', '扣钱', '账单', '刷卡', '付款失败', '扣費', '帳單', '收據',
      '결제', '청구', '카드', '영수증', '금액', '출금', '승인', '배송비', '送料', '手数料', '运费', 'shipping fee', 'fee', 'coupon', 'クーポン', '优惠券', '쿠폰',
    ],
  },
  {
    id: 'twice',
    phrases: ['二重', '2回', '二回', '２回', 'double', 'twice', 'duplicate', 'two times', '两次', '重复', '兩次', '重複', '두 번', '두번', '이중', '중복'],
  },
  {
    id: 'sign-in',
    phrases: [
      'ログイン', 'サインイン', 'パスワード', '認証', '二段階', '確認コード', 'ロック', 'アカウント', 'メールアドレス変更',
      'log in', 'login', 'sign in', 'password', '2fa', 'two-factor', 'verification code', 'otp', 'locked', 'account', 'reset',
      '登录', '登不上', '密码', '验证码', '账号', '账户', '登錄', '密碼', '驗證碼', '帳號', '帳戶',
      '로그인', '비밀번호', '인증', '계정', '잠겼', '잠김',
    ],
  },
  {
    id: 'someone-else-in-account',
    phrases: [
      '乗っ取', '不正ログイン', '勝手に', '知らない端末', 'hacked', 'someone changed', 'unauthorized', 'unauthorised', 'compromised', 'taken over',
      '被盗', '盗号', '被黑', '被人登录', '被盜', '해킹', '도용', '누가 로그인',
    ],
  },
  {
    id: 'scam',
    phrases: [
      '詐欺', '不審', '怪しい', 'フィッシング', '偽サイト', '偽メール', '身に覚えのない', '覚えのない', '知らない請求', 'sms', 'リンク', '外部', '直接取引', '振込',
      'scam', 'phishing', 'suspicious', 'fake email', 'fraud', "didn't make", "don't recognize", "don't recognise", 'did not order', "didn't order", 'link', 'bank transfer', 'gift card',
      '诈骗', '骗', '可疑', '钓鱼', '陌生', '不明扣款', '没买过', '詐騙', '可疑簡訊', '短信',
      '사기', '피싱', '의심', '스미싱', '모르는 결제', '문자',
    ],
  },
  {
    id: 'membership',
    phrases: [
      '会員', 'プライム', 'プレミアム', '会費', '年会費', '月会費', '無料体験', '自動更新', '有料会員',
      'membership', 'prime', 'member', 'subscription fee', 'free trial', 'renewal', 'renewed', 'annual fee', 'monthly fee',
      '会员', '会费', '试用', '续费', '年费', '月费', '會員', '會費', '멤버십', '회원', '구독료', '무료 체험', '연회비', '월회비', '갱신',
    ],
  },
  {
    id: 'digital',
    phrases: [
      '電子書籍', 'ダウンロード', '再生', '動画', '音楽', 'アプリ', '端末', 'スマートスピーカー', 'タブレット', 'ストリーミング', '配信',
      'kindle', 'fire', 'echo', 'ebook', 'e-book', 'streaming', 'video', 'app', 'download', 'playback', 'device', 'e-reader', 'music', 'alexa',
      '电子书', '下载', '播放', '视频', '音乐', '应用', '电子書', '電子書', '下載', '影片', '音樂',
      '전자책', '다운로드', '재생', '동영상', '앱', '음악', '기기',
    ],
  },
  {
    id: 'general-question',
    phrases: [
      '質問', '教えて', '方法', 'できますか', 'ギフト', 'ラッピング', '出品', 'レビュー', '問い合わせ先', '営業時間', '法人',
      'question', 'how do i', 'how can i', 'gift wrap', 'review', 'sell on', 'business account', 'opening hours', 'do you offer',
      '请问', '怎么', '礼品', '评价', '开店', '营业时间', '請問', '怎麼', '문의', '어떻게', '선물', '리뷰', '입점',
    ],
  },
];

const LATIN_EDGE = /[a-z0-9]/;

function escape(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function phrasePattern(phrase: string): string {
  const normalised = phrase.normalize('NFKC').toLowerCase();
  const start = LATIN_EDGE.test(normalised[0]) ? '(?<![a-z0-9])' : '';
  const end = LATIN_EDGE.test(normalised[normalised.length - 1]) ? '(?![a-z0-9])' : '';
  return `${start}${escape(normalised)}${end}`;
}

/**
 * Two regular expressions per concept, compiled once: a plain one that answers "is it there at all" cheaply (most
 * concepts are absent from a contact), and a global one that then finds every mention.
 */
const CONCEPT_PATTERNS: ReadonlyArray<{ id: string; any: RegExp; every: RegExp }> = INTAKE_CONCEPTS.map((concept) => {
  const source = concept.phrases.map(phrasePattern).join('|');
  return { id: concept.id, any: new RegExp(source, 'u'), every: new RegExp(source, 'gu') };
});

export interface ConceptMention {
  id: string;
  /** UTF-16 offsets of the phrase in the normalised text; end exclusive. */
  start: number;
  end: number;
}

/** Every mention of every concept in a normalised text (NFKC, lower case), concepts in table order. */
export function conceptMentions(normalisedText: string): ConceptMention[] {
  const mentions: ConceptMention[] = [];
  for (const { id, any, every } of CONCEPT_PATTERNS) {
    if (!any.test(normalisedText)) continue;
    for (const match of normalisedText.matchAll(every)) mentions.push({ id, start: match.index, end: match.index + match[0].length });
  }
  return mentions;
}

/** The concepts a normalised text (NFKC, lower case) mentions, in table order. */
export function conceptsIn(normalisedText: string): string[] {
  return [...new Set(conceptMentions(normalisedText).map(({ id }) => id))];
}
