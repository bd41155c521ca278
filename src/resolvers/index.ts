import { NonEmptyArray } from 'type-graphql';
import { AdminAuditEntryResolver, AdminResolver } from './admin.resolver';
import { ApiKeyResolver } from './api-key.resolver';
import { CarrierResolver } from './carrier.resolver';
import { MessageConnectionCountResolver, TicketConnectionCountResolver } from './connection-count.resolver';
import { ConversationResolver } from './conversation.resolver';
import { MeResolver } from './me.resolver';
import { NodeResolver } from './node.resolver';
import { OrderSyncResolver } from './order-sync.resolver';
import { OrderResolver } from './order.resolver';
import { RateLimitResolver } from './rate-limit.resolver';
import { AgentResolver, PlatformTeamsResolver, TeamResolver } from './platform-teams.resolver';
import { TicketAssignmentResolver } from './ticket-assignment.resolver';
import { TicketCallbackResolver } from './ticket-callback.resolver';
import { RoutingResolver } from './routing.resolver';
import { SlaResolver } from './sla.resolver';
import { SlaReportResolver } from './sla-report.resolver';
import { SellerResolver } from './seller.resolver';
import { ShipmentResolver } from './shipment.resolver';
import { TicketResolver } from './ticket.resolver';
import { TicketMutationResolver } from './ticket-mutation.resolver';
import { TicketEventResolver } from './ticket-event.resolver';
import { WebhookDeliveryResolver, WebhookEndpointResolver } from './webhook.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own signature
export const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  TicketResolver,
  TicketConnectionCountResolver,
  MessageConnectionCountResolver,
  OrderResolver,
  ShipmentResolver,
  SellerResolver,
  CarrierResolver,
  TicketMutationResolver,
  ConversationResolver,
  RoutingResolver,
  OrderSyncResolver,
  MeResolver,
  RateLimitResolver,
  ApiKeyResolver,
  SlaResolver,
  SlaReportResolver,
  TicketEventResolver,
  WebhookEndpointResolver,
  WebhookDeliveryResolver,
  AdminResolver,
  AdminAuditEntryResolver,
  PlatformTeamsResolver,
  TeamResolver,
  AgentResolver,
  TicketAssignmentResolver,
  TicketCallbackResolver,
];
