/**
 * Sets `key` in a Map kept as a bounded memory, whose insertion order is its age order: beyond `maximum` entries
 * the oldest is forgotten. A key already present keeps its place; delete it first to make it the newest.
 */
export function rememberAtMost<K, V>(map: Map<K, V>, key: K, value: V, maximum: number): void {
  map.set(key, value);
  if (map.size > maximum) map.delete(map.keys().next().value!);
}
