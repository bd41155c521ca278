import { Field, ID, InputType } from 'type-graphql';
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
import { TicketDetailsInput } from './ticket-details.input';
import {
  ShipmentFactsParams,
  ReturnFactsParams,
  OrderFactsParams,
  ExplainRoutingParams,
} from '../../services/params/explain-routing.params';

@InputType({ description: 'A parcel as routing sees it.' })
export class ShipmentFactsInput implements ShipmentFactsParams {
  @Field(() => ShipmentStatus, { description: "The parcel's status." })
  status: ShipmentStatus;

  @Field(() => DeliveryMethod, { nullable: true, description: 'How it was handed over, if delivered.' })
  deliveryMethod?: DeliveryMethod;

  @Field(() => Date, { nullable: true, description: 'When the carrier took it, if it did.' })
  shippedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When it was delivered, if it was.' })
  deliveredAt?: Date;
}

@InputType({ description: 'A return as routing sees it.' })
export class ReturnFactsInput implements ReturnFactsParams {
  @Field(() => ReturnStatus, { description: "The return's status." })
  status: ReturnStatus;

  @Field(() => Date, { nullable: true, description: 'When it was requested.' })
  requestedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When the goods were received back (refund-overdue counts 2 business days from it).' })
  receivedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'When the refund was paid, if it was.' })
  refundedAt?: Date;
}

@InputType({ description: 'Hypothetical order facts, for trying routing without a stored order.' })
export class OrderFactsInput implements OrderFactsParams {
  @Field({ description: "True when the platform's own retail sold the goods (no seller)." })
  soldByPlatform: boolean;

  @Field(() => FulfillmentChannel, { description: 'Who stores and ships the goods.' })
  fulfillment: FulfillmentChannel;

  @Field(() => OrderStatus, { description: "The order's status." })
  status: OrderStatus;

  @Field(() => Date, { nullable: true, description: 'The latest promised delivery date, if any.' })
  promisedDeliveryAt?: Date;

  @Field(() => ShipmentFactsInput, { nullable: true, description: 'Its parcel, if there is one.' })
  shipment?: ShipmentFactsInput;

  @Field(() => ReturnFactsInput, { nullable: true, description: 'Its return, if there is one.' })
  return?: ReturnFactsInput;
}

@InputType({
  description: 'A ticket that is not opened: who would own it, by which rule, and why. Give a stored orderId or inline order facts.',
})
export class ExplainRoutingInput implements ExplainRoutingParams {
  @Field({ description: "The contact's subject line." })
  subject: string;

  @Field({ description: "The contact's text; classified when no category is given." })
  body: string;

  @Field(() => TicketChannel, {
    nullable: true,
    defaultValue: TicketChannel.CHAT,
    description: 'How the contact would arrive; CHAT when omitted.',
  })
  channel?: TicketChannel;

  @Field(() => TicketCategory, { nullable: true, description: 'As if the customer had picked it.' })
  category?: TicketCategory;

  @Field(() => Language, { nullable: true, description: 'Detected from the text when omitted.' })
  language?: Language;

  @Field(() => TicketDetailsInput, {
    nullable: true,
    description: 'Structured details, as openTicket takes them (decide missingDetails and priority).',
  })
  details?: TicketDetailsInput;

  @Field(() => ID, { nullable: true, description: "Read the facts of this stored order (and its customer's tier)." })
  orderId?: string;

  @Field(() => OrderFactsInput, { nullable: true, description: 'Or describe an order inline.' })
  order?: OrderFactsInput;

  @Field(() => CustomerTier, {
    nullable: true,
    description: "Tier for inline facts (default STANDARD); a stored order uses its customer's.",
  })
  customerTier?: CustomerTier;

  @Field(() => Date, { nullable: true, description: 'Evaluate as of this time (default: now).' })
  at?: Date;
}
