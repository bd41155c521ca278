// Plain input of the use cases (services never see GraphQL classes); src/graphql/inputs/explain-routing.input.ts
// implements each interface, so the schema and the service agree by the compiler.
import {
  CustomerTier,
  DeliveryMethod,
  FulfillmentChannel,
  Language,
  OrderStatus,
  ReturnStatus,
  ShipmentStatus,
  TicketCategory,
  TicketChannel,
} from '../../domain/enums';
import { TicketDetailsParams } from './ticket-details.params';

/** A parcel as routing sees it. */
export interface ShipmentFactsParams {
  readonly status: ShipmentStatus;
  readonly deliveryMethod?: DeliveryMethod;
  readonly shippedAt?: Date;
  readonly deliveredAt?: Date;
}

/** A return as routing sees it. */
export interface ReturnFactsParams {
  readonly status: ReturnStatus;
  readonly requestedAt?: Date;
  readonly receivedAt?: Date;
  readonly refundedAt?: Date;
}

/** Hypothetical order facts, for trying routing without a stored order. */
export interface OrderFactsParams {
  readonly soldByPlatform: boolean;
  readonly fulfillment: FulfillmentChannel;
  readonly status: OrderStatus;
  readonly promisedDeliveryAt?: Date;
  readonly shipment?: ShipmentFactsParams;
  readonly return?: ReturnFactsParams;
}

/** A ticket that is not opened: who would own it, by which rule, and why. Give a stored orderId or inline order facts. */
export interface ExplainRoutingParams {
  readonly subject: string;
  readonly body: string;
  readonly channel?: TicketChannel;
  readonly category?: TicketCategory;
  readonly language?: Language;
  readonly details?: TicketDetailsParams;
  readonly orderId?: string;
  readonly order?: OrderFactsParams;
  readonly customerTier?: CustomerTier;
  readonly at?: Date;
}
