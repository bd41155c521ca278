import { TicketEventHub } from '../events/ticket-event.hub';
import { WebhookSecretBox } from '../webhooks/webhook-secret-box';
import { AdminAuditLogService } from './admin-audit-log.service';
import { ApiKeyService } from './api-key.service';
import { BusinessCalendarAdminService } from './business-calendar-admin.service';
import { CallbackOutcomeService } from './callback-outcome.service';
import { CallbackRequestService } from './callback-request.service';
import { CallbackScheduler } from './callback-scheduling';
import { EventFeedService } from './event-feed.service';
import { EventPartitionService } from './event-partition.service';
import { DirectoryService } from './directory.service';
import { MeService } from './me.service';
import { NodeService } from './node.service';
import { OrderQueryService } from './order-query.service';
import { OrderSyncService } from './order-sync.service';
import { RateLimitStatusService } from './rate-limit-status.service';
import { PlatformTeamsService } from './platform-teams.service';
import { TicketAssignmentService } from './ticket-assignment.service';
import { TicketChangeWriter } from './ticket-change-writer';
import { RoutingExplanationService } from './routing-explanation.service';
import { RoutingRuleAdminService } from './routing-rule-admin.service';
import { ReferenceDataVersionsService } from './reference-data-versions.service';
import { RoutingRulesService } from './routing-rules.service';
import { RoutingSimulationService } from './routing-simulation.service';
import { SlaCatalog } from './sla-catalog';
import { SlaClockService } from './sla-clock.service';
import { SlaPolicyAdminService } from './sla-policy-admin.service';
import { SlaQueryService } from './sla-query.service';
import { SlaReportService } from './sla-report.service';
import { SlaSimulationService } from './sla-simulation.service';
import { SlaTimerService } from './sla-timer.service';
import { SolvedTicketClosingService } from './solved-ticket-closing.service';
import { TicketConversationService } from './ticket-conversation.service';
import { TicketIntakeService } from './ticket-intake.service';
import { TicketLifecycleService } from './ticket-lifecycle.service';
import { TicketOwnershipService } from './ticket-ownership.service';
import { TicketPriorityService } from './ticket-priority.service';
import { TicketEventSubscriptionService } from './ticket-event-subscription.service';
import { TicketQueryService } from './ticket-query.service';
import { TicketReclassificationService } from './ticket-reclassification.service';
import { WebhookAttemptService } from './webhook-attempt.service';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEndpointService } from './webhook-endpoint.service';

/** Every use-case service, created once per process; they hold no per-request state. */
export interface Services {
  ticketQuery: TicketQueryService;
  orderQuery: OrderQueryService;
  directory: DirectoryService;
  node: NodeService;
  intake: TicketIntakeService;
  ownership: TicketOwnershipService;
  reclassification: TicketReclassificationService;
  lifecycle: TicketLifecycleService;
  solvedTicketClosing: SolvedTicketClosingService;
  priority: TicketPriorityService;
  conversation: TicketConversationService;
  routingExplanation: RoutingExplanationService;
  routingRules: RoutingRulesService;
  orderSync: OrderSyncService;
  apiKeys: ApiKeyService;
  me: MeService;
  rateLimitStatus: RateLimitStatusService;
  slaClock: SlaClockService;
  slaQuery: SlaQueryService;
  slaReport: SlaReportService;
  slaTimer: SlaTimerService;
  eventFeed: EventFeedService;
  eventSubscriptions: TicketEventSubscriptionService;
  webhookEndpoints: WebhookEndpointService;
  webhookDeliveries: WebhookDeliveryService;
  webhookAttempts: WebhookAttemptService;
  adminAuditLog: AdminAuditLogService;
  slaPolicyAdmin: SlaPolicyAdminService;
  businessCalendarAdmin: BusinessCalendarAdminService;
  routingRuleAdmin: RoutingRuleAdminService;
  routingSimulation: RoutingSimulationService;
  referenceDataVersions: ReferenceDataVersionsService;
  slaSimulation: SlaSimulationService;
  platformTeams: PlatformTeamsService;
  ticketAssignment: TicketAssignmentService;
  callbackRequests: CallbackRequestService;
  callbackOutcomes: CallbackOutcomeService;
  eventPartitions: EventPartitionService;
}

