import { randomBytes } from 'node:crypto';

/**
 * A value that is already JSON text (PostgreSQL wrote it): written into the response as it is, never parsed and
 * serialised again. Anything else that stringifies it (a log, a test) gets the parsed value through toJSON.
 */
export class RawJson {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text) as unknown;
  }
}

/** Stands for a RawJson while the rest of the result is stringified; random per process, never in an answer. */
const MARKER = `raw-json-${randomBytes(16).toString('hex')}-`;

/**
 * JSON.stringify of a GraphQL result whose top-level data fields may be RawJson: the rest is stringified with a
 * marker string in their place, and each marker (quotes included) is then replaced by its text.
 */
export function stringifyResult(result: { data?: Record<string, unknown> | null }): string {
  const data = result.data;
  if (!data || !Object.values(data).some((value) => value instanceof RawJson)) return JSON.stringify(result);
  const raw: string[] = [];
  const marked = Object.fromEntries(
    Object.entries(data).map(([key, value]) => {
      if (!(value instanceof RawJson)) return [key, value];
      raw.push(value.text);
      return [key, `${MARKER}${raw.length - 1}`];
    }),
  );
  const text = JSON.stringify({ ...result, data: marked });
  return text.replace(new RegExp(`"${MARKER}(\\d+)"`, 'g'), (_match, index: string) => raw[Number(index)]);
}
