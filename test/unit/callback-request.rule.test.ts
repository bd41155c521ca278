import {
  callbackFollowUpOf,
  CallbackFollowUp,
  CallbackOutcome,
  checkCallbackRequest,
  maskPhoneNumber,
  normalisePhoneNumber,
} from '../../src/rules/callback-request.rule';

const jst = (local: string) => new Date(`${local}+09:00`);
const NOW = jst('2026-11-20T22:30');

describe('normalisePhoneNumber', () => {
  const cases: Array<[string, string, string | null]> = [
    ['a Japanese mobile number written nationally', '090-1234-5678', '+819012345678'],
    ['a Japanese number with its country code', '+81 90 1234 5678', '+819012345678'],
    ['a Tokyo landline', '03-1234-5678', '+81312345678'],
    ['a foreign number with its country code', '+44 20 7946 0018', '+442079460018'],
    ['too few digits', '12345', null],
    ['letters', 'call me maybe', null],
    ['an empty number', '   ', null],
    ['a Japanese premium-rate number (toll fraud)', '0990-123-456', null],
    ['a US premium-rate number', '+1 900 555 0100', null],
    ['a Japanese shared-cost Navi Dial number', '0570-123-456', null],
    ['an absurdly long input', '+81'.padEnd(60, '9'), null],
  ];
  it.each(cases)('%s: %s', (_name, input, expected) => {
    const result = normalisePhoneNumber(input);
    if (expected === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, e164: expected });
  });
});

describe('maskPhoneNumber', () => {
  const cases: Array<[string, string]> = [
    ['+819012345678', '+81******5678'],
    ['+442079460018', '+44******0018'],
  ];
  it.each(cases)('%s is shown as %s', (e164, masked) => {
    expect(maskPhoneNumber(e164)).toBe(masked);
  });
});

describe('checkCallbackRequest', () => {
  const window = (from: string, to: string) => ({ startsAt: jst(from), endsAt: jst(to) });
  const cases: Array<[string, { phoneNumber: string; preferredWindows: Array<{ startsAt: Date; endsAt: Date }> }, string[]]> = [
    ['a valid number without windows', { phoneNumber: '090-1234-5678', preferredWindows: [] }, []],
    [
      'a valid number with a window tomorrow',
      { phoneNumber: '090-1234-5678', preferredWindows: [window('2026-11-21T12:00', '2026-11-21T13:00')] },
      [],
    ],
    ['an invalid number', { phoneNumber: '12345', preferredWindows: [] }, ['phoneNumber']],
    [
      'a window in the past',
      { phoneNumber: '090-1234-5678', preferredWindows: [window('2026-11-20T12:00', '2026-11-20T13:00')] },
      ['preferredWindows.0.endsAt'],
    ],
    [
      'a window that ends before it starts',
      { phoneNumber: '090-1234-5678', preferredWindows: [window('2026-11-21T13:00', '2026-11-21T12:00')] },
      ['preferredWindows.0.endsAt'],
    ],
    [
      'a window beyond the horizon',
      { phoneNumber: '090-1234-5678', preferredWindows: [window('2026-12-10T12:00', '2026-12-10T13:00')] },
      ['preferredWindows.0.startsAt'],
    ],
    [
      'every problem at once',
      {
        phoneNumber: 'x',
        preferredWindows: [window('2026-11-21T12:00', '2026-11-21T13:00'), window('2026-11-19T12:00', '2026-11-19T13:00')],
      },
      ['phoneNumber', 'preferredWindows.1.endsAt'],
    ],
    [
      'too many windows',
      { phoneNumber: '090-1234-5678', preferredWindows: Array.from({ length: 6 }, () => window('2026-11-21T12:00', '2026-11-21T13:00')) },
      ['preferredWindows'],
    ],
  ];
  it.each(cases)('%s', (_name, request, fields) => {
    const check = checkCallbackRequest(request, NOW);
    if (fields.length === 0) expect(check).toEqual({ ok: true, phoneNumber: '+819012345678', preferredWindows: request.preferredWindows });
    else expect(check.ok ? [] : check.problems.map((problem) => problem.field)).toEqual(fields);
  });
});

describe('callbackFollowUpOf', () => {
  const cases: Array<[CallbackOutcome, number, CallbackFollowUp]> = [
    ['REACHED', 1, 'RESPONDED'],
    ['REACHED', 2, 'RESPONDED'],
    ['NO_ANSWER', 1, 'RESCHEDULE'],
    ['NO_ANSWER', 2, 'ASK_TO_WRITE'],
  ];
  it.each(cases)('%s on attempt %d leads to %s', (outcome, attempt, followUp) => {
    expect(callbackFollowUpOf(outcome, attempt)).toBe(followUp);
  });

  it('throws on a table that covers nothing', () => {
    expect(() => callbackFollowUpOf('REACHED', 1, [])).toThrow('No callback outcome rule');
  });
});