/** What some services need from the process around them; scripts that use none of those services omit it. */
export interface ServiceSettings {
  /** The server's AUTH_SECRET: webhook signing secrets are encrypted at rest with a key derived from it. */
  authSecret?: string;
  /** Production: webhook endpoints must be https. */
  requireHttpsWebhooks?: boolean;
  /** Loopback webhook targets allowed (WEBHOOK_ALLOW_LOOPBACK, development and tests only); public targets only otherwise. */
  allowLoopbackWebhooks?: boolean;
  /** Ports webhook URLs may name besides 80 and 443 (WEBHOOK_ALLOWED_PORTS). */
  allowedWebhookPorts?: readonly number[];
  /** This instance's event fan-out (its TicketEventListener feeds it). */
  eventHub?: TicketEventHub;
  /** TICKET_EVENT_RETENTION_MONTHS: months of the event log kept before the current one; null or absent: forever. */
  ticketEventRetentionMonths?: number | null;
}

/** The webhook secret box, made on first use: scripts that never touch webhooks need no AUTH_SECRET. */
function lazyWebhookSecrets(authSecret: string | undefined): () => WebhookSecretBox {
  let secretBox: WebhookSecretBox | null = null;
  return () => {
    if (authSecret === undefined) throw new Error("Webhook secrets need the server's AUTH_SECRET: createServices({ authSecret })");
    secretBox ??= new WebhookSecretBox(authSecret);
    return secretBox;
  };
}

export function createServices(settings: ServiceSettings = {}): Services {
  const orderQuery = new OrderQueryService();
  const slaCatalog = new SlaCatalog();
  const slaClock = new SlaClockService(slaCatalog);
  const ownership = new TicketOwnershipService(slaClock);
  const ticketChanges = new TicketChangeWriter(slaClock);
  const callbackScheduler = new CallbackScheduler(slaCatalog);
  const webhookSecrets = lazyWebhookSecrets(settings.authSecret);
  const targetPolicy = { allowLoopback: settings.allowLoopbackWebhooks ?? false, allowedPorts: settings.allowedWebhookPorts ?? [] };
  const nodeSources = {
    apiKeys: new ApiKeyService(),
    webhookEndpoints: new WebhookEndpointService({
      secrets: webhookSecrets,
      requireHttps: settings.requireHttpsWebhooks ?? true,
      targetPolicy,
    }),
    webhookDeliveries: new WebhookDeliveryService(),
    callbackRequests: new CallbackRequestService(callbackScheduler),
    adminAuditLog: new AdminAuditLogService(),
    platformTeams: new PlatformTeamsService(),
  };
  return {
    ...nodeSources,
    ticketQuery: new TicketQueryService(),
    orderQuery,
    directory: new DirectoryService(),
    node: new NodeService(nodeSources),
    intake: new TicketIntakeService(slaClock),
    ownership,
    reclassification: new TicketReclassificationService(slaClock, ticketChanges),
    lifecycle: new TicketLifecycleService(ticketChanges),
    solvedTicketClosing: new SolvedTicketClosingService(ticketChanges),
    priority: new TicketPriorityService(ticketChanges),
    conversation: new TicketConversationService(ticketChanges, slaClock),
    routingExplanation: new RoutingExplanationService(),
    routingRules: new RoutingRulesService(),
    orderSync: new OrderSyncService(ownership),
    me: new MeService(),
    rateLimitStatus: new RateLimitStatusService(),
    slaClock,
    slaQuery: new SlaQueryService(slaCatalog),
    slaReport: new SlaReportService(),
    slaTimer: new SlaTimerService(slaClock, ownership),
    eventFeed: new EventFeedService(),
    // Without a hub (scripts) nothing feeds it: subscriptions would wait forever, and no script subscribes.
    eventSubscriptions: new TicketEventSubscriptionService(settings.eventHub ?? new TicketEventHub()),
    slaPolicyAdmin: new SlaPolicyAdminService(),
    businessCalendarAdmin: new BusinessCalendarAdminService(),
    routingRuleAdmin: new RoutingRuleAdminService(),
    routingSimulation: new RoutingSimulationService(),
    referenceDataVersions: new ReferenceDataVersionsService(),
    slaSimulation: new SlaSimulationService(slaCatalog),
    webhookAttempts: new WebhookAttemptService(webhookSecrets, targetPolicy),
    ticketAssignment: new TicketAssignmentService(),
    callbackOutcomes: new CallbackOutcomeService(ticketChanges, callbackScheduler),
    eventPartitions: new EventPartitionService(settings.ticketEventRetentionMonths ?? null),
  };
}
