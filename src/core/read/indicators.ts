/**
 * Reads the indicator table (指标设置, RULEBOOK §2) into `Indicator[]` — or, when the
 * workbook has no such sheet, the built-in DEFAULT_INDICATORS, turned into the same raw
 * sheet form and run through the same parser.
 *
 * Every problem is an Issue at its cell; a row with errors is left out (the run stops
 * anyway), the other rows are still checked so that the user sees every error at once.
 */
import { checkIndicatorRule } from './indicatorRules';
import { DEFAULT_INDICATORS, INDICATOR_HEADERS } from '../defaults';
import type { CellValue, Direction, Indicator, Method, SheetGrid, VetoCategory } from '../types';
import { a1 } from '../a1';
import { cellAt, formatAt, shownText } from './cells';
import type { IssueList } from './issues';
import { headerKey, normalizeText } from './normalize';
import { columnSpec, readNumber, type ColumnSpec } from './numbers';
import { ColumnFinder } from './sources';
import { findColumn, readTable, type TableHeader, type TableRow } from './table';
import { cellText, columnKind, isBlank, parseYesNo } from './values';
import { vetoCategory } from './veto';

/** 计分方法 words (normalised, a trailing 法 dropped) → method. */
const METHOD_WORDS: Record<string, Method> = {
  比例: 'ratio', 比率: 'ratio',
  区间: 'range', 线性: 'range', 区间线性: 'range', 线性插值: 'range',
  达标: 'pass', 是否: 'pass', 是否达标: 'pass',
  扣分: 'deduction', 减分: 'deduction',
  加分: 'bonus',
  直接: 'direct', 直接打分: 'direct', 直接评分: 'direct', 评分: 'direct', 打分: 'direct',
  相对: 'relative', 相对值: 'relative', 相对排名: 'relative',
};

/** 方向 words → direction (blank → 正向). */
const DIRECTION_WORDS: Record<string, Direction> = {
  正向: 'up', 越高越好: 'up', 越大越好: 'up', 正: 'up',
  逆向: 'down', 越低越好: 'down', 越小越好: 'down', 反向: 'down', 逆: 'down',
};

/**
 * Reads a 计分方法 cell. Null when unknown.
 * @example methodOf('比率') // => 'ratio'
 * @example methodOf('区间法') // => 'range'
 */
export function methodOf(text: string): Method | null {
  const word = normalizeText(text);
  return METHOD_WORDS[word] ?? (word.endsWith('法') ? (METHOD_WORDS[word.slice(0, -1)] ?? null) : null);
}

/** Reads a 方向 cell (blank → 'up'). Null when unknown. @example directionOf('越低越好') // => 'down' */
export function directionOf(text: string): Direction | null {
  const word = normalizeText(text);
  return word === '' ? 'up' : (DIRECTION_WORDS[word] ?? null);
}

/**
 * Splits 数据列 into one or two column names (`A/B`, also full-width `／`); null when malformed.
 * @example splitDataColumn('实际减贫人数/计划减贫人数') // => ['实际减贫人数', '计划减贫人数']
 */
export function splitDataColumn(text: string): [string] | [string, string] | null {
  const parts = text.normalize('NFKC').split('/').map((p) => p.trim());
  if (parts.some((p) => normalizeText(p) === '')) return null;
  if (parts.length === 1) return [parts[0]];
  if (parts.length === 2) return [parts[0], parts[1]];
  return null;
}

/** Index of a data sheet's headers by normalised key (first in column order wins). Cost: O(headers). */
export function headerIndex(headers: TableHeader[]): Map<string, TableHeader> {
  const index = new Map<string, TableHeader>();
  for (const h of headers) {
    const key = normalizeText(h.key);
    if (!index.has(key)) index.set(key, h);
  }
  return index;
}

/** Looks up a data column named in 数据列 (compared by header key). */
export function findDataHeader(index: Map<string, TableHeader>, name: string): TableHeader | null {
  return index.get(headerKey(name)) ?? null;
}

