/**
 * Unit names listed inside a sentence.
 */

/** Most names a note lists before `…` (keeps notes short and the work linear). */
export const NAME_LIST_CAP = 10;

/**
 * Joins names with the Chinese enumeration comma, at most `cap` of them, then `…`.
 * Cost: O(min(names, cap)).
 * @example joinNames(['龙源村', '梅池村']) // => '龙源村、梅池村'
 */
export function joinNames(names: string[], cap = Infinity): string {
  if (names.length <= cap) return names.join('、');
  return `${names.slice(0, cap).join('、')}…`;
}
