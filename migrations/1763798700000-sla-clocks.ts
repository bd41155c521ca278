import { MigrationInterface, QueryRunner } from 'typeorm';

// SLA data of DESIGN §5: business calendars and policies (data, versioned like routing rules; seeded here and
// frozen), the clocks of every ticket, and the ticket columns that make SLA filters cheap. Timers find due work
// through the partial index on sla_clocks.next_fire_at (see docs/sla.md for why a sweep, not a job per clock).
const DEFAULT_CALENDARS = [
  { id: "ALWAYS", name: "24/7", timeZone: "Asia/Tokyo", definition: {"weeklyHours": [], "alwaysOpen": true, "holidayCountry": null, "closures": []} },
  { id: "JP_SUPPORT_HOURS", name: "Support hours, every day 09:00–21:00 JST", timeZone: "Asia/Tokyo", definition: {"weeklyHours": [{"weekday": 0, "opensAt": "09:00", "closesAt": "21:00"}, {"weekday": 1, "opensAt": "09:00", "closesAt": "21:00"}, {"weekday": 2, "opensAt": "09:00", "closesAt": "21:00"}, {"weekday": 3, "opensAt": "09:00", "closesAt": "21:00"}, {"weekday": 4, "opensAt": "09:00", "closesAt": "21:00"}, {"weekday": 5, "opensAt": "09:00", "closesAt": "21:00"}, {"weekday": 6, "opensAt": "09:00", "closesAt": "21:00"}], "alwaysOpen": false, "holidayCountry": null, "closures": [{"startDate": "12-31", "endDate": "01-03", "recurringYearly": true, "reason": "New Year holidays (年末年始)"}]} },
  { id: "JP_BUSINESS_DAYS", name: "Business days, Mon–Fri 09:00–18:00 JST", timeZone: "Asia/Tokyo", definition: {"weeklyHours": [{"weekday": 1, "opensAt": "09:00", "closesAt": "18:00"}, {"weekday": 2, "opensAt": "09:00", "closesAt": "18:00"}, {"weekday": 3, "opensAt": "09:00", "closesAt": "18:00"}, {"weekday": 4, "opensAt": "09:00", "closesAt": "18:00"}, {"weekday": 5, "opensAt": "09:00", "closesAt": "18:00"}], "alwaysOpen": false, "holidayCountry": "JP", "closures": [{"startDate": "12-29", "endDate": "01-03", "recurringYearly": true, "reason": "Year-end and New Year holidays (年末年始)"}]} },
];

const DEFAULT_POLICIES_V1 = [
  { id: "seller-marketplace", version: 1, position: 10, name: "Seller: marketplace response times", conditions: {"ownerParties": ["SELLER"]}, targets: {"FIRST_RESPONSE": 1440, "NEXT_RESPONSE": 1440}, calendarId: "ALWAYS", warningThreshold: 0.75 },
  { id: "carrier-investigation", version: 1, position: 20, name: "Carrier: delivery investigation", conditions: {"ownerParties": ["CARRIER"]}, targets: {"FIRST_RESPONSE": 1440, "NEXT_RESPONSE": 1440, "RESOLUTION": 2700}, calendarId: "JP_BUSINESS_DAYS", warningThreshold: 0.75 },
  { id: "platform-urgent", version: 1, position: 30, name: "Platform: urgent", conditions: {"ownerParties": ["PLATFORM"], "priorities": ["URGENT"]}, targets: {"FIRST_RESPONSE": 60, "NEXT_RESPONSE": 120, "RESOLUTION": 1440}, calendarId: "ALWAYS", warningThreshold: 0.75 },
  { id: "platform-chat", version: 1, position: 40, name: "Platform: chat", conditions: {"ownerParties": ["PLATFORM"], "channels": ["CHAT"]}, targets: {"FIRST_RESPONSE": 10, "NEXT_RESPONSE": 30, "RESOLUTION": 1440}, calendarId: "ALWAYS", warningThreshold: 0.75 },
  { id: "platform-phone", version: 1, position: 50, name: "Platform: phone callback", conditions: {"ownerParties": ["PLATFORM"], "channels": ["PHONE"]}, targets: {"FIRST_RESPONSE": 60, "NEXT_RESPONSE": 240, "RESOLUTION": 2160}, calendarId: "JP_SUPPORT_HOURS", warningThreshold: 0.75 },
  { id: "platform-default", version: 1, position: 60, name: "Platform: e-mail, app and social", conditions: {"ownerParties": ["PLATFORM"]}, targets: {"FIRST_RESPONSE": 1440, "NEXT_RESPONSE": 1440, "RESOLUTION": 4320}, calendarId: "ALWAYS", warningThreshold: 0.75 },
];

