import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FulfillmentChannel, OrderStatus, ReturnStatus, ShipmentStatus, TicketCategory } from '../src/domain/enums';
import { CorpusOrderFacts, CorpusSource, corpusLine, IntakeExample, parseCorpusLine, splitOfId } from '../src/intake/intake-corpus';
import { intakeDataFolder } from '../src/intake/intake-model-file';

// npm run add:intake-contacts -- SOURCE.jsonl NAME [written|template|feedback]
// Adds contacts written in the writers' short form (docs/routing.md "How the corpus was made") to
// data/intake/corpus/NAME.jsonl: fixes each record's split by a hash of its id, and fills the order facts a
// category implies when the writer gave none (a delivery complaint comes with a delivered order, a refund with a
// received return), so that owner accuracy can be measured through the routing table.

const DEFAULT_ORDERS: Partial<Record<TicketCategory, string>> = {
  ITEM_NOT_RECEIVED: 'SELLER/DELIVERED/DELIVERED/-',
  DELIVERY_DELAYED: 'SELLER/SHIPPED/IN_TRANSIT/-',
  MISDELIVERED: 'SELLER/DELIVERED/DELIVERED/-',
  DAMAGED_IN_TRANSIT: 'SELLER/DELIVERED/DELIVERED/-',
  DEFECTIVE_ITEM: 'SELLER/DELIVERED/DELIVERED/-',
  NOT_AS_DESCRIBED: 'SELLER/DELIVERED/DELIVERED/-',
  MISSING_PARTS: 'SELLER/DELIVERED/DELIVERED/-',
  RETURN_REQUEST: 'SELLER/DELIVERED/DELIVERED/-',
  REFUND_NOT_RECEIVED: 'SELLER/RETURNED/DELIVERED/RECEIVED',
  CANCEL_ORDER: 'SELLER/UNSHIPPED/-/-',
  CHANGE_ORDER: 'SELLER/UNSHIPPED/-/-',
};

function orderFromShortForm(shortForm: string | null | undefined, category: TicketCategory): CorpusOrderFacts | null {
  const form = shortForm === undefined || shortForm === null || shortForm === 'none' ? DEFAULT_ORDERS[category] : shortForm;
  if (form === undefined) return null;
  const [fulfillment, status, shipment, returned] = form.split('/');
  return {
    fulfillment: fulfillment as FulfillmentChannel,
    status: status as OrderStatus,
    shipmentStatus: shipment === '-' ? null : (shipment as ShipmentStatus),
    returnStatus: returned === '-' ? null : (returned as ReturnStatus),
  };
}

const [sourceFile, name, source = 'written'] = process.argv.slice(2);
if (!sourceFile || !name) {
  console.error('usage: npm run add:intake-contacts -- SOURCE.jsonl NAME [written|template|feedback]');
  process.exit(2);
}
const examples: IntakeExample[] = readFileSync(sourceFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line, index) => {
    const short = JSON.parse(line) as Record<string, string>;
    const category = short.category as TicketCategory;
    const record = {
      id: short.id,
      language: short.lang ?? short.language,
      channel: short.channel,
      style: short.style,
      category,
      subject: short.subject,
      body: short.body,
      order: orderFromShortForm(short.order, category),
      split: splitOfId(short.id),
      source: source as CorpusSource,
    };
    return parseCorpusLine(JSON.stringify(record), `${sourceFile}:${index + 1}`);
  });
const target = join(intakeDataFolder(), 'corpus', `${name}.jsonl`);
writeFileSync(target, examples.map(corpusLine).join('\n') + '\n');
console.log(`${examples.length} contacts written to ${target}`);
