/**
 * Every unit's value for every indicator, as typed columns: the one form in which read
 * values reach compute, the checks and the analyses.
 *
 * Why columns and not an object per value: at 100,000 units × 40 indicators one object per
 * value is 4 million objects that every garbage collection walks while the pipeline runs
 * (measured with `npm run bench -- --only core`: the object form made compute 21× a bare
 * loop over the same numbers and readInput 148×; most of it was the collector). Scoring
 * reads one indicator's column at a time, so the layout is indicator-major.
 *
 * The texts of a value (the cell as read, its reference) are built only when asked for,
 * by the reader that made the table (`Describe`): only 计算明细, a veto or a warning need them.
 */
/** Builds the display text and the cell reference of one value on demand. */
export interface Describe {
  /** The cell(s) as read (`95%`, `是`, `120/100`); '' when there is none. */
  display(unit: number, indicator: number): string;
  /** Full reference(s): `考核数据!F7`, `考核数据!D7/E7`; '' when there is none. */
  cell(unit: number, indicator: number): string;
}

const NO_TEXT: Describe = { display: () => '', cell: () => '' };

export class ValueTable {
  /**
   * Indicator-major `[indicator * units + unit]`: the normalised number (rates as
   * fractions, yes/no as 1/0, money in 元), NaN where there is none (missing).
   */
  readonly value: Float64Array;
  /** Same layout: 1 where the cell was blank and 缺失数据=按0分 scored it 0. */
  readonly missing: Uint8Array;

  /**
   * An empty table (every value missing, none blank) of `units × indicators`; the reader
   * fills `value` and `missing` directly. Cost: O(units × indicators) memory, 9 bytes a value.
   * @example new ValueTable(2, 3).get(1, 2) // => null
   */
  constructor(
    readonly units: number,
    readonly indicators: number,
    private readonly describe: Describe = NO_TEXT,
  ) {
    this.value = new Float64Array(units * indicators);
    // A plain loop: TypedArray#fill on millions of doubles measured 15× slower here (Node 20).
    const value = this.value;
    for (let k = 0; k < value.length; k++) value[k] = NaN;
    this.missing = new Uint8Array(units * indicators);
  }

  /**
   * One value, or null when there is none. Cost: O(1).
   * @example table.get(0, 1) // => 0.95
   */
  get(unit: number, indicator: number): number | null {
    const v = this.value[indicator * this.units + unit];
    return v === v ? v : null;
  }

  /** The cell(s) as read, built on each call. Cost: O(1) plus the text. */
  display(unit: number, indicator: number): string {
    return this.describe.display(unit, indicator);
  }

  /** The full reference(s), built on each call. Cost: O(1) plus the text. */
  cell(unit: number, indicator: number): string {
    return this.describe.cell(unit, indicator);
  }

  /**
   * One indicator's column (a view, not a copy): `value[u]` for unit u. Cost: O(1).
   * @example table.column(1)[0] // => 0.95
   */
  column(indicator: number): Float64Array {
    return this.value.subarray(indicator * this.units, (indicator + 1) * this.units);
  }
}
