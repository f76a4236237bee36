/**
 * The data model shared by every step of the pipeline:
 * snapshot (what an adapter read) → AssessmentInput (validated, normalised) →
 * AssessmentResult (scores, vetoes, ranks, grades, interviews, assistance) →
 * OutputSheet[] + WritePlan (what an adapter writes) and JsonReport (what the CLI prints).
 *
 * Pure types: no Office, DOM, React or Node.
 */
import type { MessageCode } from './messages';
import type { ValueTable } from './valueTable';

// ───────────────────────── input snapshot ─────────────────────────

/** An Excel error value such as `#DIV/0!` or `#N/A`. */
export interface ErrorValue {
  error: string;
  /**
   * True when the cell holds a formula that was never calculated (no cached value in the
   * file): `error` is then the formula text without `=`. Reading it is an error naming the
   * cell that says to open and save the file in Excel or WPS first.
   */
  uncached?: boolean;
}

/** One cell as an adapter hands it over: formulas already replaced by their results. */
export type CellValue = string | number | boolean | Date | ErrorValue | null;

/** The used range of one sheet. `values[0][0]` sits at (originRow, originCol), both 0-based. */
export interface SheetGrid {
  name: string;
  values: CellValue[][];
  /** Number formats, same shape as `values` (may be shorter or absent: treated as "General"). */
  formats?: (string | null)[][];
  originRow: number;
  originCol: number;
  /**
   * Merged ranges that touch the grid, as absolute A1 ranges of the sheet (`A5:A9`).
   * Only the top-left cell of a merge holds its value in `values`. Undefined: the host
   * could not say (e.g. Excel before ExcelApi 1.13); [] means none.
   */
  merges?: string[];
  /** 1-based sheet row numbers of hidden rows. Undefined: the host could not say (ExcelApi 1.1). */
  hiddenRows?: number[];
  /** 1-based sheet column numbers of hidden columns. Undefined: the host could not say. */
  hiddenCols?: number[];
  /**
   * Set when the adapter could not read the sheet within its limits (too many cells, too
   * large a part): `values` is then []. The core reports it as an error when the sheet
   * plays a role, and skips it with a warning when it was only searched for extra data.
   */
  unreadable?: Msg;
}

/** Everything the core needs from a workbook. */
export interface WorkbookSnapshot {
  /** Every sheet in tab order, hidden ones included. */
  sheetNames: string[];
  /** Grids of the sheets that were read (role sheets and Kaohe's registry sheet), by exact name. */
  sheets: Record<string, SheetGrid>;
}

/** Which sheet plays which role. Defaults: 考核数据, 指标设置, 问题清单, 帮扶单位, 考核参数. */
export interface Roles {
  data: string;
  indicators: string;
  problems: string;
  assistance: string;
  params: string;
}

// ───────────────────────── messages and issues ─────────────────────────

export type Lang = 'zh' | 'en';
export type MsgParams = Record<string, string | number>;

/** A sentence not yet rendered in a language: code + parameters. See messages.ts. */
export interface Msg {
  code: MessageCode;
  params?: MsgParams;
}

export type Severity = 'error' | 'warning';

/**
 * An input error or warning, as data. `cell` is an A1 address without the sheet (`F7`),
 * or '' when the finding concerns the whole sheet.
 */
export interface Issue extends Msg {
  severity: Severity;
  sheet: string;
  cell: string;
}

// ───────────────────────── parameters ─────────────────────────

export type TieMode = 'high' | 'low';
export type MissingPolicy = 'error' | 'zero';
/** 隐藏行: 计入 (count hidden rows, each a warning; default) or 不计入 (leave them out). */
export type HiddenRowsPolicy = 'count' | 'exclude';
/** 评分汇总 for several assessors: 平均 (default) or 去掉最高最低 (trimmed mean, ≥ 5 assessors). */
export type AggregatePolicy = 'mean' | 'trimmed';
/** 排名方式: 美式 competition ranking 1, 2, 2, 4 (default) or 中国式 dense ranking 1, 2, 2, 3. */
export type RankStyle = 'competition' | 'dense';

