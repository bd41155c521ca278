import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FulfillmentChannel, Language, OrderStatus, ReturnStatus, ShipmentStatus, TicketCategory, TicketChannel } from '../domain/enums';

// The labelled intake corpus (data/intake/corpus/*.jsonl, one contact per line; docs/routing.md "The corpus").
// Every record carries its split, fixed when the record was added (by a hash of its id), so retraining never moves
// a test contact into training.

export type CorpusSplit = 'train' | 'dev' | 'test';

/** Where a record came from: written by a person, generated from a template, or an agent's correction. */
export type CorpusSource = 'written' | 'template' | 'feedback';

export const CORPUS_STYLES = [
  'plain',
  'multi',
  'keigo',
  'casual',
  'halfwidth',
  'nonnative',
  'mixed',
  'vague-subject',
  'outcome',
  'negation',
  'phone-note',
  'social',
] as const;
export type CorpusStyle = (typeof CORPUS_STYLES)[number];

/** The order as it was when the contact arrived: what routing reads. */
export interface CorpusOrderFacts {
  fulfillment: FulfillmentChannel;
  status: OrderStatus;
  shipmentStatus: ShipmentStatus | null;
  returnStatus: ReturnStatus | null;
}

export interface IntakeExample {
  id: string;
  language: Language;
  channel: TicketChannel;
  style: CorpusStyle;
  category: TicketCategory;
  subject: string;
  body: string;
  order: CorpusOrderFacts | null;
  split: CorpusSplit;
  source: CorpusSource;
}

/** Percent of records per split: 70 train, 10 dev (calibration and the guess threshold), 20 test. */
export function splitOfId(id: string): CorpusSplit {
  const bucket = createHash('sha256').update(id).digest().readUInt16BE(0) % 100;
  if (bucket < 70) return 'train';
  return bucket < 80 ? 'dev' : 'test';
}

function oneOf<T extends string>(values: readonly T[], value: unknown, field: string, where: string): T {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw new Error(`${where}: ${field} must be one of ${values.join(', ')} (got ${JSON.stringify(value)})`);
}

function orderFacts(value: unknown, where: string): CorpusOrderFacts | null {
  if (value === null || value === undefined) return null;
  const order = value as Record<string, unknown>;
  return {
    fulfillment: oneOf(Object.values(FulfillmentChannel), order.fulfillment, 'order.fulfillment', where),
    status: oneOf(Object.values(OrderStatus), order.status, 'order.status', where),
    shipmentStatus:
      order.shipmentStatus == null ? null : oneOf(Object.values(ShipmentStatus), order.shipmentStatus, 'order.shipmentStatus', where),
    returnStatus: order.returnStatus == null ? null : oneOf(Object.values(ReturnStatus), order.returnStatus, 'order.returnStatus', where),
  };
}

/** One corpus line, checked field by field; throws with the line's location on the first problem. */
export function parseCorpusLine(line: string, where: string): IntakeExample {
  const record = JSON.parse(line) as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id === '') throw new Error(`${where}: id must be a non-empty string`);
  if (typeof record.subject !== 'string' || typeof record.body !== 'string') throw new Error(`${where}: subject and body must be strings`);
  return {
    id: record.id,
    language: oneOf(Object.values(Language), record.language, 'language', where),
    channel: oneOf(Object.values(TicketChannel), record.channel, 'channel', where),
    style: oneOf(CORPUS_STYLES, record.style, 'style', where),
    category: oneOf(Object.values(TicketCategory), record.category, 'category', where),
    subject: record.subject,
    body: record.body,
    order: orderFacts(record.order, where),
    split: oneOf(['train', 'dev', 'test'] as const, record.split, 'split', where),
    source: oneOf(['written', 'template', 'feedback'] as const, record.source, 'source', where),
  };
}

/** Every record of every .jsonl file of a folder, files in name order; ids must be unique. */
export function readCorpus(folder: string): IntakeExample[] {
  const examples: IntakeExample[] = [];
  const ids = new Set<string>();
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()) {
    readFileSync(join(folder, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        const example = parseCorpusLine(line, `${file}:${index + 1}`);
        if (ids.has(example.id)) throw new Error(`${file}:${index + 1}: id ${example.id} appears twice`);
        ids.add(example.id);
        examples.push(example);
      });
  }
  return examples;
}

/** The corpus line of an example, fields in a fixed order (so files diff well). */
export function corpusLine(example: IntakeExample): string {
  const { id, language, channel, style, category, subject, body, order, split, source } = example;
  return JSON.stringify({ id, language, channel, style, category, subject, body, order, split, source });
}
