import { VETO_CONDITIONS } from '../../../src/core/defaults';
import { vetoCategory } from '../../../src/core/read/veto';

describe('vetoCategory', () => {
  it.each<[unknown, number | null]>([
    [1, 1], [5, 5], [0, null], [6, null], [2.5, null],
    ['3', 3], ['３', 3], ['六、4', 4], ['第2条', 2], ['四', 4],
    ['减贫计划', 1], ['未完成减贫任务', 1],
    ['资金', 2], ['违规使用扶贫资金', 2],
    ['弄虚作假', 3], ['数字脱贫', 3], ['搞"数字脱贫"', 3],
    ['准确率', 4], ['满意度低', 4],
    ['违纪违规', 5], ['纪检', 5], ['监察发现', 5], ['审计', 5],
    ['其他', null], ['', null], [null, null], [true, null],
  ])('%p → %p', (value, expected) => expect(vetoCategory(value as never)).toBe(expected));

  it('reads every full condition text', () => {
    for (const [n, text] of Object.entries(VETO_CONDITIONS)) expect(vetoCategory(text)).toBe(Number(n));
  });
});
