// Appending to the list kept under a key of a map, in place: copying the list on every append
// makes building an index of n items quadratic. Pure.

/** Add `value` to the list of `key`, creating it. */
export function appendTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}
