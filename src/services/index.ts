import { DirectoryService } from './directory.service';
import { NodeService } from './node.service';
import { OrderQueryService } from './order-query.service';
import { TicketQueryService } from './ticket-query.service';

/** Every use-case service, created once per process; they hold no per-request state. */
export interface Services {
  ticketQuery: TicketQueryService;
  orderQuery: OrderQueryService;
  directory: DirectoryService;
  node: NodeService;
}

export function createServices(): Services {
  const orderQuery = new OrderQueryService();
  return {
    ticketQuery: new TicketQueryService(),
    orderQuery,
    directory: new DirectoryService(),
    node: new NodeService(orderQuery),
  };
}
