/** Collects positional parameters while a statement is assembled: `add(value)` returns its `$n` placeholder. */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
