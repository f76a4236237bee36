import { checkIndicatorRule, type RuleInput } from '../../../src/core/read/indicatorRules';

const base: RuleInput = { method: 'ratio', direction: 'up', target: 1, floor: 0, perItem: null };

describe('checkIndicatorRule (zod schema of method requirements)', () => {
  test.each<[string, Partial<RuleInput>, { column: string; code: string }[]]>([
    ['ratio with a target', {}, []],
    ['ratio without a target', { target: null }, [{ column: '目标值', code: 'read.ind.ratioTarget' }]],
    ['ratio with target 0', { target: 0 }, [{ column: '目标值', code: 'read.ind.ratioTarget' }]],
    ['range without a target', { method: 'range', target: null }, [{ column: '目标值', code: 'read.ind.rangeTarget' }]],
    ['range with target = floor', { method: 'range', target: 0.9, floor: 0.9 }, [{ column: '下限', code: 'read.ind.rangeEqual' }]],
    ['正向 range with floor above target', { method: 'range', target: 0.5, floor: 0.9 }, [{ column: '下限', code: 'read.ind.rangeUp' }]],
    ['逆向 range with floor below target', { method: 'range', direction: 'down', target: 0.5, floor: 0.1 }, [{ column: '下限', code: 'read.ind.rangeDown' }]],
    ['逆向 range with floor above target', { method: 'range', direction: 'down', target: 0.1, floor: 0.5 }, []],
    ['deduction without points per item', { method: 'deduction', target: null }, [{ column: '每项分值', code: 'read.ind.perItem' }]],
    ['bonus with negative points per item', { method: 'bonus', perItem: -1 }, [{ column: '每项分值', code: 'read.ind.perItem' }]],
    ['bonus with points per item', { method: 'bonus', perItem: 0.5, target: null }, []],
    ['pass needs nothing', { method: 'pass', target: null }, []],
    ['direct needs nothing', { method: 'direct', target: null }, []],
    ['relative needs nothing', { method: 'relative', target: null }, []],
  ])('%s', (_name, change, expected) => {
    expect(checkIndicatorRule({ ...base, ...change })).toEqual(expected);
  });
});
