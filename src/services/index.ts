import { ApiKeyService } from './api-key.service';
import { DirectoryService } from './directory.service';
import { MeService } from './me.service';
import { NodeService } from './node.service';
import { OrderQueryService } from './order-query.service';
import { OrderSyncService } from './order-sync.service';
import { RoutingExplanationService } from './routing-explanation.service';
import { RoutingRulesService } from './routing-rules.service';
import { SlaCatalog } from './sla-catalog';
import { SlaClockService } from './sla-clock.service';
import { SlaQueryService } from './sla-query.service';
import { SlaTimerService } from './sla-timer.service';
import { TicketConversationService } from './ticket-conversation.service';
import { TicketIntakeService } from './ticket-intake.service';
import { TicketLifecycleService } from './ticket-lifecycle.service';
import { TicketOwnershipService } from './ticket-ownership.service';
import { TicketQueryService } from './ticket-query.service';

/** Every use-case service, created once per process; they hold no per-request state. */
export interface Services {
  ticketQuery: TicketQueryService;
  orderQuery: OrderQueryService;
  directory: DirectoryService;
  node: NodeService;
  intake: TicketIntakeService;
  ownership: TicketOwnershipService;
  lifecycle: TicketLifecycleService;
  conversation: TicketConversationService;
  routingExplanation: RoutingExplanationService;
  routingRules: RoutingRulesService;
  orderSync: OrderSyncService;
  apiKeys: ApiKeyService;
  me: MeService;
  slaClock: SlaClockService;
  slaQuery: SlaQueryService;
  slaTimer: SlaTimerService;
}

export function createServices(): Services {
  const orderQuery = new OrderQueryService();
  const slaCatalog = new SlaCatalog();
  const slaClock = new SlaClockService(slaCatalog);
  const ownership = new TicketOwnershipService(slaClock);
  const lifecycle = new TicketLifecycleService(slaClock);
  return {
    ticketQuery: new TicketQueryService(),
    orderQuery,
    directory: new DirectoryService(),
    node: new NodeService(orderQuery),
    intake: new TicketIntakeService(slaClock),
    ownership,
    lifecycle,
    conversation: new TicketConversationService(lifecycle, slaClock),
    routingExplanation: new RoutingExplanationService(),
    routingRules: new RoutingRulesService(),
    orderSync: new OrderSyncService(ownership),
    apiKeys: new ApiKeyService(),
    me: new MeService(),
    slaClock,
    slaQuery: new SlaQueryService(slaCatalog),
    slaTimer: new SlaTimerService(ownership),
  };
}
