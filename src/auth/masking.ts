import { createHash, createHmac } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { PrincipalRole } from '../domain/enums';
import { Customer } from '../entities/customer.entity';
import { Order } from '../entities/order.entity';
import { OrderItem } from '../entities/order-item.entity';
import { SqlParameters } from '../db/sql-parameters';
import { Principal, sellerScopeOf } from './principal';

// Masking (docs/security.md "Masking"). Sellers reach customers only through a relay address (stable per customer and seller, so
// a seller can recognise a returning customer without learning who they are) and never see phone or payment
// data. Carriers see the shipment and the delivery address, never payment data or prices.

export const RELAY_EMAIL_DOMAIN = 'relay.marketplace.example';

/** Relay addresses kept per secret; past this many, the least recently used are computed again when needed. */
const MAXIMUM_REMEMBERED_RELAY_ADDRESSES = 50_000;
const relayAddresses = new Map<string, LRUCache<string, string>>();

export function relayEmail(customerId: string, partyLabel: string, secret: string): string {
  // An HMAC per customer shown costs more than the rest of showing it: the address never changes, so it is kept.
  let addresses = relayAddresses.get(secret);
  if (!addresses) {
    addresses = new LRUCache({ max: MAXIMUM_REMEMBERED_RELAY_ADDRESSES });
    relayAddresses.set(secret, addresses);
  }
  const key = `${partyLabel}:${customerId}`;
  let address = addresses.get(key);
  if (address === undefined) {
    const digest = createHmac('sha256', secret).update(`${customerId}:${partyLabel}`).digest('hex').slice(0, 20);
    address = `c-${digest}@${RELAY_EMAIL_DOMAIN}`;
    addresses.set(key, address);
  }
  return address;
}

function copyOf<T extends object>(record: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(record) as object | null) as T, record);
}

export function maskCustomer(principal: Principal, customer: Customer, secret: string): Customer {
  const party = relayPartyOf(principal);
  if (party === null) return customer;
  const masked = copyOf(customer);
  masked.email = relayEmail(customer.id, `${party.label}:${party.id}`, secret);
  masked.phone = null;
  return masked;
}

/** Whose relay address a principal sees a customer's e-mail as (maskCustomer and its SQL), or null: the address itself. */
function relayPartyOf(principal: Principal): { label: 'seller' | 'carrier'; id: string } | null {
  const sellerId = sellerScopeOf(principal);
  if (sellerId !== null) return { label: 'seller', id: sellerId };
  if (principal.role === PrincipalRole.CARRIER) return { label: 'carrier', id: principal.carrierId };
  return null;
}

/** HMAC-SHA256's inner and outer keys (RFC 2104) of a secret: with them, PostgreSQL's sha256() computes the HMAC. */
const hmacKeys = new Map<string, { inner: Buffer; outer: Buffer }>();
function hmacKeysOf(secret: string): { inner: Buffer; outer: Buffer } {
  let keys = hmacKeys.get(secret);
  if (!keys) {
    const BLOCK_BYTES = 64;
    const given = Buffer.from(secret, 'utf8');
    const key = Buffer.alloc(BLOCK_BYTES);
    (given.length > BLOCK_BYTES ? createHash('sha256').update(given).digest() : given).copy(key);
    keys = { inner: Buffer.from(key.map((byte) => byte ^ 0x36)), outer: Buffer.from(key.map((byte) => byte ^ 0x5c)) };
    hmacKeys.set(secret, keys);
  }
  return keys;
}

/**
 * The e-mail maskCustomer shows, as SQL over the customers row aliased `alias`: the relay address, computed by
 * PostgreSQL byte for byte as relayEmail does (HMAC-SHA256 from the secret's inner and outer keys, which are
 * parameters: the secret itself never reaches SQL).
 */
export function customerEmailSql(principal: Principal, alias: string, parameters: SqlParameters, secret: string): string {
  const party = relayPartyOf(principal);
  if (party === null) return `${alias}.email`;
  const { inner, outer } = hmacKeysOf(secret);
  const message = `convert_to(${alias}.id::text || ':${party.label}:' || ${parameters.add(party.id)}::text, 'UTF8')`;
  const digest = `encode(sha256(${parameters.add(outer)}::bytea || sha256(${parameters.add(inner)}::bytea || ${message})), 'hex')`;
  return `('c-' || left(${digest}, 20) || '@${RELAY_EMAIL_DOMAIN}')`;
}

/** The phone maskCustomer shows, as SQL: none for those who see a relay address. */
export function customerPhoneSql(principal: Principal, alias: string): string {
  return relayPartyOf(principal) === null ? `${alias}.phone` : 'NULL::text';
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
