import { formatTable } from '../../src/cli/table';

describe('formatTable', () => {
  it('aligns CJK text by display width', () => {
    const text = formatTable(
      ['排名', '单位', '总分'],
      [
        ['1', '龙源村', '98.30'],
        ['10', '七里冲村', '71.56'],
      ],
      ['right', 'left', 'right'],
    );
    expect(text).toBe(['排名  单位       总分', '   1  龙源村    98.30', '  10  七里冲村  71.56'].join('\n'));
  });
});
