import { Carrier, Message, Order, Seller, Ticket, TicketEvent } from '../entities';
import { ConnectionType } from './connection.type';

export const TicketConnection = ConnectionType(Ticket, 'Ticket');
export const MessageConnection = ConnectionType(Message, 'Message');
export const TicketEventConnection = ConnectionType(TicketEvent, 'TicketEvent');
export const OrderConnection = ConnectionType(Order, 'Order');
export const SellerConnection = ConnectionType(Seller, 'Seller');
export const CarrierConnection = ConnectionType(Carrier, 'Carrier');