const COLUMN_ALIASES: Record<(typeof INDICATOR_HEADERS)[number], string[]> = {
  维度: ['维度', '考核维度', '一级指标'],
  指标: ['指标', '指标名称', '考核指标', '二级指标'],
  分值: ['分值', '分数', '满分'],
  计分方法: ['计分方法', '计分方式', '评分方法'],
  目标值: ['目标值', '目标'],
  下限: ['下限', '下限值'],
  每项分值: ['每项分值', '单项分值'],
  方向: ['方向', '指标方向'],
  数据列: ['数据列', '对应数据列', '数据来源列'],
  否决阈值: ['否决阈值', '否决线'],
  否决类别: ['否决类别', '否决条件'],
  说明: ['说明', '备注', '计分说明'],
};
type ColumnName = keyof typeof COLUMN_ALIASES;
const REQUIRED: ColumnName[] = ['维度', '指标', '分值', '计分方法'];

/**
 * The built-in set as the grid of a 指标设置 sheet (header row + one row per indicator).
 * @example builtinIndicatorGrid('指标设置').values[0][0] // => '维度'
 */
export function builtinIndicatorGrid(sheet: string): SheetGrid {
  const values: CellValue[][] = [INDICATOR_HEADERS.slice()];
  for (const row of DEFAULT_INDICATORS) values.push(INDICATOR_HEADERS.map((h) => row[h]));
  return { name: sheet, values, originRow: 0, originCol: 0 };
}

export interface IndicatorsRead {
  /**
   * In table order, ids 0…n−1. When the table has errors this is a best-effort list (rows
   * whose data can still be read, duplicates included) so that their data cells are checked.
   */
  indicators: Indicator[];
  source: 'sheet' | 'builtin';
  /** Dimensions in table order (of every row, also rows with errors). */
  dimensions: string[];
}

/** Where the data sheet's headers are, for kinds and the "column exists" check. */
export interface DataHeaders {
  sheet: string;
  headers: TableHeader[];
  /** The finder over 考核数据 and the other data sheets; default: `headers` only. */
  finder?: ColumnFinder;
}

/** A finder over one sheet's headers. */
export function headersFinder(sheet: string, headers: TableHeader[]): ColumnFinder {
  return new ColumnFinder([{ sheet, table: { sheet, headers, keyCol: -1, headerRow: 0, rows: [], skipped: [], mergesUnknown: false, hiddenKnown: true } }]);
}

/**
 * Reads 指标设置 (or the built-in set when `grid` is undefined). With `data`, each
 * indicator's kind comes from its data column's header, and a missing data column is an
 * error (at the 数据列 / 指标 cell; for the built-in set at the 考核数据 sheet level).
 * Cost: O(rows × columns). Never throws.
 * @example readIndicators(undefined, '指标设置', null, issues).indicators.length // => 17
 */
export function readIndicators(grid: SheetGrid | undefined, sheet: string, data: DataHeaders | null, issues: IssueList): IndicatorsRead {
  const source = grid ? 'sheet' : 'builtin';
  const table = readTable(grid ?? builtinIndicatorGrid(sheet), COLUMN_ALIASES.指标);
  if (!table) {
    issues.error(sheet, null, null, 'read.sheet.noHeader', { column: '指标' });
    return { indicators: [], source, dimensions: [] };
  }
  const cols = {} as Record<ColumnName, number | null>;
  for (const name of Object.keys(COLUMN_ALIASES) as ColumnName[]) cols[name] = findColumn(table, COLUMN_ALIASES[name])?.col ?? null;
  cols.指标 = table.keyCol;
  const missing = REQUIRED.filter((name) => cols[name] === null);
  for (const name of missing) issues.error(sheet, null, null, 'read.column.missing', { column: name });
  if (missing.length > 0) return { indicators: [], source, dimensions: [] };

  const finder = data ? (data.finder ?? headersFinder(data.sheet, data.headers)) : null;
  const parser = new RowParser(sheet, cols, issues, finder, data?.sheet ?? null, source === 'builtin');
  const indicators: Indicator[] = [];
  const firstName = new Map<string, number>();
  const dimensions: string[] = [];
  let dimension: string | null = null;
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    const dimensionText = normalizeText(cellText(cellAt(row, cols.维度!)));
    if (dimensionText) dimension = dimensionText;
    if (dimension && !dimensions.includes(dimension)) dimensions.push(dimension);
    const parsed = parser.parse(row, dimension, indicators.length);
    if (parsed === null) continue;
    const { indicator } = parsed;
    const key = normalizeText(indicator.name);
    const first = firstName.get(key);
    if (first !== undefined) {
      issues.error(sheet, row.row, table.keyCol, 'read.ind.duplicate', { name: indicator.name, first: a1(first, table.keyCol) });
    } else firstName.set(key, row.row);
    if (source === 'builtin') {
      indicator.source = null;
      indicator.clause = DEFAULT_INDICATORS[i]?.条款;
    }
    indicators.push(indicator);
  }
  if (table.rows.length === 0) issues.error(sheet, null, null, 'read.ind.none');
  return { indicators, source, dimensions };
}