export interface AssistanceThresholds {
  /** 单位正职到联点村现场办公, times (≥). Default 2. */
  visits: number;
  /** 帮扶资金和物资 for a 贫困村, 万元 (≥). Default 5. */
  fundsPoor: number;
  /** 帮扶资金和物资 for other villages, 万元 (≥). Default 3. */
  fundsOther: number;
  /** 产业发展基地, count (≥). Default 1. */
  bases: number;
  /** 工作队员驻村时间, days in every assessed month (≥). Default 20. */
  daysPerMonth: number;
}

export interface Params {
  /** 镇名. Default 羊楼司镇. */
  town: string;
  /** 考核年度. Default: year of 考核日期, else the current year. */
  year: number;
  /** 考核日期, ISO `YYYY-MM-DD`. Default: 31 December of the assessment year. */
  date: string;
  /** 整改期限天数. Default 30. */
  deadlineDays: number;
  /** 好等次名额. Default 3. */
  goodQuota: number;
  /** 一般等次名额. Default 2. */
  averageQuota: number;
  /** 并列处理: 就高 (default) or 就低. */
  tieMode: TieMode;
  /** 同分排序依据: dimension names in order; default = the indicator table's dimensions in order. */
  tieBreak: string[];
  /** 分类排名: rank each 类型 separately. Default false. */
  rankByType: boolean;
  /** 缺失数据: 报错 (default) or 按0分. */
  missing: MissingPolicy;
  /** 年终折算分值, or null when not set. */
  conversion: number | null;
  assistance: AssistanceThresholds;
  /** 隐藏行. Default 'count'. */
  hiddenRows: HiddenRowsPolicy;
  /** 评分汇总. Default 'mean'. */
  aggregate: AggregatePolicy;
  /** 排名方式. Default 'competition'. */
  rankStyle: RankStyle;
  /** 否决单位可评好 (a vetoed unit may still be graded 好). Default false (RULEBOOK §4.3). */
  vetoedMayBeGood: boolean;
  /** 稳健性分析: 权重扰动幅度 (fraction, default 0.1) and 权重扰动次数 (default 1000). */
  robustness: { spread: number; runs: number };
  /** Which parameters were given in 考核参数 (by canonical name), for the 考核说明 sheet. */
  given: string[];
}

// ───────────────────────── indicators ─────────────────────────

export type Method = 'ratio' | 'range' | 'pass' | 'deduction' | 'bonus' | 'direct' | 'relative';
export type Direction = 'up' | 'down';
export type VetoCategory = 1 | 2 | 3 | 4 | 5;

/** How a data column's numbers are read (WORKBOOK "Tolerance"). */
export type ColumnKind =
  | 'proportion' // 覆盖率, 准确率, 满意度, 完成率, %: a fraction in [0, 1]
  | 'growth' // 增长率, 增幅: a fraction, any sign and size
  | 'number'; // counts, amounts, scores: ≥ 0

export interface Indicator {
  /** Position in the indicator table (0-based); stable id within one run. */
  id: number;
  dimension: string;
  name: string;
  points: number;
  method: Method;
  /** Normalised like the data column (a rate target of `100%` or `100` is 1). */
  target: number | null;
  floor: number | null;
  perItem: number | null;
  direction: Direction;
  /** 数据列 as written (`实际减贫人数/计划减贫人数`), defaulting to 指标. */
  column: string;
  /** Numerator and, for `A/B`, denominator column names. */
  columns: [string] | [string, string];
  /** Kind of the value the indicator sees: an `A/B` ratio counts as a proportion. */
  kind: ColumnKind;
  vetoThreshold: number | null;
  vetoCategory: VetoCategory | null;
  note: string;
  /** `指标设置!B5` for a row of the sheet, or null for the built-in set. */
  source: string | null;
  /** For the built-in set: the clause of the measures it implements, e.g. `四(一)1`. */
  clause?: string;
}

