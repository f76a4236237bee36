import { parseArgs } from '../../src/cli/args';

describe('parseArgs', () => {
  it.each([
    [['compute', 'a.xlsx'], { kind: 'compute', input: 'a.xlsx', output: null, json: false, force: false, lang: 'zh' }],
    [['compute', 'a.xlsx', '-o', 'b.xlsx', '--json', '--lang', 'en'], { kind: 'compute', input: 'a.xlsx', output: 'b.xlsx', json: true, force: false, lang: 'en' }],
    [['compute', '--lang=en', 'a.xlsx', '--output', 'b.xlsx'], { kind: 'compute', input: 'a.xlsx', output: 'b.xlsx', json: false, force: false, lang: 'en' }],
    [['compute', 'a.xlsx', '--force'], { kind: 'compute', input: 'a.xlsx', output: null, json: false, force: true, lang: 'zh' }],
    [['template', 'out.xlsx'], { kind: 'template', output: 'out.xlsx', demo: false, force: false, lang: 'zh' }],
    [['template', 'out.xlsx', '--demo', '--force'], { kind: 'template', output: 'out.xlsx', demo: true, force: true, lang: 'zh' }],
    [['--help'], { kind: 'help', lang: 'zh', json: false }],
    [['compute', '-h', '--lang', 'en'], { kind: 'help', lang: 'en', json: false }],
  ])('%j', (argv, expected) => expect(parseArgs(argv)).toEqual(expected));

  it('remembers --json on a usage error, so the error can be told as JSON', () => {
    expect(parseArgs(['compute', '--json', '--bogus'])).toMatchObject({ kind: 'usage', json: true, error: { code: 'cli.unknownOption' } });
    expect(parseArgs(['compute', '--bogus'])).toMatchObject({ kind: 'usage', json: false });
  });

  it.each([
    [[], 'cli.noCommand'],
    [['frobnicate'], 'cli.unknownCommand'],
    [['compute'], 'cli.missingFile'],
    [['compute', 'a.xlsx', 'b.xlsx'], 'cli.extraArgument'],
    [['compute', 'a.xlsx', '--demo'], 'cli.unknownOption'],
    [['template', 'a.xlsx', '--json'], 'cli.unknownOption'],
    [['compute', 'a.xlsx', '-o'], 'cli.missingValue'],
    [['compute', 'a.xlsx', '--lang', 'fr'], 'cli.badLang'],
    [['compute', 'a.xlsx', '--lang'], 'cli.missingValue'],
  ])('%j is a usage error (%s)', (argv, code) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind).toBe('usage');
    if (parsed.kind === 'usage') expect(parsed.error.code).toBe(code);
  });

  it('tells a usage error in English when asked', () => {
    expect(parseArgs(['nope', '--lang', 'en'])).toMatchObject({ kind: 'usage', lang: 'en' });
  });
});