/**
 * Parses one row of the indicator table and reports its errors. Returns the indicator
 * (best effort when `valid` is false), or null when its data could not even be read.
 */
class RowParser {
  constructor(
    private readonly sheet: string,
    private readonly cols: Record<ColumnName, number | null>,
    private readonly issues: IssueList,
    private readonly finder: ColumnFinder | null,
    private readonly dataSheet: string | null,
    private readonly builtin: boolean,
  ) {}

  private text(row: TableRow, name: ColumnName): string {
    const col = this.cols[name];
    return col === null ? '' : cellText(cellAt(row, col)).trim();
  }

  private value(row: TableRow, name: ColumnName): CellValue {
    const col = this.cols[name];
    return col === null ? null : cellAt(row, col);
  }

  private error(row: TableRow, name: ColumnName, fallback: ColumnName, code: Parameters<IssueList['error']>[3], params?: Record<string, string | number>): void {
    const col = this.cols[name] ?? this.cols[fallback];
    this.issues.error(this.sheet, row.row, col, code, params);
  }

  /** A number cell of the row read with `spec`; undefined on error (reported), null when blank. */
  private number(row: TableRow, name: ColumnName, spec: ColumnSpec, allowNegative = false): number | null | undefined {
    const col = this.cols[name];
    if (col === null) return null;
    const parsed = readNumber(cellAt(row, col), formatAt(row, col), spec, allowNegative);
    if (!parsed.ok) {
      this.issues.fail(this.sheet, row.row, col, parsed);
      return undefined;
    }
    return parsed.value;
  }

  parse(row: TableRow, dimension: string | null, id: number): { indicator: Indicator; valid: boolean } | null {
    const errorsBefore = this.issues.items.length;
    const name = this.text(row, '指标');
    if (!name) this.error(row, '指标', '指标', 'read.cell.required', { column: '指标' });
    if (!dimension) this.error(row, '维度', '指标', 'read.ind.dimension');

    const pointsValue = this.value(row, '分值');
    const pointsParsed = readNumber(pointsValue, formatAt(row, this.cols.分值!), PLAIN, true);
    const points = pointsParsed.ok && pointsParsed.value !== null && pointsParsed.value > 0 ? pointsParsed.value : null;
    if (points === null) this.error(row, '分值', '指标', 'read.ind.points', { found: shownText(pointsValue) });
    const methodText = this.text(row, '计分方法');
    const method = methodOf(methodText);
    if (!method) this.error(row, '计分方法', '指标', 'read.ind.method', { found: shownText(methodText) });
    const directionText = this.text(row, '方向');
    const direction = directionOf(directionText);
    if (!direction) this.error(row, '方向', '指标', 'read.ind.direction', { found: shownText(directionText) });

    const columnText = this.text(row, '数据列') || name;
    let columns = columnText ? splitDataColumn(columnText) : null;
    if (columnText && !columns) this.error(row, '数据列', '指标', 'read.ind.dataColumn', { found: shownText(columnText) });
    // `组标题/列标题` names one column under a group title, unless both parts are columns (A/B).
    if (columns && columns.length === 2 && this.finder) {
      const bothFound = columns.every((c) => this.finder!.find(c, dimension).ok);
      if (!bothFound && this.finder.find(columnText, dimension).ok) columns = [columnText];
    }

    const spec = this.specOf(columns, name, dimension);
    if (columns) this.checkColumns(row, columns, name, dimension);

    const target = this.targetOf(row, method, spec);
    const floor = this.number(row, '下限', spec, spec.kind === 'growth');
    const perItem = this.number(row, '每项分值', PLAIN);
    const vetoThreshold = this.number(row, '否决阈值', spec, spec.kind === 'growth');
    const category = this.vetoCategoryOf(row);

    if (method && target !== undefined && floor !== undefined && perItem !== undefined) {
      this.checkMethod(row, method, direction ?? 'up', target, floor, perItem);
    }
    if (vetoThreshold !== undefined && category !== undefined) {
      if (vetoThreshold !== null && category === null) this.error(row, '否决类别', '否决阈值', 'read.ind.vetoNoCategory');
      if (vetoThreshold === null && category !== null) this.error(row, '否决阈值', '否决类别', 'read.ind.vetoNoThreshold');
    }

    const valid = !this.issues.items.slice(errorsBefore).some((i) => i.severity === 'error');
    // A row with errors is still returned when its data can be read the way it would be
    // (name, method, columns known), so that its data cells are checked too.
    if (!name || !method || !columns || (method === 'pass' && target === undefined)) return null;
    const indicator: Indicator = {
      id,
      dimension: dimension ?? '',
      name,
      points: points ?? 0,
      method,
      target: target ?? null,
      floor: method === 'range' ? (floor ?? 0) : (floor ?? null),
      perItem: perItem ?? null,
      direction: direction ?? 'up',
      column: columnText,
      columns,
      kind: spec.kind,
      vetoThreshold: vetoThreshold ?? null,
      vetoCategory: category ?? null,
      note: this.text(row, '说明'),
      source: `${this.sheet}!${a1(row.row, this.cols.指标!)}`,
    };
    return { indicator, valid };
  }

