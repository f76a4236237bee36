/**
 * The manifest version of a new package. Office compares `<Version>` to decide whether a
 * cached add-in must be refreshed, so every package gets a new, higher four-part number.
 */

/** Four parts, each 0–65535 (the XSD allows up to five digits; Office treats parts as 16-bit). */
const FOUR_PARTS = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/;

/**
 * Parses a four-part version, or returns null when it is not one (or a part exceeds 65535).
 * @example parseVersion('1.0.7.0') // => [1, 0, 7, 0]
 * @example parseVersion('1.0')     // => null
 */
export function parseVersion(text: string): [number, number, number, number] | null {
  const match = FOUR_PARTS.exec(text.trim());
  if (!match) return null;
  const parts = match.slice(1, 5).map(Number) as [number, number, number, number];
  return parts.every((part) => part <= 65535) ? parts : null;
}

/**
 * The counter version `major.minor.n.0`: major and minor come from the source manifest's
 * `<Version>` (so a bump there carries over), n is one more than the highest counter used
 * before — the stored counter or any `kaohe-major.minor.n.*` folder already in the output.
 * Pure: the caller reads the counter file and the folder names.
 * @example nextCounterVersion('1.0.0.0', 4, ['kaohe-1.0.6.0']) // => '1.0.7.0'
 */
export function nextCounterVersion(sourceVersion: string, storedCounter: number, existingFolders: string[]): string {
  const source = sourceVersion.trim().split('.').map((part) => Number.parseInt(part, 10));
  const major = Number.isFinite(source[0]) ? source[0] : 1;
  const minor = Number.isFinite(source[1]) ? source[1] : 0;
  let highest = Number.isFinite(storedCounter) ? storedCounter : 0;
  for (const folder of existingFolders) {
    const parsed = parseVersion(folder.replace(/^kaohe-/, ''));
    if (parsed && parsed[0] === major && parsed[1] === minor) highest = Math.max(highest, parsed[2]);
  }
  return `${major}.${minor}.${Math.min(highest + 1, 65535)}.0`;
}
