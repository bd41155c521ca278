import { MigrationInterface, QueryRunner } from 'typeorm';

// Callback requests (issue #17, point 3; docs/queues.md "Callbacks"). One row per attempt: a request is scheduled
// in a slot of its team's support hours (teams.calendar_id, JP_SUPPORT_HOURS by default, cut into slots of
// teams.callback_slot_minutes, each taking at most teams.callback_slot_capacity callbacks: the slot capacity per
// team is data on the teams table since 1765720000000); a NO_ANSWER reschedules it once as a new row (attempt 2,
// rescheduled_from_id naming the missed one), so every attempt keeps the agent and time of its outcome.
//
// - callback_requests_one_scheduled_idx: at most one SCHEDULED callback per ticket.
// - callback_requests_slot_idx: the SCHEDULED callbacks of a team by slot start, what slot counting reads.
// - callback_requests_due_soon_idx: the timer sweep's CALLBACK_DUE_SOON work; `due_soon_at` is cleared when the
//   warning fires (or the callback leaves SCHEDULED), so each slot warns exactly once.
// - callback_requests_ticket_idx: a ticket's callbacks, latest first (Ticket.callback).
export class CallbackRequests1765810000000 implements MigrationInterface {
  name = 'CallbackRequests1765810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE callback_requests (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id bigint NOT NULL REFERENCES tickets(id),
        team_id text NOT NULL REFERENCES teams(id),
        -- E.164, as src/rules/callback-request.rule.ts normalises it.
        phone_number text NOT NULL CHECK (phone_number ~ '^\\+[1-9][0-9]{6,14}$'),
        -- The customer's windows, [{ "startsAt": ISO-8601, "endsAt": ISO-8601 }]; empty: any slot.
        preferred_windows jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(preferred_windows) = 'array'),
        -- The slot: callback_at is its start, the time the customer is told.
        callback_at timestamptz(3) NOT NULL,
        slot_ends_at timestamptz(3) NOT NULL CHECK (slot_ends_at > callback_at),
        attempt smallint NOT NULL CHECK (attempt >= 1),
        rescheduled_from_id bigint REFERENCES callback_requests(id),
        status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'REACHED', 'NO_ANSWER', 'CANCELLED')),
        -- When CALLBACK_DUE_SOON fires; null once it fired, when scheduled too close to warn, or once not SCHEDULED.
        due_soon_at timestamptz(3),
        warned_at timestamptz(3),
        -- principalLabel of who asked (CUSTOMER:…, AGENT:…, INTEGRATION:… for the chat bot).
        requested_by text NOT NULL,
        -- The agent (its JWT subject) who recorded REACHED or NO_ANSWER, and when.
        outcome_recorded_by text,
        outcome_recorded_at timestamptz(3),
        -- Set on the attempt after which the platform posted its message asking the customer to write instead.
        asked_to_write_at timestamptz(3),
        cancelled_at timestamptz(3),
        cancelled_reason text,
        created_at timestamptz(3) NOT NULL,
        CHECK ((status IN ('REACHED', 'NO_ANSWER')) = (outcome_recorded_at IS NOT NULL AND outcome_recorded_by IS NOT NULL)),
        CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
        CHECK (status = 'SCHEDULED' OR due_soon_at IS NULL)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX callback_requests_one_scheduled_idx ON callback_requests (ticket_id) WHERE status = 'SCHEDULED'`);
    await queryRunner.query(`CREATE INDEX callback_requests_slot_idx ON callback_requests (team_id, callback_at) WHERE status = 'SCHEDULED'`);
    await queryRunner.query(`CREATE INDEX callback_requests_due_soon_idx ON callback_requests (due_soon_at) WHERE due_soon_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX callback_requests_ticket_idx ON callback_requests (ticket_id, id DESC)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE callback_requests`);
  }
}
