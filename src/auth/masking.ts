import { createHmac } from 'node:crypto';
import { rememberAtMost } from '../domain/bounded-map';
import { PrincipalRole } from '../domain/enums';
import { Customer } from '../entities/customer.entity';
import { Order } from '../entities/order.entity';
import { OrderItem } from '../entities/order-item.entity';
import { Principal, sellerScopeOf } from './principal';

// Masking (docs/security.md "Masking"). Sellers reach customers only through a relay address (stable per customer and seller, so
// a seller can recognise a returning customer without learning who they are) and never see phone or payment
// data. Carriers see the shipment and the delivery address, never payment data or prices.

export const RELAY_EMAIL_DOMAIN = 'relay.marketplace.example';

/** Relay addresses kept per secret; past this many, the oldest are computed again when needed. */
const MAXIMUM_REMEMBERED_RELAY_ADDRESSES = 50_000;
const relayAddresses = new Map<string, Map<string, string>>();

export function relayEmail(customerId: string, partyLabel: string, secret: string): string {
  // An HMAC per customer shown costs more than the rest of showing it: the address never changes, so it is kept.
  let addresses = relayAddresses.get(secret);
  if (!addresses) {
    addresses = new Map();
    relayAddresses.set(secret, addresses);
  }
  const key = `${partyLabel}:${customerId}`;
  let address = addresses.get(key);
  if (address === undefined) {
    const digest = createHmac('sha256', secret).update(`${customerId}:${partyLabel}`).digest('hex').slice(0, 20);
    address = `c-${digest}@${RELAY_EMAIL_DOMAIN}`;
    rememberAtMost(addresses, key, address, MAXIMUM_REMEMBERED_RELAY_ADDRESSES);
  }
  return address;
}

function copyOf<T extends object>(record: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(record) as object | null) as T, record);
}

export function maskCustomer(principal: Principal, customer: Customer, secret: string): Customer {
  const sellerId = sellerScopeOf(principal);
  if (sellerId !== null) {
    const masked = copyOf(customer);
    masked.email = relayEmail(customer.id, `seller:${sellerId}`, secret);
    masked.phone = null;
    return masked;
  }
  if (principal.role === PrincipalRole.CARRIER) {
    const masked = copyOf(customer);
    masked.email = relayEmail(customer.id, `carrier:${principal.carrierId}`, secret);
    masked.phone = null;
    return masked;
  }
  return customer;
}

/** Payment method (sellers, carriers) and totals (carriers) become null. */
export function maskOrder(principal: Principal, order: Order): Order {
  const hidesPayment = sellerScopeOf(principal) !== null || principal.role === PrincipalRole.CARRIER;
  if (!hidesPayment) return order;
  const masked = copyOf(order);
  (masked as { paymentMethod: Order['paymentMethod'] | null }).paymentMethod = null;
  if (principal.role === PrincipalRole.CARRIER) {
    Object.defineProperty(masked, 'total', { value: null });
  }
  return masked;
}

export function maskOrderItem(principal: Principal, item: OrderItem): OrderItem {
  if (principal.role !== PrincipalRole.CARRIER) return item;
  const masked = copyOf(item);
  Object.defineProperty(masked, 'unitPrice', { value: null });
  return masked;
}
