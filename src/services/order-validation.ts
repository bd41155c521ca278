// What an order from the order system must look like (upsertOrder), checked before the transaction. Pure.
import { UserError, UserErrorCode, userError } from '../domain/user-error';
import { characterCount } from '../rules/text-input.rule';
import { UpsertOrderParams } from './params/order-sync.params';

const ORDER_NUMBER = /^\d{3}-\d{7}-\d{7}$/;
const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;
const EXTERNAL_ID = /^[\w.:-]{1,200}$/;

/** The order as sent, checked before any statement: every field problem at once. */
export function validateOrder(input: UpsertOrderParams): UserError[] {
  const errors: UserError[] = [];
  const invalid: Invalid = (field, message) => void errors.push(userError(UserErrorCode.INVALID_INPUT, message, `input.${field}`));
  if (!EXTERNAL_ID.test(input.externalId)) invalid('externalId', 'externalId must be 1–200 letters, digits or . _ : -');
  if (!ORDER_NUMBER.test(input.number)) invalid('number', 'number must look like 503-1234567-7654321');
  if (!EXTERNAL_ID.test(input.customer.externalId)) invalid('customer.externalId', 'externalId must be 1–200 letters, digits or . _ : -');
  if (input.customer.name.trim() === '' || characterCount(input.customer.name) > 200)
    invalid('customer.name', 'name must be 1–200 characters');
  if (!/^[^\s@]{1,64}@[^\s@]{1,255}$/.test(input.customer.email)) invalid('customer.email', 'email must be an e-mail address');
  if (input.items.length === 0 || input.items.length > 200) invalid('items', 'an order has 1–200 items');
  input.items.forEach((item, index) => validateItem(item, index, invalid));
  if (!DECIMAL.test(input.totalAmount)) invalid('totalAmount', 'totalAmount must be a decimal string');
  if (!/^[A-Z]{3}$/.test(input.currency)) invalid('currency', 'currency must be an ISO 4217 code such as JPY');
  (input.shipments ?? []).forEach((shipment, index) => {
    if (!EXTERNAL_ID.test(shipment.externalId))
      invalid(`shipments.${index}.externalId`, 'externalId must be 1–200 letters, digits or . _ : -');
  });
  (input.returns ?? []).forEach((orderReturn, index) => {
    if (!EXTERNAL_ID.test(orderReturn.externalId))
      invalid(`returns.${index}.externalId`, 'externalId must be 1–200 letters, digits or . _ : -');
  });
  validateUniqueExternalIds(input, invalid);
  return errors;
}

type Invalid = (field: string, message: string) => void;

function validateItem(item: UpsertOrderParams['items'][number], index: number, invalid: Invalid): void {
  if (!Number.isInteger(item.quantity) || item.quantity < 1)
    invalid(`items.${index}.quantity`, 'quantity must be a whole number of at least 1');
  if (!DECIMAL.test(item.unitPrice)) invalid(`items.${index}.unitPrice`, 'unitPrice must be a decimal string such as "1980" or "12.50"');
  if (item.sku.trim() === '' || item.title.trim() === '') invalid(`items.${index}`, 'sku and title are required');
}

// One statement upserts them all: PostgreSQL refuses to update one row twice in it.
function validateUniqueExternalIds(input: UpsertOrderParams, invalid: Invalid): void {
  const repeated = (ids: string[]) => ids.findIndex((id, index) => ids.indexOf(id) !== index);
  const repeatedShipment = repeated((input.shipments ?? []).map((shipment) => shipment.externalId));
  if (repeatedShipment >= 0) invalid(`shipments.${repeatedShipment}.externalId`, 'each shipment of an order has its own externalId');
  const repeatedReturn = repeated((input.returns ?? []).map((orderReturn) => orderReturn.externalId));
  if (repeatedReturn >= 0) invalid(`returns.${repeatedReturn}.externalId`, 'each return of an order has its own externalId');
}
