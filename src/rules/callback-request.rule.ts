import { parsePhoneNumberFromString, PhoneNumber } from 'libphonenumber-js/max';
import { CALLBACK_HORIZON_DAYS, callbackHorizonEnd } from './callback-slot.rule';
import { CallbackWindow } from '../domain/callback';

// What a callback request must be (issue #17, point 3): a phone number that can be called (parsed with Google's
// libphonenumber metadata through libphonenumber-js, national numbers read as Japanese), at most a few preferred
// windows that are well-formed, not over and not beyond the scheduling horizon. And what an outcome leads to: a
// table, first match wins. Pure functions, `now` passed in.

/** National numbers (090-1234-5678) are read as numbers of this country; +CC numbers as written. */
export const DEFAULT_PHONE_COUNTRY = 'JP';
export const MAXIMUM_PREFERRED_WINDOWS = 5;
/** Numbers the platform never dials: the caller pays for them (toll fraud) or they reach no person. */
const UNCALLABLE_NUMBER_TYPES: ReadonlySet<string> = new Set(['PREMIUM_RATE', 'SHARED_COST', 'PAGER', 'UAN', 'VOICEMAIL']);
const MAXIMUM_PHONE_INPUT_CHARACTERS = 40;

export interface CallbackRequestProblem {
  /** Input field at fault, relative to the request (`phoneNumber`, `preferredWindows.1.endsAt`). */
  field: string;
  message: string;
}

export type CallbackRequestCheck =
  { ok: true; phoneNumber: string; preferredWindows: CallbackWindow[] } | { ok: false; problems: CallbackRequestProblem[] };

/** The number in E.164 (+819012345678), or a problem. */
export function normalisePhoneNumber(input: string): { ok: true; e164: string } | { ok: false; message: string } {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > MAXIMUM_PHONE_INPUT_CHARACTERS)
    return { ok: false, message: `Give a phone number of at most ${MAXIMUM_PHONE_INPUT_CHARACTERS} characters` };
  let parsed: PhoneNumber | undefined;
  try {
    parsed = parsePhoneNumberFromString(trimmed, DEFAULT_PHONE_COUNTRY);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || !parsed.isValid())
    return { ok: false, message: 'This is not a valid phone number (national numbers are read as Japanese; write +CC for others)' };
  const type = parsed.getType();
  if (type !== undefined && UNCALLABLE_NUMBER_TYPES.has(type))
    return { ok: false, message: `The platform does not call ${type.toLowerCase().replace(/_/g, '-')} numbers` };
  return { ok: true, e164: parsed.number };
}

/** `+81*******5678`: the country code and the last four digits, for events and for viewers who may not see the number. */
export function maskPhoneNumber(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const prefix = parsed === undefined ? '+' : `+${parsed.countryCallingCode}`;
  const national = parsed === undefined ? e164.replace(/\D/g, '') : String(parsed.nationalNumber);
  return `${prefix}${'*'.repeat(Math.max(national.length - 4, 0))}${national.slice(-4)}`;
}

function windowProblems(windows: readonly CallbackWindow[], now: Date): CallbackRequestProblem[] {
  if (windows.length > MAXIMUM_PREFERRED_WINDOWS)
    return [{ field: 'preferredWindows', message: `Give at most ${MAXIMUM_PREFERRED_WINDOWS} preferred windows` }];
  const horizonEnd = callbackHorizonEnd(now);
  const problems: CallbackRequestProblem[] = [];
  windows.forEach((window, index) => {
    const field = `preferredWindows.${index}`;
    if (!(window.endsAt.getTime() > window.startsAt.getTime()))
      problems.push({ field: `${field}.endsAt`, message: 'A window ends after it starts' });
    else if (window.endsAt.getTime() <= now.getTime()) problems.push({ field: `${field}.endsAt`, message: 'This window is over already' });
    else if (window.startsAt.getTime() >= horizonEnd.getTime())
      problems.push({ field: `${field}.startsAt`, message: `Callbacks are scheduled at most ${CALLBACK_HORIZON_DAYS} days ahead` });
  });
  return problems;
}

/** The request as stored (number in E.164, windows as given), or every problem with it. */
export function checkCallbackRequest(
  request: { phoneNumber: string; preferredWindows: readonly CallbackWindow[] },
  now: Date,
): CallbackRequestCheck {
  const phone = normalisePhoneNumber(request.phoneNumber);
  const problems: CallbackRequestProblem[] = [
    ...(phone.ok ? [] : [{ field: 'phoneNumber', message: phone.message }]),
    ...windowProblems(request.preferredWindows, now),
  ];
  if (!phone.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, phoneNumber: phone.e164, preferredWindows: [...request.preferredWindows] };
}

export type CallbackOutcome = 'REACHED' | 'NO_ANSWER';

/** What follows an outcome: the call counts as the platform's response; another slot; or a message asking the customer to write. */
export type CallbackFollowUp = 'RESPONDED' | 'RESCHEDULE' | 'ASK_TO_WRITE';

/** Attempts a callback gets before the customer is asked to write instead: the first, and one rescheduled. */
export const CALLBACK_MAXIMUM_ATTEMPTS = 2;

interface CallbackOutcomeRule {
  outcome: CallbackOutcome;
  /** The rule holds for attempts below this number (null: any). */
  attemptBelow: number | null;
  followUp: CallbackFollowUp;
}

/** First match wins. */
export const CALLBACK_OUTCOME_RULES: readonly CallbackOutcomeRule[] = [
  { outcome: 'REACHED', attemptBelow: null, followUp: 'RESPONDED' },
  { outcome: 'NO_ANSWER', attemptBelow: CALLBACK_MAXIMUM_ATTEMPTS, followUp: 'RESCHEDULE' },
  { outcome: 'NO_ANSWER', attemptBelow: null, followUp: 'ASK_TO_WRITE' },
];

/** What follows the outcome of attempt `attempt` (1 for the first call). */
export function callbackFollowUpOf(
  outcome: CallbackOutcome,
  attempt: number,
  rules: readonly CallbackOutcomeRule[] = CALLBACK_OUTCOME_RULES,
): CallbackFollowUp {
  const rule = rules.find(
    (candidate) => candidate.outcome === outcome && (candidate.attemptBelow === null || attempt < candidate.attemptBelow),
  );
  if (rule === undefined) throw new Error(`No callback outcome rule for ${outcome} at attempt ${attempt}`);
  return rule.followUp;
}

/** The message posted when the customer could not be reached twice (or no slot was left for the second try), by language. */
export const ASK_TO_WRITE_MESSAGES: Readonly<Record<'ja' | 'en' | 'zh' | 'ko', string>> = {
  ja: 'お電話を差し上げましたが、つながりませんでした。お手数ですが、このチケットにメッセージでご状況をお知らせください。',
  en: 'We tried to call you but could not reach you. Please reply to this ticket in writing and tell us how we can help.',
  zh: '我们尝试给您回电，但未能接通。请在此工单中以文字回复，告诉我们您需要的帮助。',
  ko: '전화를 드렸으나 연결되지 않았습니다. 이 티켓에 메시지로 상황을 알려 주시기 바랍니다.',
};
