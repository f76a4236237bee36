/**
 * A1 addresses. Rows and columns are 0-based in code, 1-based in addresses.
 * @example a1(6, 5) // => 'F7'
 */
export function columnLetter(col0: number): string {
  let n = col0 + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `a1(0, 0)` → `A1`. */
export function a1(row0: number, col0: number): string {
  return `${columnLetter(col0)}${row0 + 1}`;
}

/** `ref('考核数据', 6, 5)` → `考核数据!F7`. */
export function ref(sheet: string, row0: number, col0: number): string {
  return `${sheet}!${a1(row0, col0)}`;
}

/** Parses `F7` into 0-based { row, col }; null when it is not an A1 address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
