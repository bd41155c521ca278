import { GraphQLObjectType } from 'graphql';
import { getMetadataArgsStorage } from 'typeorm';
import { Carrier, Customer, Message, Order, Seller, Shipment, Ticket, TicketEvent } from '../../src/entities';
import { getSchema } from '../../src/resolvers/schema';
import { listedFields } from '../../src/loaders/field-columns';
import { CLOCK_VIEW_COLUMNS } from '../../src/loaders/sla-clock-rows';

// A record fetched ahead carries only the columns its query's fields read (src/loaders/field-columns.ts). Every
// field of the types fetched ahead must therefore be a column of the same name or be listed with what it reads:
// a field added to the schema without either fails here.

const PREFETCHED: Array<[string, new () => unknown]> = [
  ['Ticket', Ticket],
  ['Customer', Customer],
  ['Order', Order],
  ['Message', Message],
  ['TicketEvent', TicketEvent],
  ['Shipment', Shipment],
  ['Seller', Seller],
  ['Carrier', Carrier],
];

describe('the columns each field of a prefetched record reads', () => {
  it.each(PREFETCHED)('every field of %s is a column or listed with the columns it reads', async (typeName, entity) => {
    const type = (await getSchema()).getType(typeName) as GraphQLObjectType;
    const columns = new Set(
      getMetadataArgsStorage()
        .columns.filter((column) => column.target === entity)
        .map((column) => column.propertyName),
    );
    const listed = new Set(listedFields(entity));
    const unaccounted = Object.keys(type.getFields()).filter((field) => !columns.has(field) && !listed.has(field));
    expect(unaccounted).toEqual([]);
  });
});

describe('the columns each field of an SLA clock reads', () => {
  it('lists every field of SlaClockView', async () => {
    const type = (await getSchema()).getType('SlaClockView') as GraphQLObjectType;
    expect(Object.keys(type.getFields()).filter((field) => !(field in CLOCK_VIEW_COLUMNS))).toEqual([]);
  });
});
