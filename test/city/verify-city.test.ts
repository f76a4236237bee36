/**
 * `verify` and `city` end to end through the CLI (in process): three towns computed by our
 * CLI verify as consistent; a grade typed over, a unit row deleted from 考核结果 and a data
 * cell edited in 考核数据 each give exit 1 with the difference named by its cell; `city`
 * writes 市汇总.xlsx with the four sheets and the counts worked by hand from the demo
 * ledger (README "The demo's ranking"):
 *
 *   demo, 好 3 / 一般 2:  好 龙源 梅池 黄金 (文白 and 大前 vetoed);  一般 梧桐 七里冲;  较差 五爱
 *                          → 好 3, 较好 13, 一般 2, 较差 1; 5 interviews; 4 of 6 assistance units fail
 *   乙镇, 好 4:           the fourth 好 goes to 幸福村 (rank 6)  → 好 4, 较好 12, 一般 2, 较差 1
 *   丙镇, 一般 3:         the third 一般 goes to 黄沙村 (rank 16) → 好 3, 较好 12, 一般 3, 较差 1
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, computedTown, loadBook, rowValues, sheetOf, tampered } from './fixtures';

let dir: string;
let towns: { a: string; b: string; c: string };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaohe-city-'));
  towns = {
    a: await computedTown(dir, '甲镇', { B3: '甲镇' }),
    b: await computedTown(dir, '乙镇', { B3: '乙镇', B7: 4 }),
    c: await computedTown(dir, '丙镇', { B3: '丙镇', B8: 3 }),
  };
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const json = (stdout: string) => JSON.parse(stdout);

describe('verify', () => {
  it.each(['a', 'b', 'c'] as const)('town %s computed by the CLI is consistent (exit 0)', async (key) => {
    const run = await cli(['verify', towns[key], '--json']);
    const report = json(run.stdout);
    expect(report).toMatchObject({ consistent: true, year: 2018, version: '0.1.0', differences: [], omitted: 0 });
    expect(report.town).toBe({ a: '甲镇', b: '乙镇', c: '丙镇' }[key]);
    expect(run.code).toBe(0);
  });

  it('names a grade typed over (大前村, rank 5, row 7)', async () => {
    const file = await tampered(towns.a, path.join(dir, 'grade.xlsx'), (book) => {
      sheetOf(book, '考核结果').getCell('L7').value = '好';
    });
    const run = await cli(['verify', file, '--json']);
    expect(run.code).toBe(1);
    expect(json(run.stdout).differences).toEqual([
      { sheet: '考核结果', cell: 'L7', found: '好', expected: '较好', message: '考核结果!L7：等次为"好"，重新计算为"较好"' },
    ]);
    const text = await cli(['verify', file]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('甲镇2018年度：不一致，1 处差异：\n  - 考核结果!L7：等次为"好"，重新计算为"较好"');
    const en = await cli(['verify', file, '--json', '--lang', 'en']);
    expect(json(en.stdout).differences[0].message).toBe('考核结果!L7: 等次 is "好", recomputed as "较好"');
  });

  it('names a unit row deleted from 考核结果 once, not every row below it', async () => {
    const file = await tampered(towns.a, path.join(dir, 'row.xlsx'), (book) => {
      sheetOf(book, '考核结果').spliceRows(9, 1);
    });
    const run = await cli(['verify', file, '--json']);
    expect(run.code).toBe(1);
    expect(json(run.stdout).differences).toEqual([
      { sheet: '考核结果', cell: 'B9', found: '', expected: '中洲社区', message: '考核结果!B9：缺少"中洲社区"这一行（重新计算有，应在第 9 行）' },
    ]);
  });

  it('names a data cell edited in 考核数据 after computing, its sheet fingerprint and what it changed', async () => {
    // 中洲社区's 群众满意度 88 → 80: 精准帮扶 16.40 → 14.00 (6 × (80% − 80%) ÷ 20% = 0 instead of 2.4), total 93.03 → 90.63.
    const file = await tampered(towns.a, path.join(dir, 'data.xlsx'), (book) => {
      sheetOf(book, '考核数据').getCell('L5').value = 80;
    });
    const run = await cli(['verify', file, '--json']);
    expect(run.code).toBe(1);
    const diffs = json(run.stdout).differences as { sheet: string; cell: string; message: string }[];
    expect(diffs[0]).toMatchObject({ sheet: '考核数据', cell: '', message: expect.stringMatching(/^考核数据：此输入工作表在计算后改动过：指纹与 考核说明!B\d+ 记录的不同$/) });
    expect(diffs[1]).toMatchObject({ sheet: '考核数据', cell: 'L5', message: expect.stringMatching(/^考核数据!L5：计算后改动过：计算明细!D\d+ 记录计算时为"88"，现为"80"$/) });
    const messages = diffs.map((d) => d.message);
    expect(messages).toContain('考核结果!F9：精准帮扶为"16.40"，重新计算为"14.00"');
    expect(messages).toContain('考核结果!K9：总分为"93.03"，重新计算为"90.63"');
    // Only the input sheet that changed is named.
    expect(diffs.filter((d) => d.message.includes('此输入工作表')).map((d) => d.sheet)).toEqual(['考核数据']);
  });

  it('recomputes with the parameters recorded in 考核说明 and names a parameter changed since', async () => {
    const file = await tampered(towns.a, path.join(dir, 'param.xlsx'), (book) => {
      sheetOf(book, '考核参数').getCell('B7').value = 4;
    });
    const run = await cli(['verify', file, '--json']);
    expect(run.code).toBe(1);
    const diffs = json(run.stdout).differences as { sheet: string; cell: string; message: string }[];
    expect(diffs.map((d) => d.sheet)).toEqual(['考核参数', '考核说明']);
    expect(diffs[1].message).toMatch(/^考核说明!B\d+：参数"好等次名额"记录为"3"，而考核参数中现为"4"（已按记录的参数重新计算）$/);
  });

  it('names a point typed over in 考核说明\'s indicator table (the weights shown to the reader)', async () => {
    let cell = '';
    const file = await tampered(towns.a, path.join(dir, 'about.xlsx'), (book) => {
      const about = sheetOf(book, '考核说明');
      about.eachRow((row, r) => {
        if (cell === '' && row.getCell(1).value === '维度' && row.getCell(2).value === '指标') cell = `C${r + 1}`;
      });
      about.getCell(cell).value = 99;
    });
    const run = await cli(['verify', file, '--json']);
    expect(run.code).toBe(1);
    expect(json(run.stdout).differences).toEqual([
      { sheet: '考核说明', cell, found: '99', expected: '20', message: `考核说明!${cell}：分值为"99"，重新计算为"20"` },
    ]);
  });

  it('says a workbook never computed by Kaohe cannot be verified (exit 1)', async () => {
    const input = path.join(dir, '甲镇-台账.xlsx');
    const run = await cli(['verify', input, '--json']);
    expect(run.code).toBe(1);
    expect(json(run.stdout)).toMatchObject({ consistent: false, town: null, differences: [{ sheet: '', cell: '', message: expect.stringContaining('没有 Kaohe 的计算结果') }] });
  });

  it('says an unreadable or missing file clearly (exit 1) and nothing else on stdout with --json', async () => {
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, 'not a zip');
    const run = await cli(['verify', junk, '--json']);
    expect(run.code).toBe(1);
    expect(json(run.stdout).differences[0].message).toContain('junk.xlsx');
    const missing = await cli(['verify', path.join(dir, 'nope.xlsx')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到文件');
  });

  it.each([[['verify']], [['verify', 'a.xlsx', 'b.xlsx']], [['verify', 'a.xlsx', '--frob']], [['verify', 'a.xlsx', '--lang', 'fr']]])('exits 2 on usage errors: %j', async (args) => {
    expect((await cli(args)).code).toBe(2);
  });
});


describe('city', () => {
  it('writes 市汇总.xlsx with the four sheets and the counts worked by hand (exit 0)', async () => {
    const out = path.join(dir, '市汇总.xlsx');
    const run = await cli(['city', towns.a, towns.b, towns.c, '-o', out, '--json']);
    expect(run.code).toBe(0);
    const result = json(run.stdout);
    expect(result).toMatchObject({ written: out, consistent: true, errors: [], notes: [] });
    expect(result.towns.map((t: { town: string; grades: unknown }) => [t.town, t.grades])).toEqual([
      ['甲镇', { 好: 3, 较好: 13, 一般: 2, 较差: 1 }],
      ['乙镇', { 好: 4, 较好: 12, 一般: 2, 较差: 1 }],
      ['丙镇', { 好: 3, 较好: 12, 一般: 3, 较差: 1 }],
    ]);

    const book = await loadBook(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '全部单位', '约谈汇总', '帮扶单位汇总']);
    const summary = sheetOf(book, '汇总');
    expect(rowValues(summary, 2).slice(0, 12)).toEqual(['序号', '镇', '年度', '单位数', '好', '较好', '一般', '较差', '约谈单位数', '未达标帮扶单位数', '一致', '计入汇总']);
    expect(rowValues(summary, 3).slice(0, 12)).toEqual([1, '甲镇', 2018, 19, 3, 13, 2, 1, 5, 4, '是', '是']);
    expect(rowValues(summary, 4).slice(0, 12)).toEqual([2, '乙镇', 2018, 19, 4, 12, 2, 1, 5, 4, '是', '是']);
    expect(rowValues(summary, 5).slice(0, 12)).toEqual([3, '丙镇', 2018, 19, 3, 12, 3, 1, 5, 4, '是', '是']);
    expect(rowValues(summary, 6).slice(0, 10)).toEqual(['合计', '', '', 57, 10, 37, 7, 3, 15, 12]);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(summary.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });

    const units = sheetOf(book, '全部单位');
    expect(rowValues(units, 2)).toEqual(['镇', '单位', '类型', '总分', '镇内排名', '等次', '否决情况']);
    expect(units.rowCount).toBe(2 + 57);
    // 乙镇's fourth 好 (rank 6): row 2 + 19 (甲镇) + 6.
    expect(rowValues(units, 27).slice(0, 6)).toEqual(['乙镇', '幸福村', '村', 93.72, 6, '好']);
    expect(String(units.getCell('G3').value)).toMatch(/^纪检、监察、审计和社会监督发现扶贫领域存在违纪违规问题：.*（依据：问题清单!B3）$/);

    const interviews = sheetOf(book, '约谈汇总');
    expect(interviews.rowCount).toBe(2 + 15);
    expect(rowValues(interviews, 3).slice(0, 3)).toEqual([1, '甲镇', '文白社区']);
    const assistance = sheetOf(book, '帮扶单位汇总');
    expect(assistance.rowCount).toBe(2 + 18);
    const failing = [...Array(18).keys()].filter((i) => assistance.getCell(`E${i + 3}`).value === '未达标');
    expect(failing).toHaveLength(12);
  });

  it('lists an inconsistent town and leaves it out unless --include-inconsistent (exit 1)', async () => {
    const bad = await tampered(towns.b, path.join(dir, '乙镇-改.xlsx'), (book) => {
      sheetOf(book, '考核结果').getCell('L7').value = '好';
    });
    const out = path.join(dir, 'without.xlsx');
    const run = await cli(['city', towns.a, bad, towns.c, '-o', out, '--json']);
    expect(run.code).toBe(1);
    const result = json(run.stdout);
    expect(result.written).toBe(out);
    expect(result.towns.map((t: { consistent: boolean; included: boolean }) => [t.consistent, t.included])).toEqual([[true, true], [false, false], [true, true]]);
    expect(result.notes[0].message).toContain('乙镇2018年度（乙镇-改.xlsx）不一致，未计入市汇总');
    expect(result.towns[1].verify.differences[0].message).toBe('考核结果!L7：等次为"好"，重新计算为"较好"');
    const book = await loadBook(out);
    expect(rowValues(sheetOf(book, '汇总'), 4).slice(1, 12)).toEqual(['乙镇', 2018, '', '', '', '', '', '', '', '否', '否']);
    expect(sheetOf(book, '全部单位').rowCount).toBe(2 + 38);

    const text = await cli(['city', towns.a, bad, towns.c, '-o', path.join(dir, 'text.xlsx')]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('一致  甲镇2018年度  甲镇.xlsx\n不一致  乙镇2018年度  乙镇-改.xlsx\n    - 考核结果!L7：等次为"好"，重新计算为"较好"\n一致  丙镇2018年度  丙镇.xlsx\n');
    expect(text.stdout).toContain(`市汇总已写入：${path.join(dir, 'text.xlsx')}（2 个镇，38 个单位）`);

    const withIt = await cli(['city', towns.a, bad, towns.c, '-o', path.join(dir, 'with.xlsx'), '--json', '--include-inconsistent']);
    expect(withIt.code).toBe(1);
    expect(json(withIt.stdout).towns[1]).toMatchObject({ consistent: false, included: true, grades: { 好: 4, 较好: 12, 一般: 2, 较差: 1 } });
  });

  it('refuses two files of the same town and year, naming both, and writes nothing', async () => {
    const copy = path.join(dir, '甲镇-副本.xlsx');
    fs.copyFileSync(towns.a, copy);
    const out = path.join(dir, 'same.xlsx');
    const run = await cli(['city', towns.a, copy, '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"甲镇.xlsx"与"甲镇-副本.xlsx"是同一个镇的同一年度（甲镇2018年度），只能给一个');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('keeps an existing output unless --force, and exits 2 on usage errors', async () => {
    const out = path.join(dir, 'exists.xlsx');
    fs.writeFileSync(out, 'mine');
    expect((await cli(['city', towns.a, '-o', out])).code).toBe(1);
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    expect((await cli(['city', towns.a, '-o', out, '--force'])).code).toBe(0);
    expect((await cli(['city', towns.a])).code).toBe(2);
    expect((await cli(['city', towns.a, '-o', towns.a])).code).toBe(2);
    expect((await cli(['city', towns.a, towns.a, '-o', path.join(dir, 'x.xlsx')])).code).toBe(2);
  });
});