// ───────────────────────── validated input ─────────────────────────

/** One unit's value for one indicator, after parsing. */
export interface IndicatorValue {
  /** Normalised number (rates as fractions, yes/no as 1/0, money in 元), or null when missing. */
  value: number | null;
  /** The cell(s) as read, for 计算明细 (`95%`, `是`, `120/100`). */
  display: string;
  /** Full reference(s): `考核数据!F7`, or `考核数据!D7/E7` for an `A/B` column. */
  cell: string;
  /** True when the cell was blank and the missing-data policy scored it 0. */
  missing: boolean;
}

export interface UnitRow {
  name: string;
  /** 村 or 社区 (or whatever the 类型 column says). */
  type: string;
  person: string | null;
  poor: boolean | null;
  /** 1-based sheet row. */
  row: number;
  /** `考核数据!B7`. */
  nameCell: string;
}

export interface Problem {
  /** Canonical unit name (as in 考核数据). */
  unit: string;
  category: VetoCategory;
  description: string;
  source: string;
  date: string;
  prominent: boolean;
  /** 1-based sheet row. */
  row: number;
  /** Evidence reference, `问题清单!B5`. */
  ref: string;
}

export type AssistanceItemKey =
  | '纳入议事日程'
  | '成立领导小组'
  | '制定实施方案'
  | '建立干部联户制度'
  | '正职现场办公'
  | '帮扶资金物资'
  | '产业发展基地'
  | '驻村时间'
  | '工作规划'
  | '半年总结'
  | '全年总结'
  | '结对帮扶'
  | '每户脱贫方案'
  | '资金整合任务';

export type AssistanceItemInput =
  | { kind: 'yes'; value: boolean | null; cell: string }
  | { kind: 'count'; value: number | null; cell: string }
  /** Money in 万元. */
  | { kind: 'money'; wan: number | null; cell: string }
  /** Monthly stays; blank months are left out. `minimum` when one 最少月驻村天数 column is used. */
  | { kind: 'months'; months: { month: number; days: number; cell: string }[]; minimum: { days: number; cell: string } | null; cell: string }
  | { kind: 'na'; cell: string };

export interface AssistanceRow {
  name: string;
  /** Canonical unit name of the 联点村. */
  village: string;
  poor: boolean | null;
  row: number;
  items: Partial<Record<AssistanceItemKey, AssistanceItemInput>>;
}

export interface AssessmentInput {
  params: Params;
  indicators: Indicator[];
  indicatorSource: 'sheet' | 'builtin';
  units: UnitRow[];
  /**
   * Every unit's value for every indicator (unit = position in `units`, indicator = its
   * position in `indicators`), as typed columns (valueTable.ts says why).
   */
  values: ValueTable;
  problems: Problem[];
  /** Null when there is no 帮扶单位 sheet. */
  assistance: AssistanceRow[] | null;
  roles: Roles;
  /** SHA-256 (hex) of the input sheets' contents. */
  fingerprint: string;
  /** One fingerprint per role sheet read (role, sheet, SHA-256), recorded in 考核说明 for verify. */
  sheetFingerprints?: { role: string; sheet: string; fingerprint: string }[];
  /** Warnings found while reading (errors stop before this object exists). */
  warnings: Issue[];
}

// ───────────────────────── result ─────────────────────────

export type Grade = '好' | '较好' | '一般' | '较差';

export interface IndicatorScore {
  indicatorId: number;
  value: number | null;
  display: string;
  cell: string;
  /** Full precision. */
  score: number;
  /** Rounded to 2 decimals, half away from zero. */
  rounded: number;
  /** How the score was made, e.g. `20 × min(1, 95% ÷ 100%)`. */
  formula: string;
}

export interface Veto {
  category: VetoCategory;
  /** What happened (rendered per language). */
  text: Msg;
  /** `考核数据!D7` or `问题清单!B5`. */
  evidence: string;
  from: 'indicator' | 'problem';
}

