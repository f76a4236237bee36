/**
 * The pure pieces of verify: matching rows by key (a moved row is not a difference, a
 * deleted one is named once), numbers typed as text, the per-sheet fingerprint labels, and
 * the 考核参数 grid rebuilt from the recorded parameters.
 */
import { compareTable, DifferenceList, sourceRef } from '../../../src/core/verify/compare';
import { recordedParamsGrid } from '../../../src/core/verify';
import { sheetFingerprintLabel } from '../../../src/core/verify/record';
import { numberCell, scoreCell, tableSheet, textCell } from '../../../src/core/report/layout';
import { t } from '../../../src/core/messages';
import type { CellValue, SheetGrid } from '../../../src/core/types';

const expected = tableSheet({
  name: '考核结果',
  title: '甲镇2018年度',
  headers: ['排名', '单位', '总分', '等次'],
  rows: [
    [numberCell(1), textCell('龙源村'), scoreCell(98.3), textCell('好')],
    [numberCell(2), textCell('梅池村'), scoreCell(97.15), textCell('好')],
    [numberCell(3), textCell('黄金村'), scoreCell(95.35), textCell('较好')],
  ],
});

const grid = (rows: CellValue[][]): SheetGrid => ({ name: '考核结果', values: rows, originRow: 0, originCol: 0 });
const header: CellValue[] = ['排名', '单位', '总分', '等次'];

function differences(rows: CellValue[][]) {
  const list = new DifferenceList();
  compareTable(expected, grid(rows), { keys: ['单位'] }, list);
  return list.items.map((d) => `${d.sheet}!${d.cell} ${t(d.message, 'zh')}`);
}

describe('compareTable', () => {
  it('finds nothing in an identical sheet, also with rows in another order and numbers typed as text', () => {
    expect(differences([['甲镇2018年度'], header, [1, '龙源村', 98.3, '好'], [3, '黄金村', '95.35', '较好'], [2, '梅池村', 97.15, '好 ']])).toEqual([]);
  });

  it('names a changed cell at the row where it is found, a deleted row once and an added row', () => {
    expect(differences([['甲镇2018年度'], header, [1, '龙源村', 98.3, '较好'], [3, '黄金村', 95.35, '较好'], [4, '新村', 90, '好']])).toEqual([
      '考核结果!D3 等次为"较好"，重新计算为"好"',
      '考核结果!B4 缺少"梅池村"这一行（重新计算有，应在第 4 行）',
      '考核结果!B5 多出"新村"这一行（重新计算没有）',
    ]);
  });

  it('names a missing column once and a changed title', () => {
    expect(differences([['乙镇2018年度'], ['排名', '单位', '总分'], [1, '龙源村', 98.3], [2, '梅池村', 97.15], [3, '黄金村', 95.35]])).toEqual([
      '考核结果!A1 标题为"乙镇2018年度"，重新计算为"甲镇2018年度"',
      '考核结果!D2 缺少"等次"列（重新计算有此列）',
    ]);
  });

  it('keeps at most 500 differences and counts the rest', () => {
    const list = new DifferenceList();
    for (let i = 0; i < 503; i++) list.add({ sheet: 'x', cell: 'A1', found: '', expected: '', message: { code: 'verify.sheetMissing' } });
    expect([list.items.length, list.dropped, list.count]).toEqual([500, 3, 503]);
  });
});

describe('recorded record', () => {
  it.each([
    ['输入指纹：考核数据', { sheet: '考核数据', role: '考核数据' }],
    ['输入指纹：2018台账（考核数据）', { sheet: '2018台账', role: '考核数据' }],
    ['输入指纹：随便', null],
    ['输入指纹（SHA-256）', null],
  ])('%s', (label, parsed) => {
    expect(sheetFingerprintLabel(label)).toEqual(parsed);
  });

  it('reads references of 来源单元格', () => {
    expect(sourceRef('考核数据!D7/E7')).toEqual({ sheet: '考核数据', cell: 'D7' });
    expect(sourceRef('（缺失）')).toBeNull();
  });

  it('puts the recorded values in place of today\'s and appends the ones the sheet lacks', () => {
    const today: SheetGrid = { name: '考核参数', values: [['参数', '值'], ['镇名', '甲镇'], ['好等次名额', 4]], originRow: 0, originCol: 0 };
    const rebuilt = recordedParamsGrid(today, '考核参数', [
      { label: '好等次名额', value: '3', cell: 'B7' },
      { label: '贫困村帮扶资金（万元）', value: '5', cell: 'B15' },
    ]);
    expect(rebuilt.values).toEqual([['参数', '值'], ['镇名', '甲镇'], ['好等次名额', '3'], ['贫困村帮扶资金（万元）', '5']]);
    expect(today.values[2]).toEqual(['好等次名额', 4]);
  });
});
