/** Ordering and grouping the roll-up's rows, shared by its reads. */

/**
 * Cells in Vietnamese alphabetical order («Đông Hà» after «Cửa Lò», not after «Tổ 12» as bytes
 * would have it). A committee has hundreds of cells at most, so they are sorted here.
 */
export const collator = new Intl.Collator("vi");
export const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Appends `value` to the list under `key`. */
export function groupInto<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
