import { MigrationInterface, QueryRunner } from 'typeorm';

// The platform's own work (issue #17): teams with the languages they serve and their calendar, the queue rules
// that place a platform ticket in a team's queue (data, versioned like routing rules, first match wins), the
// agents (the `sub` of an AGENT principal) with their languages and teams, and one queue entry per ticket that
// reached the platform: its team, the rule and reason that put it there, and its assignee.
//
// takeNextTicket reads ticket_queue_entries alone through one partial index ordered like the pull (next SLA due,
// then priority): the entry carries copies of the ticket's language, priority rank, next SLA due time and whether
// it waits for the platform, kept by the two triggers below in the statement that changes them. The seeds are
// frozen here; later changes are new versions written by new migrations.
const DEFAULT_TEAMS = [
  { id: 'triage', name: 'Triage', languages: ['ja', 'en', 'zh', 'ko'], position: 10 },
  { id: 'payments', name: 'Payments', languages: ['ja', 'en'], position: 20 },
  { id: 'account-security', name: 'Account security', languages: ['ja', 'en', 'zh', 'ko'], position: 30 },
  { id: 'logistics', name: 'Logistics', languages: ['ja', 'en', 'zh'], position: 40 },
  { id: 'guarantee-claims', name: 'Marketplace guarantee claims', languages: ['ja', 'en'], position: 50 },
];

const DEFAULT_QUEUE_RULES_V1 = [
  { id: 'guarantee-claim', position: 10, teamId: 'guarantee-claims', conditions: [{ escalationKinds: ['customer-claim', 'seller-silent'] }], reason: 'Escalated by {escalationKind}: the marketplace guarantee team decides claims against sellers' },
  { id: 'account-security', position: 30, teamId: 'account-security', conditions: [{ categories: ['ACCOUNT_ACCESS', 'FRAUD_PHISHING'] }], reason: 'Category {category}: account security handles sign-in problems, takeovers and fraud' },
  { id: 'payments', position: 40, teamId: 'payments', conditions: [{ categories: ['PAYMENT_ISSUE', 'REFUND_NOT_RECEIVED', 'MEMBERSHIP'] }], reason: 'Category {category}: the payments team handles charges, refunds and memberships' },
  { id: 'triage-routing', position: 20, teamId: 'triage', conditions: [{ routingRuleIds: ['no-order'] }], reason: 'Routed by rule {routingRule}: triage settles the category and the owner first' },
  { id: 'logistics', position: 50, teamId: 'logistics', conditions: [{ categories: ['ITEM_NOT_RECEIVED', 'DELIVERY_DELAYED', 'MISDELIVERED', 'DAMAGED_IN_TRANSIT', 'CHANGE_ORDER'] }, { escalationKinds: ['carrier-stuck'] }], reason: 'The ticket is about delivery ({category}): logistics deals with carriers and parcels' },
  { id: 'fallback', position: 60, teamId: 'triage', conditions: [{}], reason: 'No specific queue rule covers {category}: triage takes it' },
];

