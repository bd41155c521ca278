import { NonEmptyArray } from 'type-graphql';
import { CarrierResolver } from './carrier.resolver';
import { NodeResolver } from './node.resolver';
import { OrderResolver } from './order.resolver';
import { SellerResolver } from './seller.resolver';
import { ShipmentResolver } from './shipment.resolver';
import { TicketResolver } from './ticket.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own signature
export const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  TicketResolver,
  OrderResolver,
  ShipmentResolver,
  SellerResolver,
  CarrierResolver,
];
