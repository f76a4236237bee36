import { rankedRowsFromGrid, rankedRowsFromJson } from './workbook';
import type { JsonReport } from '../../../src/core/types';

describe('rankedRowsFromGrid', () => {
  it('finds the header under the title and reads rows until the first row without a unit', () => {
    const grid = [
      ['镇2018年度考核结果'],
      ['排名', '单位', '类型', '总分', '等次', '说明'],
      [1, '龙源村', '村', 98.3, '好', ''],
      ['2', ' 文白社区 ', '社区', '97.5', '较好', '多行\n说明'],
      [null, null],
      [3, '不应读到', '村', 1, '较差'],
    ];
    expect(rankedRowsFromGrid(grid)).toEqual([
      { rank: 1, name: '龙源村', total: 98.3, grade: '好' },
      { rank: 2, name: '文白社区', total: 97.5, grade: '较好' },
    ]);
  });

  it('throws when there is no ranking header', () => {
    expect(() => rankedRowsFromGrid([['单位', '得分']])).toThrow('no header row');
  });
});

describe('rankedRowsFromJson', () => {
  it('keeps rank, name, total and grade in the JSON order', () => {
    const json = { units: [{ name: '龙源村', rank: 1, total: 98.3, grade: '好', type: '村' }] } as unknown as JsonReport;
    expect(rankedRowsFromJson(json)).toEqual([{ rank: 1, name: '龙源村', total: 98.3, grade: '好' }]);
  });
});