export class TeamsAndQueues1765720000000 implements MigrationInterface {
  name = 'TeamsAndQueues1765720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE teams (
        id text PRIMARY KEY,
        name text NOT NULL,
        languages text[] NOT NULL CHECK (cardinality(languages) > 0 AND languages <@ ARRAY['ja','en','zh','ko']),
        -- The active version of this business calendar applies (calendars are versioned: no foreign key).
        calendar_id text NOT NULL,
        -- Callback slots: each open hour of the calendar is cut into slots of this many minutes, each taking at
        -- most this many callbacks (src/rules/callback-slot.rule.ts).
        callback_slot_minutes integer NOT NULL DEFAULT 30 CHECK (callback_slot_minutes BETWEEN 5 AND 240),
        callback_slot_capacity integer NOT NULL DEFAULT 4 CHECK (callback_slot_capacity BETWEEN 1 AND 1000),
        position integer NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE queue_rules (
        id text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        position integer NOT NULL,
        team_id text NOT NULL REFERENCES teams(id),
        -- Alternatives (OR) of conditions (AND of their fields); see src/rules/queue.rule.ts QueueRuleCondition.
        conditions jsonb NOT NULL,
        reason text NOT NULL,
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (id, version)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX queue_rules_one_active_idx ON queue_rules (id) WHERE is_active`);
    await queryRunner.query(`
      CREATE TABLE agents (
        -- The subject (sub) of the agent's JWT: the agentId of its principal.
        id text PRIMARY KEY,
        name text NOT NULL,
        languages text[] NOT NULL CHECK (cardinality(languages) > 0 AND languages <@ ARRAY['ja','en','zh','ko']),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE agent_teams (
        agent_id text NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        team_id text NOT NULL REFERENCES teams(id),
        PRIMARY KEY (agent_id, team_id)
      )`);
    await queryRunner.query(`CREATE INDEX agent_teams_team_idx ON agent_teams (team_id, agent_id)`);
    await queryRunner.query(`
      CREATE TABLE ticket_queue_entries (
        ticket_id bigint PRIMARY KEY REFERENCES tickets(id),
        team_id text NOT NULL REFERENCES teams(id),
        queue_rule_id text NOT NULL,
        queue_rule_version integer NOT NULL,
        queue_reason text NOT NULL,
        queued_at timestamptz(3) NOT NULL,
        -- Kept through owner changes: a ticket that comes back to the platform comes back to its agent.
        assignee_agent_id text REFERENCES agents(id),
        assigned_at timestamptz(3),
        -- Copies for takeNextTicket (kept by the triggers below): the ticket's language, its priority as a rank
        -- (URGENT 4 … LOW 1), its next SLA due time, and whether it waits for the platform (owned by the platform,
        -- neither SOLVED nor CLOSED).
        language text NOT NULL,
        priority_rank smallint NOT NULL,
        next_sla_due_at timestamptz(3),
        is_waiting boolean NOT NULL
      )`);
    await queryRunner.query(`
      CREATE INDEX ticket_queue_entries_next_idx ON ticket_queue_entries (team_id, language, next_sla_due_at, priority_rank DESC, ticket_id)
      WHERE is_waiting AND assignee_agent_id IS NULL`);
    await queryRunner.query(`CREATE INDEX ticket_queue_entries_assignee_idx ON ticket_queue_entries (assignee_agent_id, ticket_id) WHERE assignee_agent_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX ticket_queue_entries_team_idx ON ticket_queue_entries (team_id, ticket_id)`);

    await queryRunner.query(`
      CREATE FUNCTION ticket_priority_rank(priority text) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE priority WHEN 'URGENT' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'NORMAL' THEN 2 ELSE 1 END::smallint
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION ticket_queue_entries_follow_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ticket_queue_entries SET
          language = NEW.language,
          priority_rank = ticket_priority_rank(NEW.priority),
          is_waiting = (NEW.owner_party = 'PLATFORM' AND NEW.status NOT IN ('SOLVED','CLOSED'))
        WHERE ticket_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tickets_queue_entry_follows AFTER UPDATE ON tickets FOR EACH ROW
      WHEN (OLD.owner_party IS DISTINCT FROM NEW.owner_party OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.language IS DISTINCT FROM NEW.language)
      EXECUTE FUNCTION ticket_queue_entries_follow_ticket()`);
    await queryRunner.query(`
      CREATE FUNCTION ticket_queue_entries_follow_deadlines() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ticket_queue_entries SET next_sla_due_at = NEW.next_sla_due_at
        WHERE ticket_id = NEW.ticket_id AND next_sla_due_at IS DISTINCT FROM NEW.next_sla_due_at;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER ticket_deadlines_queue_entry_follows AFTER INSERT OR UPDATE OF next_sla_due_at ON ticket_deadlines FOR EACH ROW
      EXECUTE FUNCTION ticket_queue_entries_follow_deadlines()`);

    for (const team of DEFAULT_TEAMS) {
      await queryRunner.query(`INSERT INTO teams (id, name, languages, calendar_id, position) VALUES ($1, $2, $3, 'JP_SUPPORT_HOURS', $4)`, [
        team.id, team.name, team.languages, team.position,
      ]);
    }
    for (const rule of DEFAULT_QUEUE_RULES_V1) {
      await queryRunner.query(`INSERT INTO queue_rules (id, version, position, team_id, conditions, reason) VALUES ($1, 1, $2, $3, $4, $5)`, [
        rule.id, rule.position, rule.teamId, JSON.stringify(rule.conditions), rule.reason,
      ]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER ticket_deadlines_queue_entry_follows ON ticket_deadlines`);
    await queryRunner.query(`DROP TRIGGER tickets_queue_entry_follows ON tickets`);
    await queryRunner.query(`DROP FUNCTION ticket_queue_entries_follow_deadlines()`);
    await queryRunner.query(`DROP FUNCTION ticket_queue_entries_follow_ticket()`);
    await queryRunner.query(`DROP FUNCTION ticket_priority_rank(text)`);
    await queryRunner.query(`DROP TABLE ticket_queue_entries`);
    await queryRunner.query(`DROP TABLE agent_teams`);
    await queryRunner.query(`DROP TABLE agents`);
    await queryRunner.query(`DROP TABLE queue_rules`);
    await queryRunner.query(`DROP TABLE teams`);
  }
}