  /** Kind (and money unit) of what the indicator sees: A/B is a proportion; else its data header's; else its name's. */
  private specOf(columns: [string] | [string, string] | null, name: string, dimension: string | null): ColumnSpec {
    if (columns && columns.length === 2) return { kind: 'proportion', moneyUnit: null, headerUnit: null };
    const found = columns && this.finder ? this.finder.find(columns[0], dimension) : null;
    if (found && found.ok) {
      const header = found.locations[0].header;
      return columnSpec(header.raw, header.unit);
    }
    return { kind: columnKind(name), moneyUnit: null, headerUnit: null };
  }

  /** Every data column must exist in 考核数据 (one error per missing column). */
  private checkColumns(row: TableRow, columns: string[], name: string, dimension: string | null): void {
    if (!this.finder || !this.dataSheet) return;
    for (const column of columns) {
      const found = this.finder.find(column, dimension);
      if (found.ok) continue;
      if (found.reason === 'ambiguous') {
        const params = { column, groups: found.groups.join('、'), example: `${found.groups[0] ?? ''}/${column}` };
        if (this.builtin) this.issues.error(this.dataSheet, null, null, 'read.column.ambiguous', params);
        else if (this.text(row, '数据列')) this.error(row, '数据列', '指标', 'read.column.ambiguous', params);
        else this.error(row, '指标', '指标', 'read.column.ambiguous', params);
        continue;
      }
      const params = { indicator: name, column };
      if (this.builtin) this.issues.error(this.dataSheet, null, null, 'read.ind.columnMissing', params);
      else if (this.text(row, '数据列')) this.error(row, '数据列', '指标', 'read.ind.columnMissing', params);
      else this.error(row, '指标', '指标', 'read.ind.columnMissing', params);
    }
  }

  /** 目标值; for 达标 a yes-word (是/达标) means "expects yes", like a blank. */
  private targetOf(row: TableRow, method: Method | null, spec: ColumnSpec): number | null | undefined {
    if (method === 'pass') {
      const yes = parseYesNo(this.value(row, '目标值'));
      if (yes.ok && yes.value === true && typeof this.value(row, '目标值') === 'string') return null;
    }
    return this.number(row, '目标值', spec, spec.kind === 'growth');
  }

  private vetoCategoryOf(row: TableRow): VetoCategory | null | undefined {
    const value = this.value(row, '否决类别');
    if (isBlank(value)) return null;
    const category = vetoCategory(value);
    if (category === null) {
      this.error(row, '否决类别', '否决类别', 'read.vetoCategory', { column: '否决类别', found: shownText(value) });
      return undefined;
    }
    return category;
  }

  /** The method's own requirements (indicatorRules.ts), each finding at its column's cell. */
  private checkMethod(row: TableRow, method: Method, direction: Direction, target: number | null, floor: number | null, perItem: number | null): void {
    const found = (name: ColumnName) => shownText(this.value(row, name));
    for (const finding of checkIndicatorRule({ method, direction, target, floor: floor ?? 0, perItem })) {
      const params = { found: found(finding.column), floor: found('下限') || '0', target: found('目标值') };
      this.error(row, finding.column, '计分方法', finding.code as Parameters<IssueList['error']>[3], params);
    }
  }
}

const PLAIN: ColumnSpec = { kind: 'number', moneyUnit: null, headerUnit: null };
