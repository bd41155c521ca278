import { Carrier } from './carrier.entity';
import { Customer } from './customer.entity';
import { Message } from './message.entity';
import { Order } from './order.entity';
import { OrderItem } from './order-item.entity';
import { OrderReturn } from './return.entity';
import { Seller } from './seller.entity';
import { Shipment } from './shipment.entity';
import { Ticket } from './ticket.entity';
import { TicketEvent } from './ticket-event.entity';

export { Carrier, Customer, Message, Order, OrderItem, OrderReturn, Seller, Shipment, Ticket, TicketEvent };

/** Every entity TypeORM maps; a new entity is listed here. */
export const ENTITIES = [Carrier, Customer, Message, Order, OrderItem, OrderReturn, Seller, Shipment, Ticket, TicketEvent];