export class SlaClocks1763798700000 implements MigrationInterface {
  name = 'SlaClocks1763798700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE business_calendars (
        id text PRIMARY KEY,
        name text NOT NULL,
        time_zone text NOT NULL,
        -- weeklyHours, alwaysOpen, holidayCountry, closures: see src/rules/business-calendar.rule.ts
        definition jsonb NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE sla_policies (
        id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        position integer NOT NULL,
        name text NOT NULL,
        conditions jsonb NOT NULL,
        -- Business minutes per metric (FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION); a missing metric runs no clock.
        targets jsonb NOT NULL,
        calendar_id text NOT NULL REFERENCES business_calendars(id),
        warning_threshold real NOT NULL CHECK (warning_threshold > 0 AND warning_threshold <= 1),
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (id, version)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX sla_policies_one_active_idx ON sla_policies (id) WHERE is_active`);
    await queryRunner.query(`
      CREATE TABLE sla_clocks (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id bigint NOT NULL REFERENCES tickets(id),
        metric text NOT NULL CHECK (metric IN ('FIRST_RESPONSE','NEXT_RESPONSE','RESOLUTION')),
        owner_party text NOT NULL CHECK (owner_party IN ('SELLER','CARRIER','PLATFORM')),
        policy_id text NOT NULL,
        policy_version integer NOT NULL,
        calendar_id text NOT NULL REFERENCES business_calendars(id),
        target_minutes real NOT NULL,
        warning_threshold real NOT NULL,
        state text NOT NULL CHECK (state IN ('ACTIVE','PAUSED','MET','BREACHED','CANCELLED')),
        started_at timestamptz(3) NOT NULL,
        due_at timestamptz(3) NOT NULL,
        warn_at timestamptz(3) NOT NULL,
        paused_business_minutes real NOT NULL DEFAULT 0,
        paused_at timestamptz(3),
        warned_at timestamptz(3),
        met_at timestamptz(3),
        breached_at timestamptz(3),
        cancelled_at timestamptz(3),
        used_business_minutes real,
        -- When a timer must next act (warning, then breach); null when nothing is left to fire.
        next_fire_at timestamptz(3)
      )`);
    await queryRunner.query(`CREATE INDEX sla_clocks_ticket_idx ON sla_clocks (ticket_id, id)`);
    await queryRunner.query(`CREATE INDEX sla_clocks_next_fire_idx ON sla_clocks (next_fire_at) WHERE next_fire_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX sla_clocks_breached_ticket_idx ON sla_clocks (ticket_id) WHERE state = 'BREACHED'`);
    // The earliest due time of the ticket's counting clocks, and the moment a silent seller loses the ticket.
    await queryRunner.query(`ALTER TABLE tickets ADD COLUMN next_sla_due_at timestamptz(3), ADD COLUMN escalation_due_at timestamptz(3)`);
    await queryRunner.query(`CREATE INDEX tickets_next_sla_due_idx ON tickets (next_sla_due_at, id) WHERE next_sla_due_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX tickets_escalation_due_idx ON tickets (escalation_due_at) WHERE escalation_due_at IS NOT NULL`);

    for (const calendar of DEFAULT_CALENDARS) {
      await queryRunner.query(`INSERT INTO business_calendars (id, name, time_zone, definition) VALUES ($1, $2, $3, $4)`, [
        calendar.id, calendar.name, calendar.timeZone, JSON.stringify(calendar.definition),
      ]);
    }
    for (const policy of DEFAULT_POLICIES_V1) {
      await queryRunner.query(
        `INSERT INTO sla_policies (id, version, position, name, conditions, targets, calendar_id, warning_threshold) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [policy.id, policy.version, policy.position, policy.name, JSON.stringify(policy.conditions), JSON.stringify(policy.targets), policy.calendarId, policy.warningThreshold],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN next_sla_due_at, DROP COLUMN escalation_due_at`);
    await queryRunner.query(`DROP TABLE sla_clocks`);
    await queryRunner.query(`DROP TABLE sla_policies`);
    await queryRunner.query(`DROP TABLE business_calendars`);
  }
}
