import { MERGE_FILL_LIMIT, fillMerges, parseRange } from '../../../src/core/read/merges';
import type { CellValue } from '../../../src/core/types';
import { grid } from '../../helpers/grid';

describe('parseRange', () => {
  it.each([
    ['A5:B9', { top: 4, left: 0, bottom: 8, right: 1 }],
    ['$C$3:$E$3', { top: 2, left: 2, bottom: 2, right: 4 }],
    ['B9:A5', { top: 4, left: 0, bottom: 8, right: 1 }],
    ['XFD1048576', { top: 1048575, left: 16383, bottom: 1048575, right: 16383 }],
  ])('%s', (text, expected) => expect(parseRange(text)).toEqual(expected));
  it.each(['', 'A0', '5A', 'A1:B', 'Sheet1!A1'])('rejects %p', (text) => expect(parseRange(text)).toBeNull());
});

describe('fillMerges', () => {
  it('copies the top-left value into every covered cell, copying rows before writing (shared empty rows stay empty)', () => {
    const empty: CellValue[] = [];
    const values: CellValue[][] = [['类型', '单位'], ['村', '龙源'], empty, empty, ['合计', null, 3]];
    const filled = fillMerges(grid('S', values, { merges: ['A2:A4', 'A5:B5'] }));
    expect(filled.values).toEqual([['类型', '单位'], ['村', '龙源'], ['村'], ['村'], ['合计', '合计', 3]]);
    expect(empty).toEqual([]);
    expect(values[4]).toEqual(['合计', null, 3]);
    expect(filled.truncated).toBe(false);
  });

  it('honours the grid origin and ignores merges outside the grid', () => {
    const filled = fillMerges(grid('S', [['村', 1], [null, 2]], { originRow: 4, originCol: 2, merges: ['C5:C6', 'A1:B2'] }));
    expect(filled.values).toEqual([['村', 1], ['村', 2]]);
  });

  it(`stops at ${MERGE_FILL_LIMIT} filled cells and says so`, () => {
    const rows: CellValue[][] = [['x', ...new Array<CellValue>(9999).fill(null)]];
    for (let r = 1; r < 300; r++) rows.push(new Array<CellValue>(10000).fill(1));
    const filled = fillMerges(grid('S', rows, { merges: ['A1:NTP300'] }));
    expect(filled.truncated).toBe(true);
  });
});
