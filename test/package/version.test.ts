import { nextCounterVersion, parseVersion } from '../../scripts/package/version';

describe('parseVersion', () => {
  test.each([
    ['1.0.7.0', [1, 0, 7, 0]],
    [' 65535.0.0.1 ', [65535, 0, 0, 1]],
    ['1.0.7', null],
    ['1.0.7.0.1', null],
    ['1.0.70000.0', null],
    ['1.a.7.0', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parseVersion(text)).toEqual(expected);
  });
});

describe('nextCounterVersion', () => {
  test.each([
    ['first package', '1.0.0.0', 0, [], '1.0.1.0'],
    ['counter file wins', '1.0.0.0', 4, ['kaohe-1.0.2.0'], '1.0.5.0'],
    ['folders win when higher', '1.0.0.0', 4, ['kaohe-1.0.6.0', 'kaohe-1.0.3.0'], '1.0.7.0'],
    ['other major.minor ignored', '2.1.0.0', 0, ['kaohe-1.0.9.0'], '2.1.1.0'],
    ['unparseable source falls back to 1.0', 'x', 0, [], '1.0.1.0'],
    ['junk folder names ignored', '1.0.0.0', 0, ['kaohe-latest', 'notes'], '1.0.1.0'],
  ])('%s', (_name, source, stored, folders, expected) => {
    const version = nextCounterVersion(source, stored, folders);
    expect(version).toBe(expected);
    expect(parseVersion(version)).not.toBeNull();
  });
});
