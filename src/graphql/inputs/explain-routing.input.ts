import { Field, ID, InputType } from 'type-graphql';
import {
  CustomerTier, DeliveryMethod, FulfillmentChannel, Language, OrderStatus, ReturnStatus, ShipmentStatus, TicketCategory, TicketChannel,
} from '../../domain/enums';
import { TicketDetailsInput } from './ticket-details.input';
import { ShipmentFactsParams, ReturnFactsParams, OrderFactsParams, ExplainRoutingParams } from '../../services/params/explain-routing.params';

@InputType({ description: 'A parcel as routing sees it.' })
export class ShipmentFactsInput implements ShipmentFactsParams {
  @Field(() => ShipmentStatus)
  status: ShipmentStatus;

  @Field(() => DeliveryMethod, { nullable: true })
  deliveryMethod?: DeliveryMethod;

  @Field(() => Date, { nullable: true })
  shippedAt?: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt?: Date;
}

@InputType({ description: 'A return as routing sees it.' })
export class ReturnFactsInput implements ReturnFactsParams {
  @Field(() => ReturnStatus)
  status: ReturnStatus;

  @Field(() => Date, { nullable: true })
  requestedAt?: Date;

  @Field(() => Date, { nullable: true })
  receivedAt?: Date;

  @Field(() => Date, { nullable: true })
  refundedAt?: Date;
}

@InputType({ description: 'Hypothetical order facts, for trying routing without a stored order.' })
export class OrderFactsInput implements OrderFactsParams {
  @Field({ description: 'True when the platform\'s own retail sold the goods (no seller).' })
  soldByPlatform: boolean;

  @Field(() => FulfillmentChannel)
  fulfillment: FulfillmentChannel;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => Date, { nullable: true })
  promisedDeliveryAt?: Date;

  @Field(() => ShipmentFactsInput, { nullable: true })
  shipment?: ShipmentFactsInput;

  @Field(() => ReturnFactsInput, { nullable: true })
  return?: ReturnFactsInput;
}

@InputType({ description: 'A ticket that is not opened: who would own it, by which rule, and why. Give a stored orderId or inline order facts.' })
export class ExplainRoutingInput implements ExplainRoutingParams {
  @Field()
  subject: string;

  @Field()
  body: string;

  @Field(() => TicketChannel, { nullable: true, defaultValue: TicketChannel.CHAT })
  channel?: TicketChannel;

  @Field(() => TicketCategory, { nullable: true, description: 'As if the customer had picked it.' })
  category?: TicketCategory;

  @Field(() => Language, { nullable: true })
  language?: Language;

  @Field(() => TicketDetailsInput, { nullable: true })
  details?: TicketDetailsInput;

  @Field(() => ID, { nullable: true, description: 'Read the facts of this stored order (and its customer\'s tier).' })
  orderId?: string;

  @Field(() => OrderFactsInput, { nullable: true, description: 'Or describe an order inline.' })
  order?: OrderFactsInput;

  @Field(() => CustomerTier, { nullable: true, description: 'Tier for inline facts (default STANDARD); a stored order uses its customer\'s.' })
  customerTier?: CustomerTier;

  @Field(() => Date, { nullable: true, description: 'Evaluate as of this time (default: now).' })
  at?: Date;
}