export interface UnitResult {
  name: string;
  type: string;
  person: string | null;
  row: number;
  nameCell: string;
  rank: number;
  /** Rounded total; `totalExact` keeps full precision. */
  total: number;
  totalExact: number;
  converted: number | null;
  /** Rounded dimension scores, in indicator-table order. */
  dimensions: Record<string, number>;
  grade: Grade;
  eligible: boolean;
  interview: boolean;
  prominent: boolean;
  vetoes: Veto[];
}

export interface Interview {
  unit: string;
  person: string | null;
  /** The unit's vetoes, in order: each is one reason, with its evidence (sentences: report/words.ts `vetoLine`). */
  vetoes: Veto[];
  /** ISO date. */
  deadline: string;
}

export interface AssistanceItemResult {
  item: AssistanceItemKey;
  /** null: 不适用. */
  passed: boolean | null;
  fact: Msg;
  cell: string;
}

export interface AssistanceResult {
  name: string;
  village: string;
  passed: boolean;
  items: AssistanceItemResult[];
}

export interface AssessmentResult {
  params: Params;
  indicators: Indicator[];
  dimensions: string[];
  /** In rank order (with 分类排名: by type, then rank). */
  units: UnitResult[];
  /**
   * Every indicator's score of the unit at `units[position]`, with its value, cell and
   * formula: plain objects built on each call. Not kept on the units: at 100,000 units ×
   * 40 indicators that would be 4 million objects that only 计算明细 reads (see
   * compute/index.ts for the figures). Cost: O(indicators) per call.
   */
  scoresOf(position: number): IndicatorScore[];
  /**
   * Why the grade of the unit at `units[position]` is what it is, one sentence each
   * (vetoed: never 好; a tie decided by a dimension; a tie across a quota boundary), built
   * on each call: at 100,000 units most share a total with a neighbour, and a list of
   * names per unit that only 考核结果 reads would double the core's time (figures in
   * compute/index.ts). Cost: O(notes × NAME_LIST_CAP) per call.
   */
  notesOf(position: number): Msg[];
  interviews: Interview[];
  assistance: AssistanceResult[] | null;
  /** Reading warnings plus computed ones (ties for a human decision, outliers, A/B above 1). */
  warnings: Issue[];
}

// ───────────────────────── output ─────────────────────────

export type OutValue = string | number | null;

export interface OutCell {
  v: OutValue;
  /** Number format, e.g. `0.00`; text cells get `@`. */
  fmt?: string;
  /** ARGB fill, e.g. `FFC6EFCE`. */
  fill?: string;
  bold?: boolean;
  wrap?: boolean;
  /** A cell note (comment); adapters without notes rely on the 说明 column. */
  note?: string;
  /** Literal text from the input: never a formula, whatever its first character. */
  text?: boolean;
  align?: 'left' | 'center' | 'right';
}

/**
 * Rows built on demand, for a sheet too big to hold as cells (计算明细 at 200,000 units ×
 * 40 indicators is 8 million rows). `band(start, end)` builds rows [start, end) afresh on
 * each call, 0 ≤ start ≤ end ≤ count. Their notes are written only when `notes` says how
 * many there are (the writer must know before it writes the rows); their heights are the
 * sheet's `heights` like any row's (tableSheet fits wrapped lazy rows when asked). Read
 * them through src/core/report/rows.ts (`sheetBands`, `eagerSheet`).
 */
export interface LazyRows {
  /** Where the rows go among the held ones: before `rows[at]` (after the title and header). */
  at: number;
  count: number;
  /** No lazy row has more cells. */
  columns: number;
  band(start: number, end: number): OutCell[][];
  /** How many cells of rows [start, end) carry a note, without building them; absent: none (any note there is not written). */
  notes?(start: number, end: number): number;
}

