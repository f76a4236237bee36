import { addDays } from '../../../src/core/compute/dates';

describe('addDays (UTC, YYYY-MM-DD)', () => {
  test.each([
    ['2018-12-31', 30, '2019-01-30'], // year
    ['2018-01-31', 1, '2018-02-01'], // month
    ['2018-02-28', 1, '2018-03-01'], // not a leap year
    ['2020-02-28', 1, '2020-02-29'], // leap year
    ['2000-02-28', 1, '2000-02-29'], // leap century
    ['1900-02-28', 1, '1900-03-01'], // not leap
    ['2018-03-25', 10, '2018-04-04'], // DST week elsewhere makes no difference
    ['2018-12-31', 0, '2018-12-31'],
    ['2019-03-01', -1, '2019-02-28'],
    ['2018-12-31', 365, '2019-12-31'],
  ])('%s + %p = %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  test('a malformed date comes back unchanged', () => {
    expect(addDays('31/12/2018', 30)).toBe('31/12/2018');
  });
});
