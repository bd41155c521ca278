import { MessageVisibility, TicketStatus } from '../../src/domain/enums';
import {
  allowedStatuses,
  closableSolvedBefore,
  isRateable,
  isWithinReopenWindow,
  MessagePlan,
  MessageWriter,
  planMessageEffects,
  planTransition,
  StatusMoveKind,
  TransitionActor,
} from '../../src/rules/ticket-status.rule';

const NOW = new Date('2026-12-10T03:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysBeforeNow = (days: number) => new Date(NOW.getTime() - days * DAY);
/** Solved a day ago: inside the 7-day reopen window. */
const RECENTLY_SOLVED = daysBeforeNow(1);
/** Solved 8 days ago: the window has passed. */
const LONG_SOLVED = daysBeforeNow(8);

const STATUSES = Object.values(TicketStatus);
const ACTORS: TransitionActor[] = ['CUSTOMER', 'OWNER', 'AGENT', 'SYSTEM'];

// The expected table, written independently of the rule (docs/sla.md and docs/security.md). `(within)`: only inside the reopen
// window; `(after)`: only once it has passed. Every cell not listed is refused.
const EXPECTED_TABLE = `
  NEW     -> OPEN    : OWNER AGENT
  NEW     -> PENDING : OWNER AGENT
  NEW     -> ON_HOLD : OWNER AGENT
  NEW     -> SOLVED  : OWNER AGENT
  OPEN    -> PENDING : OWNER AGENT
  OPEN    -> ON_HOLD : OWNER AGENT
  OPEN    -> SOLVED  : OWNER AGENT
  PENDING -> OPEN    : OWNER AGENT
  PENDING -> ON_HOLD : OWNER AGENT
  PENDING -> SOLVED  : OWNER AGENT
  ON_HOLD -> OPEN    : OWNER AGENT
  ON_HOLD -> PENDING : OWNER AGENT
  ON_HOLD -> SOLVED  : OWNER AGENT
  SOLVED  -> OPEN    : CUSTOMER(within) OWNER AGENT
  SOLVED  -> CLOSED  : AGENT SYSTEM(after)
`;

type ExpectedCondition = 'always' | 'within' | 'after';

function parseExpectedTable(): Map<string, ExpectedCondition> {
  const cells = new Map<string, ExpectedCondition>();
  for (const line of EXPECTED_TABLE.trim().split('\n')) {
    const [from, to, actors] = line.split(/->|:/).map((part) => part.trim());
    for (const entry of actors.split(/\s+/)) {
      const [, actor, condition] = /^(\w+)(?:\((within|after)\))?$/.exec(entry)!;
      cells.set(`${from}>${to}>${actor}`, (condition as ExpectedCondition | undefined) ?? 'always');
    }
  }
  return cells;
}

const EXPECTED = parseExpectedTable();

function expectedAllowed(from: TicketStatus, to: TicketStatus, actor: TransitionActor, solvedAt: Date | null): boolean {
  const condition = EXPECTED.get(`${from}>${to}>${actor}`);
  if (condition === undefined) return false;
  const withinWindow = solvedAt === null || NOW.getTime() - solvedAt.getTime() < 7 * DAY;
  return condition === 'always' || (condition === 'within' ? withinWindow : !withinWindow);
}

function expectedKind(from: TicketStatus, to: TicketStatus): StatusMoveKind {
  if (to === TicketStatus.SOLVED) return 'SOLVE';
  if (to === TicketStatus.CLOSED) return 'CLOSE';
  return from === TicketStatus.SOLVED ? 'REOPEN' : 'CHANGE';
}

const CELLS = STATUSES.flatMap((from) => STATUSES.flatMap((to) => ACTORS.map((actor) => [from, to, actor] as const)));

describe('planTransition: every cell of the status table', () => {
  it('covers 6 × 6 statuses × 4 actors', () => {
    expect(CELLS).toHaveLength(144);
  });

  describe.each([
    ['inside the reopen window', RECENTLY_SOLVED],
    ['after the reopen window', LONG_SOLVED],
  ])('%s', (_label, solvedAt) => {
    it.each(CELLS)('%s → %s requested by %s', (from, to, actor) => {
      const plan = planTransition({ from, to, actor, solvedAt: from === TicketStatus.SOLVED ? solvedAt : null, now: NOW });
      const allowed = expectedAllowed(from, to, actor, from === TicketStatus.SOLVED ? solvedAt : null);
      if (allowed) {
        expect(plan).toEqual({ ok: true, move: { from, to, kind: expectedKind(from, to), trigger: 'REQUEST' } });
        return;
      }
      const expectedTargets = STATUSES.filter((target) =>
        expectedAllowed(from, target, actor, from === TicketStatus.SOLVED ? solvedAt : null),
      );
      expect(plan).toEqual({ ok: false, allowedStatuses: expectedTargets, reason: expect.any(String) });
      if (!plan.ok) expect(plan.reason.length).toBeGreaterThan(10);
    });
  });
});

describe('the reopen window boundary (7 days after the solve)', () => {
  const exactlySevenDays = daysBeforeNow(7);
  const justInside = new Date(exactlySevenDays.getTime() + 1);

  it.each([
    ['CUSTOMER', TicketStatus.OPEN, justInside, true],
    ['CUSTOMER', TicketStatus.OPEN, exactlySevenDays, false],
    ['SYSTEM', TicketStatus.CLOSED, justInside, false],
    ['SYSTEM', TicketStatus.CLOSED, exactlySevenDays, true],
    ['AGENT', TicketStatus.OPEN, LONG_SOLVED, true],
    ['AGENT', TicketStatus.CLOSED, RECENTLY_SOLVED, true],
  ] as const)('%s to %s, solved at %s: allowed = %s', (actor, to, solvedAt, allowed) => {
    expect(planTransition({ from: TicketStatus.SOLVED, to, actor, solvedAt, now: NOW }).ok).toBe(allowed);
  });

  it.each([
    ["a person's request by default", undefined, 'REQUEST'],
    ["the close job's own trigger when given", 'REOPEN_WINDOW_ELAPSED', 'REOPEN_WINDOW_ELAPSED'],
  ] as const)('records %s', (_name, trigger, expected) => {
    const plan = planTransition({
      from: TicketStatus.SOLVED,
      to: TicketStatus.CLOSED,
      actor: 'SYSTEM',
      solvedAt: exactlySevenDays,
      now: NOW,
      trigger,
    });
    expect(plan).toEqual({ ok: true, move: { from: TicketStatus.SOLVED, to: TicketStatus.CLOSED, kind: 'CLOSE', trigger: expected } });
  });

  it('agrees with the close sweep cut-off and treats an unknown solve time as inside the window', () => {
    expect(closableSolvedBefore(NOW)).toEqual(exactlySevenDays);
    expect(isWithinReopenWindow(exactlySevenDays, NOW)).toBe(false);
    expect(isWithinReopenWindow(justInside, NOW)).toBe(true);
    expect(isWithinReopenWindow(null, NOW)).toBe(true);
    expect(planTransition({ from: TicketStatus.SOLVED, to: TicketStatus.CLOSED, actor: 'SYSTEM', solvedAt: null, now: NOW }).ok).toBe(
      false,
    );
  });

  it('explains refusals a person can act on', () => {
    const customerTooLate = planTransition({
      from: TicketStatus.SOLVED,
      to: TicketStatus.OPEN,
      actor: 'CUSTOMER',
      solvedAt: LONG_SOLVED,
      now: NOW,
    });
    expect(customerTooLate).toMatchObject({ ok: false, allowedStatuses: [], reason: expect.stringMatching(/within 7 days/) });
    const ownerCloses = planTransition({
      from: TicketStatus.SOLVED,
      to: TicketStatus.CLOSED,
      actor: 'OWNER',
      solvedAt: RECENTLY_SOLVED,
      now: NOW,
    });
    expect(ownerCloses).toMatchObject({
      ok: false,
      allowedStatuses: [TicketStatus.OPEN],
      reason: expect.stringMatching(/Only platform agents close/),
    });
    const same = planTransition({ from: TicketStatus.PENDING, to: TicketStatus.PENDING, actor: 'AGENT', solvedAt: null, now: NOW });
    expect(same).toMatchObject({ ok: false, reason: 'The ticket is already PENDING' });
    expect(allowedStatuses(TicketStatus.CLOSED, 'AGENT', null, NOW)).toEqual([]);
  });
});

describe('planMessageEffects: the automatic moves', () => {
  type Expected =
    | { outcome: 'POST'; to: TicketStatus | null; customer: boolean; response: boolean }
    | { outcome: 'FOLLOW_UP'; closesOriginal: boolean }
    | { outcome: 'REFUSED' };
  const post = (to: TicketStatus | null, customer: boolean, response: boolean): Expected => ({ outcome: 'POST', to, customer, response });
  const followUp = (closesOriginal: boolean): Expected => ({ outcome: 'FOLLOW_UP', closesOriginal });
  const REFUSED: Expected = { outcome: 'REFUSED' };

  // status (SOLVED: recently or long ago) × writer × visibility → outcome.
  const STATUS_CASES: Array<[string, TicketStatus, Date | null]> = [
    ['NEW', TicketStatus.NEW, null],
    ['OPEN', TicketStatus.OPEN, null],
    ['PENDING', TicketStatus.PENDING, null],
    ['ON_HOLD', TicketStatus.ON_HOLD, null],
    ['SOLVED recently', TicketStatus.SOLVED, RECENTLY_SOLVED],
    ['SOLVED long ago', TicketStatus.SOLVED, LONG_SOLVED],
    ['CLOSED', TicketStatus.CLOSED, LONG_SOLVED],
  ];
  const WRITER_CASES = [
    'CUSTOMER PUBLIC',
    'OWNER PUBLIC',
    'OWNER INTERNAL',
    'AGENT PUBLIC',
    'AGENT INTERNAL',
    'CLAIM_RESPONDENT PUBLIC',
  ] as const;
  const EXPECTED_EFFECTS: Record<string, Record<(typeof WRITER_CASES)[number], Expected>> = {
    NEW: {
      'CUSTOMER PUBLIC': post(null, true, false),
      'OWNER PUBLIC': post(TicketStatus.OPEN, false, true),
      'OWNER INTERNAL': post(null, false, false),
      'AGENT PUBLIC': post(null, false, false),
      'AGENT INTERNAL': post(null, false, false),
      'CLAIM_RESPONDENT PUBLIC': post(null, false, false),
    },
    OPEN: {
      'CUSTOMER PUBLIC': post(null, true, false),
      'OWNER PUBLIC': post(null, false, true),
      'OWNER INTERNAL': post(null, false, false),
      'AGENT PUBLIC': post(null, false, false),
      'AGENT INTERNAL': post(null, false, false),
      'CLAIM_RESPONDENT PUBLIC': post(null, false, false),
    },
    PENDING: {
      'CUSTOMER PUBLIC': post(TicketStatus.OPEN, true, false),
      'OWNER PUBLIC': post(null, false, true),
      'OWNER INTERNAL': post(null, false, false),
      'AGENT PUBLIC': post(null, false, false),
      'AGENT INTERNAL': post(null, false, false),
      'CLAIM_RESPONDENT PUBLIC': post(null, false, false),
    },
    ON_HOLD: {
      'CUSTOMER PUBLIC': post(null, true, false),
      'OWNER PUBLIC': post(null, false, true),
      'OWNER INTERNAL': post(null, false, false),
      'AGENT PUBLIC': post(null, false, false),
      'AGENT INTERNAL': post(null, false, false),
      'CLAIM_RESPONDENT PUBLIC': post(null, false, false),
    },
    'SOLVED recently': {
      'CUSTOMER PUBLIC': post(TicketStatus.OPEN, true, false),
      'OWNER PUBLIC': post(null, false, true),
      'OWNER INTERNAL': post(null, false, false),
      'AGENT PUBLIC': post(null, false, false),
      'AGENT INTERNAL': post(null, false, false),
      'CLAIM_RESPONDENT PUBLIC': post(null, false, false),
    },
    'SOLVED long ago': {
      'CUSTOMER PUBLIC': followUp(true),
      'OWNER PUBLIC': post(null, false, true),
      'OWNER INTERNAL': post(null, false, false),
      'AGENT PUBLIC': post(null, false, false),
      'AGENT INTERNAL': post(null, false, false),
      'CLAIM_RESPONDENT PUBLIC': post(null, false, false),
    },
    CLOSED: {
      'CUSTOMER PUBLIC': followUp(false),
      'OWNER PUBLIC': REFUSED,
      'OWNER INTERNAL': REFUSED,
      'AGENT PUBLIC': REFUSED,
      'AGENT INTERNAL': REFUSED,
      'CLAIM_RESPONDENT PUBLIC': REFUSED,
    },
  };

  function summary(plan: MessagePlan): Expected {
    switch (plan.outcome) {
      case 'POST':
        return { outcome: 'POST', to: plan.statusMove?.to ?? null, customer: plan.isCustomerMessage, response: plan.isOwnerResponse };
      case 'FOLLOW_UP':
        return { outcome: 'FOLLOW_UP', closesOriginal: plan.closeOriginal !== null };
      case 'REFUSED':
        return { outcome: 'REFUSED' };
    }
  }

  const cases = STATUS_CASES.flatMap(([label, status, solvedAt]) =>
    WRITER_CASES.map((writerCase) => [label, writerCase, status, solvedAt] as const),
  );

  it.each(cases)('%s, %s', (label, writerCase, status, solvedAt) => {
    const [writer, visibility] = writerCase.split(' ') as [MessageWriter, MessageVisibility];
    const plan = planMessageEffects({ status, solvedAt, firstRespondedAt: null, writer, visibility, now: NOW });
    expect(summary(plan)).toEqual(EXPECTED_EFFECTS[label][writerCase]);
  });

  it("marks the owner's first response once, and names what caused each move", () => {
    const first = planMessageEffects({
      status: TicketStatus.NEW,
      solvedAt: null,
      firstRespondedAt: null,
      writer: 'OWNER',
      visibility: MessageVisibility.PUBLIC,
      now: NOW,
    });
    expect(first).toMatchObject({
      isFirstResponse: true,
      statusMove: { from: 'NEW', to: 'OPEN', kind: 'CHANGE', trigger: 'OWNER_FIRST_REPLY' },
    });
    const later = planMessageEffects({
      status: TicketStatus.OPEN,
      solvedAt: null,
      firstRespondedAt: daysBeforeNow(1),
      writer: 'OWNER',
      visibility: MessageVisibility.PUBLIC,
      now: NOW,
    });
    expect(later).toMatchObject({ isOwnerResponse: true, isFirstResponse: false });
    const reopen = planMessageEffects({
      status: TicketStatus.SOLVED,
      solvedAt: RECENTLY_SOLVED,
      firstRespondedAt: null,
      writer: 'CUSTOMER',
      visibility: MessageVisibility.PUBLIC,
      now: NOW,
    });
    expect(reopen).toMatchObject({ statusMove: { kind: 'REOPEN', trigger: 'CUSTOMER_REPLY' } });
    const late = planMessageEffects({
      status: TicketStatus.SOLVED,
      solvedAt: LONG_SOLVED,
      firstRespondedAt: null,
      writer: 'CUSTOMER',
      visibility: MessageVisibility.PUBLIC,
      now: NOW,
    });
    expect(late).toEqual({
      outcome: 'FOLLOW_UP',
      closeOriginal: { from: 'SOLVED', to: 'CLOSED', kind: 'CLOSE', trigger: 'REOPEN_WINDOW_ELAPSED' },
    });
  });
});

describe('isRateable', () => {
  it.each(STATUSES)('%s', (status) => {
    expect(isRateable(status)).toBe(status === TicketStatus.SOLVED || status === TicketStatus.CLOSED);
  });
});
