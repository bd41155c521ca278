/** type-graphql's `valuesConfig` from a table of descriptions, one per value of the enum. */
export function describedValues<Value extends string>(descriptions: Record<Value, string>): Record<Value, { description: string }> {
  const entries = Object.entries(descriptions) as [Value, string][];
  return Object.fromEntries(entries.map(([value, description]) => [value, { description }])) as Record<Value, { description: string }>;
}
