/**
 * The input sheets Kaohe hands a town to fill in (WORKBOOK "Input sheets"): 考核数据,
 * 指标设置, 问题清单, 帮扶单位, 考核参数 — empty (headers, the built-in indicator rows,
 * the default parameters) or filled with the demo data of demo.ts.
 *
 * The header is the first row of each sheet, except 指标设置 and (demo) 考核参数, which
 * carry a notice row above it (the reader skips title rows above the header).
 */
import { t } from '../messages';
import { ASSISTANCE_HEADERS, DEFAULT_DATA_HEADERS, DEFAULT_INDICATORS, INDICATOR_HEADERS, PROBLEM_HEADERS } from '../defaults';
import type { OutCell, OutputSheet } from '../types';
import { fitWidths, rowMerge, textCell } from './layout';
import { DEMO_ASSISTANCE_ROWS, DEMO_DATA_ROWS, DEMO_PARAMS, DEMO_PROBLEM_ROWS } from './demo';
import { PARAM_LINES } from './params';

type Raw = string | number | null;

/** The values the empty template writes into 考核参数 ('' = blank, the default applies). */
const TEMPLATE_PARAM_VALUES: Record<string, Raw> = {
  镇名: '羊楼司镇',
  考核年度: '',
  考核日期: '',
  整改期限天数: 30,
  好等次名额: 3,
  一般等次名额: 2,
  并列处理: '就高',
  同分排序依据: '',
  分类排名: '否',
  缺失数据: '报错',
  年终折算分值: '',
  现场办公次数: 2,
  贫困村帮扶资金: 5,
  非贫困村帮扶资金: 3,
  产业发展基地数: 1,
  每月驻村天数: 20,
  隐藏行: '计入',
  评分汇总: '平均',
  排名方式: '美式',
  否决单位可评好: '否',
  权重扰动幅度: '10%',
  权重扰动次数: 1000,
};

/** A cell of an input sheet: numbers as numbers, everything else as text. */
function inputCell(v: Raw): OutCell {
  if (typeof v === 'number') return { v };
  return textCell(v ?? '');
}

interface InputSheetSpec {
  name: string;
  headers: readonly string[];
  rows: Raw[][];
  /** A notice row above the header (merged across the table). */
  notice?: string;
  freezeCols?: number;
  headerNote?: { col: number; note: string };
}

function inputSheet(spec: InputSheetSpec): OutputSheet {
  const columns = spec.headers.length;
  const header = spec.headers.map((h, col) =>
    textCell(h, { bold: true, wrap: true, align: 'center', note: spec.headerNote?.col === col ? spec.headerNote.note : undefined }),
  );
  const notice = spec.notice ? [[textCell(spec.notice, { bold: true })]] : [];
  const rows = [...notice, header, ...spec.rows.map((row) => row.map(inputCell))];
  const headerRow = notice.length + 1;
  return {
    name: spec.name,
    rows,
    merges: spec.notice ? [rowMerge(1, columns)] : [],
    widths: fitWidths(rows, columns, notice.length).map((w) => Math.min(w, 30)),
    freezeRows: headerRow,
    freezeCols: spec.freezeCols ?? 0,
    headerRows: [headerRow],
    print: { landscape: true, fitToWidth: true, repeatRows: `1:${headerRow}` },
  };
}

function indicatorRows(): Raw[][] {
  return DEFAULT_INDICATORS.map((row) => [...INDICATOR_HEADERS.map((h) => row[h] as Raw), row.条款]);
}

function paramRows(demo: boolean): Raw[][] {
  return PARAM_LINES.map((line) => {
    const value = demo && line.name in DEMO_PARAMS ? DEMO_PARAMS[line.name] : TEMPLATE_PARAM_VALUES[line.name];
    return [line.label, value ?? '', t({ code: line.description }, 'zh')];
  });
}

/**
 * The five input sheets, empty (`demo = false`) or with the demo data. Cost: O(cells).
 * @example templateSheets(false).map((s) => s.name) // => ['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数']
 */
export function templateSheets(demo: boolean): OutputSheet[] {
  const demoNotice = demo ? t({ code: 'report.demoNotice' }, 'zh') : undefined;
  return [
    inputSheet({ name: '考核数据', headers: DEFAULT_DATA_HEADERS, rows: demo ? DEMO_DATA_ROWS : [], notice: demoNotice, freezeCols: 1 }),
    inputSheet({
      name: '指标设置',
      headers: [...INDICATOR_HEADERS, '条款'],
      rows: indicatorRows(),
      notice: t({ code: 'report.pointsExample' }, 'zh'),
      headerNote: { col: 2, note: t({ code: 'report.pointsExample' }, 'zh') },
    }),
    inputSheet({ name: '问题清单', headers: PROBLEM_HEADERS, rows: demo ? DEMO_PROBLEM_ROWS : [], notice: demoNotice }),
    inputSheet({ name: '帮扶单位', headers: ASSISTANCE_HEADERS, rows: demo ? DEMO_ASSISTANCE_ROWS : [], notice: demoNotice, freezeCols: 2 }),
    inputSheet({ name: '考核参数', headers: ['参数', '值', '说明'], rows: paramRows(demo), notice: demoNotice }),
  ];
}
