import { MigrationInterface, QueryRunner } from 'typeorm';

// Follow-ups stored before issue #14 named the earlier ticket (its number in the routing reason, its id and number
// in the TICKET_OPENED payload), which every reader of the follow-up received, also readers who may not see the
// earlier ticket. Their reasons and events are rewritten as new follow-ups are written
// (ticket-conversation.service.ts); webhook deliveries read the events, so redeliveries carry the new payload.
// `down` restores the old words from tickets.follow_up_of_ticket_id, which keeps the link (ids as base64url, as
// toGlobalId writes them).
const OLD_REASON = `^Follow-up of \\S+, which was closed: it stays with its owner \\((\\w+)\\)$`;
const NEW_REASON = `Follow-up of a closed ticket of the same customer: it stays with that ticket's owner (\\1)`;
const NEW_REASON_PATTERN = `^Follow-up of a closed ticket of the same customer: it stays with that ticket's owner \\((\\w+)\\)$`;

export class FollowUpsNameNoEarlierTicket1765100000000 implements MigrationInterface {
  name = 'FollowUpsNameNoEarlierTicket1765100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE tickets SET routing_reason = regexp_replace(routing_reason, $1, $2) WHERE routing_rule_id = 'follow-up'`, [OLD_REASON, NEW_REASON]);
    await queryRunner.query(
      `UPDATE ticket_events SET payload = jsonb_set(payload, '{reason}', to_jsonb(regexp_replace(payload->>'reason', $1, $2)))
       WHERE type = 'TICKET_ROUTED' AND payload->>'rule' = 'follow-up' AND payload ? 'reason'`,
      [OLD_REASON, NEW_REASON],
    );
    await queryRunner.query(
      `UPDATE ticket_events SET payload = (payload - 'followUpOf' - 'followUpOfNumber') || '{"isFollowUp": true}'::jsonb
       WHERE type = 'TICKET_OPENED' AND payload ? 'followUpOf'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE tickets t SET routing_reason = 'Follow-up of ' || o.number || ', which was closed: it stays with its owner (' || substring(t.routing_reason FROM $1) || ')'
       FROM tickets o WHERE o.id = t.follow_up_of_ticket_id AND t.routing_rule_id = 'follow-up' AND t.routing_reason ~ $1`,
      [NEW_REASON_PATTERN],
    );
    await queryRunner.query(
      `UPDATE ticket_events e SET payload = jsonb_set(e.payload, '{reason}', to_jsonb('Follow-up of ' || o.number || ', which was closed: it stays with its owner (' || substring(e.payload->>'reason' FROM $1) || ')'))
       FROM tickets t JOIN tickets o ON o.id = t.follow_up_of_ticket_id
       WHERE e.ticket_id = t.id AND e.type = 'TICKET_ROUTED' AND e.payload->>'rule' = 'follow-up' AND e.payload->>'reason' ~ $1`,
      [NEW_REASON_PATTERN],
    );
    await queryRunner.query(
      `UPDATE ticket_events e SET payload = (e.payload - 'isFollowUp') || jsonb_build_object('followUpOf', translate(rtrim(encode(convert_to('Ticket:' || o.id, 'UTF8'), 'base64'), '='), '+/', '-_'), 'followUpOfNumber', o.number)
       FROM tickets t JOIN tickets o ON o.id = t.follow_up_of_ticket_id
       WHERE e.ticket_id = t.id AND e.type = 'TICKET_OPENED' AND e.payload ? 'isFollowUp'`,
    );
  }
}