/** A sheet Kaohe writes, laid out from A1. Row 0 is the title row. */
export interface OutputSheet {
  name: string;
  /** The rows held as cells: every row, unless `lazy` adds more among them. */
  rows: OutCell[][];
  /** Rows built on demand, inserted before `rows[lazy.at]`; see LazyRows. */
  lazy?: LazyRows;
  /** A1 ranges, e.g. `A1:H1`. */
  merges: string[];
  /** Column widths in characters. */
  widths: number[];
  /**
   * Row heights in points, by 0-based sheet row (lazy rows counted); null or absent keeps
   * the default height. Set for rows
   * whose wrapped text needs more than one line (LibreOffice and WPS do not grow them).
   */
  heights?: (number | null)[];
  /** Rows frozen at the top (title + header = 2). */
  freezeRows: number;
  freezeCols: number;
  /** 1-based rows that hold table headers (bold, bordered). */
  headerRows: number[];
  print: { landscape: boolean; fitToWidth: boolean; repeatRows?: string };
  hidden?: boolean;
  /** A chart drawn on this sheet (the 图表 sheet); adapters without charts skip it. */
  chart?: ChartSpec;
}

/**
 * A bar chart of one series over ranges of its own sheet, one colour per bar, with
 * horizontal reference lines (e.g. the 好 and 一般 boundaries). Ranges are absolute A1
 * on the sheet that carries the chart (`B3:B21`).
 */
export interface ChartSpec {
  kind: 'bar';
  title: string;
  /** Category labels (unit names). */
  categories: string;
  /** Values (totals). */
  values: string;
  seriesName: string;
  /** ARGB colour per bar, in category order (e.g. by grade). */
  colors: string[];
  /** Horizontal lines at a value, each drawn as its own line series. */
  lines: {
    label: string;
    value: number;
    color: string;
    /** Optional A1 range on the same sheet holding `value` once per category (some readers, e.g. LibreOffice, draw a line series only from cells). */
    range?: string;
  }[];
  /** Where the chart sits, 0-based cells: from (row, col) to (row, col), exclusive end. */
  anchor: { fromRow: number; fromCol: number; toRow: number; toCol: number };
}

/** What an adapter must do to the workbook, decided by the core (write.ts). */
export interface WritePlan {
  /** Kaohe's own sheets from an earlier run: delete them first. */
  remove: string[];
  /** Sheets to add, in order, with the final names chosen (a user's sheet of the same name is kept). */
  add: OutputSheet[];
  /** Sheets that could not take their usual name because a user's sheet has it. */
  renamed: { wanted: string; actual: string }[];
}

// ───────────────────────── JSON (WORKBOOK "Command line") ─────────────────────────

export interface JsonReport {
  year: number | null;
  units: {
    name: string;
    type: string;
    rank: number;
    total: number;
    converted: number | null;
    grade: Grade;
    eligible: boolean;
    interview: boolean;
    vetoes: { category: VetoCategory; text: string; evidence: string }[];
    dimensions: Record<string, number>;
    /** Issue 13 (with the analyses): share of runs keeping the grade, best and worst rank. */
    robustness?: { stability: number; ranks: [number, number] } | null;
    /** Smallest increase of the total giving the next better grade; null when none (see 稳健性分析). */
    toBetter?: number | null;
    /** Largest decrease keeping the grade; null for 一般 and 较差. */
    toWorse?: number | null;
    /** Last year's rank, grade and total; null for a new unit or without last year's result. */
    previous?: { rank: number; grade: Grade; total: number } | null;
  }[];
  interviews: { unit: string; person: string | null; reasons: string[]; deadline: string }[];
  assistance: {
    name: string;
    village: string;
    passed: boolean;
    items: { item: AssistanceItemKey; passed: boolean | null; fact: string }[];
  }[];
  warnings: { sheet: string; cell: string; message: string }[];
  errors: { sheet: string; cell: string; message: string }[];
  /** Year over year: null without last year's result (compute --previous). */
  previous?: { spearman: number | null; common: number; new: string[]; gone: string[] } | null;
}
