/**
 * Value tables for tests: built from plain values by unit, and read back as plain values
 * (the input model's `IndicatorValue`), so assertions can name every field.
 */
import type { IndicatorValue } from '../../src/core/types';
import { ValueTable } from '../../src/core/valueTable';

/**
 * A table from plain values by unit (`rows[u][i]`), texts kept as given.
 * Cost: O(units × indicators).
 * @example tableOf([[{ value: 1, display: '1', cell: '考核数据!C3', missing: false }]]).get(0, 0) // => 1
 */
export function tableOf(rows: IndicatorValue[][], indicators = rows[0]?.length ?? 0): ValueTable {
  const table = new ValueTable(rows.length, indicators, {
    display: (u, i) => rows[u][i]?.display ?? '',
    cell: (u, i) => rows[u][i]?.cell ?? '',
  });
  rows.forEach((row, u) => {
    for (let i = 0; i < indicators; i++) {
      const v = row[i];
      if (!v) continue;
      table.value[i * rows.length + u] = v.value === null ? NaN : v.value;
      table.missing[i * rows.length + u] = v.missing ? 1 : 0;
    }
  });
  return table;
}

/**
 * One value of a table as a plain object.
 * @example valueAt(table, 0, 1) // => { value: 0.95, display: '95%', cell: '考核数据!F3', missing: false }
 */
export function valueAt(table: ValueTable, unit: number, indicator: number): IndicatorValue {
  return {
    value: table.get(unit, indicator),
    display: table.display(unit, indicator),
    cell: table.cell(unit, indicator),
    missing: table.missing[indicator * table.units + unit] === 1,
  };
}
