import * as fs from 'fs';
import * as path from 'path';
import {
  CustomerTier,
  DeliveryMethod,
  FulfillmentChannel,
  Language,
  OrderStatus,
  OwnerParty,
  ReturnStatus,
  ShipmentStatus,
  TicketCategory,
  TicketPriority,
} from '../../src/domain/enums';
import { classifyContact } from '../../src/intake/contact-classifier';
import { decideIntake } from '../../src/rules/intake.rule';
import { DEFAULT_ROUTING_RULES, OrderFacts } from '../../src/rules/routing.rule';

// The shared acceptance cases (categories and routing) live outside the project and are read, never copied.
const CASES_PATH = path.resolve(__dirname, '../../../shared/cases/routing.json');

interface AcceptanceShipment {
  status: ShipmentStatus;
  deliveryMethod: DeliveryMethod | null;
  shippedAt: string | null;
  deliveredAt: string | null;
}

interface AcceptanceReturn {
  status: ReturnStatus;
  requestedAt: string | null;
  receivedAt: string | null;
  refundedAt?: string | null;
}

interface AcceptanceOrder {
  soldBy: 'SELLER' | 'PLATFORM';
  fulfillment: FulfillmentChannel;
  status: OrderStatus;
  promisedDeliveryAt: string | null;
  shipment: AcceptanceShipment | null;
  return: AcceptanceReturn | null;
}

interface AcceptanceCase {
  id: string;
  ticket: { channel: string; subject: string; body: string; category?: TicketCategory };
  customer: { tier: CustomerTier };
  order: AcceptanceOrder | null;
  expect: {
    category: TicketCategory;
    language: Language;
    owner: OwnerParty;
    rule: string;
    priority: TicketPriority;
  };
}

interface AcceptanceFile {
  now: string;
  cases: AcceptanceCase[];
}

function instant(value: string | null | undefined): Date | null {
  return value === null || value === undefined ? null : new Date(value);
}

function toOrderFacts(order: AcceptanceOrder | null): OrderFacts | null {
  if (order === null) return null;
  return {
    soldByPlatform: order.soldBy === 'PLATFORM',
    fulfillment: order.fulfillment,
    status: order.status,
    promisedDeliveryAt: instant(order.promisedDeliveryAt),
    shipment:
      order.shipment === null
        ? null
        : {
            status: order.shipment.status,
            deliveryMethod: order.shipment.deliveryMethod,
            shippedAt: instant(order.shipment.shippedAt),
            deliveredAt: instant(order.shipment.deliveredAt),
          },
    return:
      order.return === null
        ? null
        : {
            status: order.return.status,
            requestedAt: instant(order.return.requestedAt),
            receivedAt: instant(order.return.receivedAt),
            refundedAt: instant(order.return.refundedAt),
          },
  };
}

function readAcceptanceFile(): AcceptanceFile | null {
  if (!fs.existsSync(CASES_PATH)) return null;
  const parsed: AcceptanceFile = JSON.parse(fs.readFileSync(CASES_PATH, 'utf8'));
  return parsed;
}

const acceptanceFile = readAcceptanceFile();

describe('shared routing acceptance cases', () => {
  if (acceptanceFile === null) {
    console.warn(`shared acceptance cases not found at ${CASES_PATH}; skipping`);
    it.skip('routing.json', () => undefined);
    return;
  }
  const now = new Date(acceptanceFile.now);

  it.each(acceptanceFile.cases.map((acceptanceCase) => [acceptanceCase.id, acceptanceCase] as const))('%s', (_id, acceptanceCase) => {
    const { subject, body, category: pickedCategory } = acceptanceCase.ticket;
    // The production decision: the committed intake model, the default table, the priority rule.
    const decision = decideIntake(
      {
        subject,
        body,
        pickedCategory: pickedCategory ?? null,
        statedLanguage: null,
        details: {},
        customerTier: acceptanceCase.customer.tier,
        order: toOrderFacts(acceptanceCase.order),
      },
      DEFAULT_ROUTING_RULES,
      classifyContact,
      now,
    );

    expect({
      category: decision.category,
      language: decision.language,
      owner: decision.routing.owner,
      rule: decision.routing.ruleId,
      priority: decision.priority,
    }).toEqual(acceptanceCase.expect);
  });
});
