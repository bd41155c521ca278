import { MigrationInterface, QueryRunner } from 'typeorm';
// All timestamps are stored to the millisecond (timestamptz(3)): exactly what a JavaScript Date holds, so a
// keyset cursor made from a Date never skips or repeats a row.

// The domain of DESIGN §2. Ids are bigint identities (compact keyset keys); every list query pages on
// (sort column, id). Enumerated columns are text with CHECK constraints so that adding a value is a migration.
export class FoundationSchema1763798400000 implements MigrationInterface {
  name = 'FoundationSchema1763798400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await queryRunner.query(`
      CREATE TABLE customers (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        external_id text UNIQUE,
        name text NOT NULL,
        email text NOT NULL,
        phone text,
        preferred_language text NOT NULL DEFAULT 'ja' CHECK (preferred_language IN ('ja','en','zh','ko')),
        tier text NOT NULL DEFAULT 'STANDARD' CHECK (tier IN ('STANDARD','PRIME','BUSINESS')),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE sellers (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        external_id text UNIQUE,
        name text NOT NULL,
        contact_email text NOT NULL,
        contact_phone text,
        support_languages text[] NOT NULL DEFAULT '{ja}',
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX sellers_name_id_idx ON sellers (name, id)`);

    await queryRunner.query(`
      CREATE TABLE carriers (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        tracking_url_template text,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX carriers_name_id_idx ON carriers (name, id)`);

    await queryRunner.query(`
      CREATE TABLE orders (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        external_id text NOT NULL UNIQUE,
        number text NOT NULL UNIQUE,
        customer_id bigint NOT NULL REFERENCES customers(id),
        sold_by_seller_id bigint REFERENCES sellers(id),
        fulfillment text NOT NULL CHECK (fulfillment IN ('PLATFORM','SELLER')),
        status text NOT NULL CHECK (status IN ('PENDING','UNSHIPPED','SHIPPED','DELIVERED','CANCELLED','RETURNED')),
        total_amount numeric(14,2) NOT NULL,
        currency char(3) NOT NULL DEFAULT 'JPY',
        payment_method text NOT NULL,
        delivery_address jsonb NOT NULL DEFAULT '{}',
        placed_at timestamptz(3) NOT NULL,
        promised_delivery_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX orders_seller_placed_idx ON orders (sold_by_seller_id, placed_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX orders_placed_idx ON orders (placed_at DESC, id DESC)`);

    await queryRunner.query(`
      CREATE TABLE order_items (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_id bigint NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        position integer NOT NULL,
        sku text NOT NULL,
        title text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price numeric(14,2) NOT NULL,
        UNIQUE (order_id, position)
      )`);

    await queryRunner.query(`
      CREATE TABLE shipments (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        external_id text NOT NULL UNIQUE,
        order_id bigint NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        carrier_id bigint NOT NULL REFERENCES carriers(id),
        tracking_number text NOT NULL,
        status text NOT NULL CHECK (status IN ('LABEL_CREATED','IN_TRANSIT','OUT_FOR_DELIVERY','DELIVERED','DELIVERY_FAILED','LOST','RETURNED_TO_SENDER')),
        delivery_method text CHECK (delivery_method IN ('HAND_OVER','LEFT_AT_DOOR','LOCKER','MAILBOX')),
        shipped_at timestamptz(3),
        delivered_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX shipments_order_idx ON shipments (order_id, id)`);
    await queryRunner.query(`CREATE INDEX shipments_carrier_idx ON shipments (carrier_id, id)`);

    await queryRunner.query(`
      CREATE TABLE returns (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        external_id text NOT NULL UNIQUE,
        order_id bigint NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('REQUESTED','IN_TRANSIT','RECEIVED','REFUNDED','REJECTED')),
        reason text,
        requested_at timestamptz(3) NOT NULL,
        received_at timestamptz(3),
        refunded_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX returns_order_idx ON returns (order_id, id)`);

    await queryRunner.query(`CREATE SEQUENCE ticket_number_seq`);
    await queryRunner.query(`
      CREATE TABLE tickets (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        number text NOT NULL UNIQUE DEFAULT ('T-' || lpad(nextval('ticket_number_seq')::text, 6, '0')),
        subject text NOT NULL,
        category text NOT NULL CHECK (category IN ('ITEM_NOT_RECEIVED','DELIVERY_DELAYED','MISDELIVERED','DAMAGED_IN_TRANSIT','DEFECTIVE_ITEM','NOT_AS_DESCRIBED','MISSING_PARTS','RETURN_REQUEST','REFUND_NOT_RECEIVED','CANCEL_ORDER','CHANGE_ORDER','PAYMENT_ISSUE','ACCOUNT_ACCESS','FRAUD_PHISHING','MEMBERSHIP','DIGITAL_SERVICE','OTHER')),
        classification_confidence real NOT NULL DEFAULT 1,
        channel text NOT NULL CHECK (channel IN ('CHAT','EMAIL','PHONE','APP','SOCIAL')),
        language text NOT NULL CHECK (language IN ('ja','en','zh','ko')),
        priority text NOT NULL CHECK (priority IN ('LOW','NORMAL','HIGH','URGENT')),
        status text NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW','OPEN','PENDING','ON_HOLD','SOLVED','CLOSED')),
        owner_party text NOT NULL CHECK (owner_party IN ('SELLER','CARRIER','PLATFORM')),
        customer_id bigint NOT NULL REFERENCES customers(id),
        order_id bigint REFERENCES orders(id),
        shipment_id bigint REFERENCES shipments(id),
        -- The seller that sold the order (null: platform retail or no order). It owns the ticket while
        -- owner_party = 'SELLER' and keeps seeing it after an escalation.
        seller_id bigint REFERENCES sellers(id),
        -- The carrier that owns the ticket, or owned it last.
        carrier_id bigint REFERENCES carriers(id),
        -- Every carrier that ever owned the ticket: a carrier sees the tickets it owns or owned.
        involved_carrier_ids bigint[] NOT NULL DEFAULT '{}',
        routing_rule_id text NOT NULL,
        routing_rule_version integer NOT NULL,
        routing_reason text NOT NULL,
        routed_at timestamptz(3) NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        missing_details text[] NOT NULL DEFAULT '{}',
        is_escalated boolean NOT NULL DEFAULT false,
        escalated_at timestamptz(3),
        resolution text CHECK (resolution IN ('REFUND','REPLACEMENT','RESHIPMENT','RETURN_LABEL','INFORMATION','NO_ACTION')),
        resolution_note text,
        satisfaction_score smallint CHECK (satisfaction_score BETWEEN 1 AND 5),
        satisfaction_comment text,
        rated_at timestamptz(3),
        follow_up_of_ticket_id bigint REFERENCES tickets(id),
        created_by text NOT NULL,
        idempotency_key text,
        first_responded_at timestamptz(3),
        solved_at timestamptz(3),
        closed_at timestamptz(3),
        reopened_count integer NOT NULL DEFAULT 0,
        last_customer_message_at timestamptz(3),
        last_owner_message_at timestamptz(3),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (created_by, idempotency_key)
      )`);
    // Default listing and every filtered listing page on (created_at, id).
    await queryRunner.query(`CREATE INDEX tickets_created_idx ON tickets (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX tickets_updated_idx ON tickets (updated_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX tickets_status_created_idx ON tickets (status, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX tickets_owner_created_idx ON tickets (owner_party, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX tickets_seller_created_idx ON tickets (seller_id, created_at DESC, id DESC) WHERE seller_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX tickets_carrier_created_idx ON tickets (carrier_id, created_at DESC, id DESC) WHERE carrier_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX tickets_involved_carriers_idx ON tickets USING gin (involved_carrier_ids)`);
    await queryRunner.query(`CREATE INDEX tickets_customer_created_idx ON tickets (customer_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX tickets_order_created_idx ON tickets (order_id, created_at DESC, id DESC) WHERE order_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX tickets_category_created_idx ON tickets (category, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX tickets_priority_created_idx ON tickets (priority, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX tickets_follow_up_idx ON tickets (follow_up_of_ticket_id) WHERE follow_up_of_ticket_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX tickets_subject_trgm_idx ON tickets USING gin (subject gin_trgm_ops)`);

    await queryRunner.query(`
      CREATE TABLE messages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id bigint NOT NULL REFERENCES tickets(id),
        author_role text NOT NULL CHECK (author_role IN ('CUSTOMER','SELLER','CARRIER','AGENT','BOT','SYSTEM')),
        author_id text,
        body text NOT NULL,
        visibility text NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC','INTERNAL')),
        attachments jsonb NOT NULL DEFAULT '[]',
        created_by text,
        idempotency_key text,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (created_by, idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX messages_ticket_created_idx ON messages (ticket_id, created_at, id)`);
    await queryRunner.query(`CREATE INDEX messages_body_trgm_idx ON messages USING gin (body gin_trgm_ops)`);

    // Append-only: the timeline of each ticket and the integration feed, ordered by a global sequence.
    await queryRunner.query(`
      CREATE TABLE ticket_events (
        sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id bigint NOT NULL REFERENCES tickets(id),
        type text NOT NULL,
        actor_role text NOT NULL,
        actor_id text,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, sequence)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['ticket_events', 'messages', 'tickets', 'returns', 'shipments', 'order_items', 'orders', 'carriers', 'sellers', 'customers']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await queryRunner.query(`DROP SEQUENCE IF EXISTS ticket_number_seq`);
  }
}
