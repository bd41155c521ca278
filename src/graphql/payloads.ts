import { Field, ObjectType } from 'type-graphql';
import { Order, Shipment, Ticket } from '../entities';
import { MutationResult, UserError } from '../domain/user-error';
import { UserErrorType } from './user-error.type';

@ObjectType({ description: 'Result of a mutation on a ticket: the ticket as it now stands, or why nothing was done.' })
export class TicketPayload {
  @Field(() => Ticket, { nullable: true, description: 'Null when userErrors is not empty.' })
  ticket: Ticket | null;

  @Field(() => [UserErrorType], { description: 'Empty on success.' })
  userErrors: UserError[];
}

export function ticketPayload(result: MutationResult<Ticket>): TicketPayload {
  return result.ok ? { ticket: result.value, userErrors: [] } : { ticket: null, userErrors: result.userErrors };
}

@ObjectType({ description: 'Result of upsertOrder.' })
export class OrderPayload {
  @Field(() => Order, { nullable: true, description: 'The order as stored; null when userErrors is not empty.' })
  order: Order | null;

  @Field(() => [UserErrorType], { description: 'Empty on success; otherwise why nothing was written.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of recordShipmentUpdate.' })
export class ShipmentPayload {
  @Field(() => Shipment, { nullable: true, description: 'The shipment as it now stands; null when userErrors is not empty.' })
  shipment: Shipment | null;

  @Field(() => [UserErrorType], { description: 'Empty on success; otherwise why nothing was written.' })
  userErrors: UserError[];
}

export function orderPayload(result: MutationResult<Order>): OrderPayload {
  return result.ok ? { order: result.value, userErrors: [] } : { order: null, userErrors: result.userErrors };
}

export function shipmentPayload(result: MutationResult<Shipment>): ShipmentPayload {
  return result.ok ? { shipment: result.value, userErrors: [] } : { shipment: null, userErrors: result.userErrors };
}
