import { Language, TicketCategory, TicketChannel } from '../domain/enums';
import { CorpusOrderFacts, IntakeExample, splitOfId } from './intake-corpus';

// Agents' corrections (reclassifyTicket → intake_feedback) as corpus records, for `npm run export:intake-feedback`.
// Each gets the id `feedback-<row id>` and, like every record, a split fixed by that id; the style is unknown
// ("plain"). A ticket corrected twice gives its latest correction only.

interface FeedbackRow {
  id: string;
  channel: TicketChannel;
  language: Language;
  subject: string;
  body: string;
  category: TicketCategory;
  order_facts: CorpusOrderFacts | null;
}

/** Runs one statement and answers its rows (a pg client's query, or a TypeORM data source's). */
export type RowQuery = (sql: string, parameters: unknown[]) => Promise<unknown[]>;

export async function readFeedbackExamples(query: RowQuery, since: Date | null): Promise<IntakeExample[]> {
  const rows = (await query(
    `SELECT DISTINCT ON (ticket_id) id::text, channel, language, subject, body, category, order_facts
     FROM intake_feedback WHERE corrected_at >= $1
     ORDER BY ticket_id, corrected_at DESC, id DESC`,
    [since ?? new Date(0)],
  )) as FeedbackRow[];
  return rows
    .sort((left, right) => Number(left.id) - Number(right.id))
    .map((row) => {
      const id = `feedback-${row.id}`;
      return {
        id,
        language: row.language,
        channel: row.channel,
        style: 'plain',
        category: row.category,
        subject: row.subject,
        body: row.body,
        order: row.order_facts,
        split: splitOfId(id),
        source: 'feedback',
      };
    });
}
