/**
 * Calendar arithmetic on ISO dates, in UTC (no time zone can shift a day).
 */

/**
 * Adds whole days to an ISO `YYYY-MM-DD` date. Returns the input unchanged when it is not
 * such a date (the reader validates 考核日期). Cost: O(1). Never throws.
 * @example addDays('2018-12-31', 30) // => '2019-01-30'
 * @example addDays('2020-02-28', 1)  // => '2020-02-29'
 */
export function addDays(isoDate: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return isoDate;
  const yyyy = String(date.getUTCFullYear()).padStart(4, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}`;
}
