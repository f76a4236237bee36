import { parseCsv } from './csv';

describe('parseCsv', () => {
  it.each([
    ['plain fields', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['quoted comma and doubled quote', 'a,"b,""c"""', [['a', 'b,"c"']]],
    ['line break inside quotes', '1,"两行\n文字",x\n2,y,z', [['1', '两行\n文字', 'x'], ['2', 'y', 'z']]],
    ['CRLF line ends and a final newline', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['empty fields kept', ',,\n', [['', '', '']]],
    ['byte-order mark dropped', '\uFEFF排名,单位', [['排名', '单位']]],
    ['empty text', '', []],
  ])('%s', (_, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });
});
