import { parseArgs } from '../../src/cli/args';

describe('parseArgs', () => {
  it.each([
    [['compute', 'a.xlsx'], { kind: 'compute', input: 'a.xlsx', output: null, json: false, lang: 'zh' }],
    [['compute', 'a.xlsx', '-o', 'b.xlsx', '--json', '--lang', 'en'], { kind: 'compute', input: 'a.xlsx', output: 'b.xlsx', json: true, lang: 'en' }],
    [['compute', '--lang=en', 'a.xlsx', '--output', 'b.xlsx'], { kind: 'compute', input: 'a.xlsx', output: 'b.xlsx', json: false, lang: 'en' }],
    [['template', 'out.xlsx'], { kind: 'template', output: 'out.xlsx', demo: false, force: false, lang: 'zh' }],
    [['template', 'out.xlsx', '--demo', '--force'], { kind: 'template', output: 'out.xlsx', demo: true, force: true, lang: 'zh' }],
    [['--help'], { kind: 'help', lang: 'zh' }],
    [['compute', '-h', '--lang', 'en'], { kind: 'help', lang: 'en' }],
  ])('%j', (argv, expected) => expect(parseArgs(argv)).toEqual(expected));

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
