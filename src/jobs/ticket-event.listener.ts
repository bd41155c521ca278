import { Client, Notification } from 'pg';
import { Logger } from 'pino';
import { ActorRole, OwnerParty, TicketEventType } from '../domain/enums';
import { TicketEvent } from '../entities';
import { REFERENCE_DATA_CHANNEL } from '../services/reference-data-cache';
import { TICKET_EVENTS_CHANNEL } from '../services/committed-event-signal';
import { API_KEY_REVOKED_CHANNEL } from '../services/api-key.service';
import { SequenceTracker } from '../events/sequence-tracker';
import { CommittedTicketEvent, TicketEventHub } from '../events/ticket-event.hub';

export interface TicketEventListenerOptions {
  connectionString: string;
  hub: TicketEventHub;
  log: Logger;
  /** Read even without a NOTIFY this often (ms): the safety net, and the probe that finds a dead connection. */
  pollIntervalMs?: number;
  /** An API key revoked on any instance (NOTIFY api_key_revoked, payload: its id), heard on the same connection. */
  onApiKeyRevoked?: (apiKeyId: string) => void;
  /** How long a missing sequence is awaited before it is taken for a rollback (ms); see SequenceTracker. */
  gapRetentionMs?: number;
  /**
   * Called on each NOTIFY of REFERENCE_DATA_CHANNEL (an admin changed routing rules, SLA policies or calendars)
   * and after each (re)connection, when a notification may have been missed.
   */
  onReferenceDataChanged?: () => void;
}

interface CommittedEventRow {
  sequence: string;
  ticket_id: string;
  type: TicketEventType;
  actor_role: ActorRole;
  actor_id: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
  customer_id: string;
  seller_id: string | null;
  involved_carrier_ids: string[];
  owner_party: OwnerParty;
}

/** Rows per read; a longer backlog is read in several. */
const READ_BATCH_SIZE = 500;
const MAXIMUM_OPEN_GAPS = 10_000;
const FIRST_RECONNECT_DELAY_MS = 100;
const MAXIMUM_RECONNECT_DELAY_MS = 5_000;

/**
 * The fan-out of one server instance: ONE dedicated connection LISTENs on `ticket_events` (the instance that
 * appended events notifies after their COMMIT, never on ROLLBACK: committed-event-signal.ts), reads the events committed since the last read by sequence, together
 * with their tickets' scope columns (one statement per batch, whatever the number of subscribers), and hands
 * them to the hub. A lost connection is re-opened with backoff and the read resumes where it stopped, so
 * events committed meanwhile are still delivered.
 */
export class TicketEventListener {
  private client: Client | null = null;
  private tracker: SequenceTracker | null = null;
  private reading: Promise<void> | null = null;
  private readRequested = false;
  private stopped = false;
  private reconnectDelayMs = FIRST_RECONNECT_DELAY_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private readonly pollIntervalMs: number;
  private readonly gapRetentionMs: number;

  constructor(private readonly options: TicketEventListenerOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.gapRetentionMs = options.gapRetentionMs ?? 120_000;
  }

