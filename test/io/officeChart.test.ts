/**
 * The Office.js chart writer queues the calls ExcelApi 1.1 offers (charts.add over the
 * sheet's cells, title, position, one fill per bar) and, with ExcelApi 1.7, a dashed line
 * series per boundary. A recording fake stands in for Excel.
 */
import { addOfficeChart } from '../../src/io/officeChart';
import type { OutputSheet } from '../../src/core/types';

function fakeWorksheet() {
  const calls: string[] = [];
  const point = (i: number) => ({ format: { fill: { setSolidColor: (c: string) => calls.push(`point ${i} ${c}`) } } });
  const added: Record<string, unknown>[] = [];
  const chart = {
    title: { text: '' },
    legend: { position: '' },
    setPosition: (a: string, b: string) => calls.push(`position ${a}:${b}`),
    series: {
      getItemAt: () => ({ points: { getItemAt: point } }),
      add: (name: string) => {
        const series = { name, chartType: '', format: { line: { color: '', lineStyle: '' } }, setValues: (r: { address: string }) => calls.push(`values ${name} ${r.address}`) };
        added.push(series);
        return series;
      },
    },
  };
  const worksheet = {
    getRange: (address: string) => ({ address }),
    charts: { add: (type: string, range: { address: string }, by: string) => (calls.push(`add ${type} ${range.address} ${by}`), chart) },
  };
  return { worksheet: worksheet as unknown as Excel.Worksheet, calls, chart, added };
}

const sheet = {
  name: '图表',
  chart: {
    kind: 'bar',
    title: '总分',
    categories: 'B3:B5',
    values: 'C3:C5',
    seriesName: '总分',
    colors: ['FF2E7D32', 'FF1F77B4', 'FFF2A900'],
    lines: [{ label: '"好"线 95', value: 95, color: 'FF2E7D32', range: 'E3:E5' }],
    anchor: { fromRow: 1, fromCol: 7, toRow: 24, toCol: 19 },
  },
} as unknown as OutputSheet;

describe('addOfficeChart', () => {
  it('with ExcelApi 1.1: a column chart over B2:C5, titled, placed, one fill per bar', () => {
    const fake = fakeWorksheet();
    addOfficeChart(fake.worksheet, sheet, false);
    expect(fake.calls).toEqual(['add ColumnClustered B2:C5 Columns', 'position H2:T25', 'point 0 #2E7D32', 'point 1 #1F77B4', 'point 2 #F2A900']);
    expect(fake.chart.title.text).toBe('总分');
    expect(fake.added).toEqual([]);
  });

  it('with ExcelApi 1.7: plus a dashed line series per boundary', () => {
    const fake = fakeWorksheet();
    addOfficeChart(fake.worksheet, sheet, true);
    expect(fake.calls).toContain('values "好"线 95 E3:E5');
    expect(fake.added[0]).toMatchObject({ chartType: 'Line', format: { line: { color: '#2E7D32', lineStyle: 'Dash' } } });
  });

  it('does nothing on a host without charts', () => {
    expect(() => addOfficeChart({} as Excel.Worksheet, sheet, true)).not.toThrow();
  });
});