  /** Resolves once listening: events committed from then on reach the hub. */
  async start(): Promise<void> {
    await this.connect();
    this.pollTimer = setInterval(() => {
      this.tracker?.expireGaps(Date.now());
      if (this.client && this.options.hub.hasSubscribers()) this.requestRead();
    }, this.pollIntervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.reading;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: 'marketplace-ticketing-events',
      keepAlive: true,
    });
    client.on('notification', (notification) => this.onNotification(notification));
    client.on('error', (error) => this.onConnectionLost(client, error));
    client.on('end', () => this.onConnectionLost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${TICKET_EVENTS_CHANNEL}`);
      await client.query(`LISTEN ${REFERENCE_DATA_CHANNEL}`);
      await client.query(`LISTEN ${API_KEY_REVOKED_CHANNEL}`);
      // Nobody is waiting for older events: (re)start at the newest one (a subscriber gets what commits after it).
      if (this.tracker === null || !this.options.hub.hasSubscribers()) {
        const [{ newest }] = (
          await client.query<{ newest: string }>(`SELECT coalesce(max(sequence), 0)::text AS newest FROM ticket_events`)
        ).rows;
        this.tracker = new SequenceTracker(newest, { gapRetentionMs: this.gapRetentionMs, maximumOpenGaps: MAXIMUM_OPEN_GAPS });
      }
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.reconnectDelayMs = FIRST_RECONNECT_DELAY_MS;
    this.options.onReferenceDataChanged?.();
    // Whatever committed while the connection was down.
    this.requestRead();
  }

  private onNotification(notification: Notification): void {
    if (notification.channel === REFERENCE_DATA_CHANNEL) {
      this.options.onReferenceDataChanged?.();
      return;
    }
    if (notification.channel === API_KEY_REVOKED_CHANNEL) {
      if (notification.payload && /^[0-9]{1,19}$/.test(notification.payload)) this.options.onApiKeyRevoked?.(notification.payload);
      return;
    }
    if (notification.channel !== TICKET_EVENTS_CHANNEL) return;
    if (!this.options.hub.hasSubscribers()) {
      if (notification.payload && /^[0-9]+$/.test(notification.payload)) this.tracker?.skipTo(notification.payload);
      return;
    }
    this.requestRead();
  }

  private onConnectionLost(client: Client, error: Error | null): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.stopped) return;
    this.options.log.warn({ err: error ?? undefined }, 'event listener connection lost; reconnecting');
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().catch((error: unknown) => {
        this.options.log.warn({ err: error, retryInMs: this.reconnectDelayMs }, 'event listener could not reconnect');
        this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, MAXIMUM_RECONNECT_DELAY_MS);
        this.scheduleReconnect();
      });
    }, this.reconnectDelayMs);
  }

  /** One read at a time; a request during a read makes it read once more, so no NOTIFY goes unanswered. */
  private requestRead(): void {
    this.readRequested = true;
    if (this.reading) return;
    this.reading = (async () => {
      while (this.readRequested && !this.stopped && this.client) {
        this.readRequested = false;
        try {
          await this.readCommitted(this.client);
        } catch (error) {
          // The connection's own 'error' event triggers the reconnect; the read resumes after it.
          this.options.log.warn({ err: error }, 'event listener read failed');
        }
      }
    })().finally(() => {
      this.reading = null;
      // A request that came after the loop's last check and before this point would be lost otherwise.
      if (this.readRequested && !this.stopped && this.client) this.requestRead();
    });
  }

  private async readCommitted(client: Client): Promise<void> {
    const tracker = this.tracker!;
    for (;;) {
      const position = tracker.readPosition();
      const { rows } = await client.query<CommittedEventRow>(
        `SELECT e.sequence, e.ticket_id, e.type, e.actor_role, e.actor_id, e.payload, e.created_at,
           t.customer_id, t.seller_id, t.involved_carrier_ids, t.owner_party
         FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
         WHERE e.sequence > $1 OR e.sequence = ANY($2::bigint[])
         ORDER BY e.sequence LIMIT ${READ_BATCH_SIZE}`,
        [position.after, position.gaps],
      );
      const fresh = new Set(
        tracker.accept(
          rows.map((row) => row.sequence),
          Date.now(),
        ),
      );
      const failures = this.options.hub.dispatch(rows.filter((row) => fresh.has(row.sequence)).map(committedEventOf));
      for (const failure of failures) this.options.log.error({ err: failure }, 'event subscriber failed');
      if (rows.length < READ_BATCH_SIZE) return;
    }
  }
}

function committedEventOf(row: CommittedEventRow): CommittedTicketEvent {
  const event = Object.assign(new TicketEvent(), {
    sequence: row.sequence,
    ticketId: row.ticket_id,
    type: row.type,
    actorRole: row.actor_role,
    actorId: row.actor_id,
    payload: row.payload,
    createdAt: row.created_at,
  });
  return {
    event,
    ticket: {
      customerId: row.customer_id,
      sellerId: row.seller_id,
      involvedCarrierIds: row.involved_carrier_ids,
      ownerParty: row.owner_party,
    },
  };
}
