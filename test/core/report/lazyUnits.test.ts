/**
 * 考核结果, 稳健性分析 and 同比分析 with many units build their unit rows on demand
 * (LazyRows): the same rows, widths, heights and notes as their held form, the notes
 * counted without building a row, and the 上年 columns added to the lazy rows as well.
 */
import { assess } from '../../../src/core/index';
import { robustnessSheet, withPreviousColumns, yearsSheet } from '../../../src/core/report/analysis';
import { resultsSheet } from '../../../src/core/report/results';
import { eagerSheet, rowCount, sheetNotesIn } from '../../../src/core/report/rows';
import { templateSheets } from '../../../src/core/report';
import type { OutputSheet, WorkbookSnapshot } from '../../../src/core/types';

/** What an adapter would read back from sheets (values only). */
function snapshotOf(sheets: OutputSheet[]): WorkbookSnapshot {
  return {
    sheetNames: sheets.map((s) => s.name),
    sheets: Object.fromEntries(
      sheets.map((s) => [s.name, { name: s.name, values: eagerSheet(s).rows.map((r) => r.map((c) => c.v ?? null)), originRow: 0, originCol: 0 }]),
    ),
  };
}

const NOW = new Date('2019-01-05T01:00:00Z');
const demo = snapshotOf(templateSheets(true));
const first = assess(demo, { lang: 'zh', now: NOW });
// Last year's result: this year's 考核结果, read back as the pane's 上年结果表.
const lastYear = { ...eagerSheet(first.sheets[0]), name: '上年结果' };
const withYears = { sheetNames: [...demo.sheetNames, '上年结果'], sheets: { ...demo.sheets, ...snapshotOf([lastYear]).sheets } };
const second = assess(withYears, { lang: 'zh', now: NOW, previousSheet: '上年结果' });

const held = (sheet: OutputSheet) => ({ ...sheet, lazy: undefined });
const notesOf = (sheet: OutputSheet) => eagerSheet(sheet).rows.flatMap((row, r) => row.flatMap((cell, c) => (cell.note ? [[r, c, cell.note]] : [])));

describe('unit rows built on demand', () => {
  it('the demo has vetoed units and last year’s result (what the comparisons below need)', () => {
    expect(first.ok && second.ok).toBe(true);
    expect(first.result!.units.some((u) => u.vetoes.length > 0)).toBe(true);
    expect(second.analysis!.years).not.toBeNull();
  });

  it('考核结果: held below the threshold, lazy from it, the same rows, widths, heights and notes', () => {
    const result = first.result!;
    const n = result.units.length;
    expect(resultsSheet(result).lazy).toBeUndefined();
    expect(resultsSheet(result, { lazyFrom: n + 1 }).lazy).toBeUndefined();
    const eager = resultsSheet(result);
    const lazy = resultsSheet(result, { lazyFrom: n });
    expect(lazy.rows).toHaveLength(2);
    expect(lazy.lazy).toMatchObject({ at: 2, count: n });
    expect(held(eagerSheet(lazy))).toEqual(held(eager));
    expect(lazy.heights).toEqual(eager.heights);
    expect(eager.heights!.some((h) => h !== null && h > 15)).toBe(true);
    expect(sheetNotesIn(lazy, 0, rowCount(lazy))).toBe(notesOf(eager).length);
    expect(notesOf(eager).length).toBe(result.units.filter((u) => u.vetoes.length > 0).length);
  });

  it('counts the notes of a range of rows without building them', () => {
    const result = first.result!;
    const lazy = resultsSheet(result, { lazyFrom: 0 });
    const built: number[] = [];
    const sheet: OutputSheet = { ...lazy, lazy: { ...lazy.lazy!, band: (s, e) => (built.push(s), lazy.lazy!.band(s, e)) } };
    const eager = eagerSheet(lazy).rows;
    for (const [start, end] of [[0, 3], [2, 7], [5, rowCount(sheet)]]) {
      const expected = eager.slice(start, end).flat().filter((cell) => cell.note).length;
      expect(sheetNotesIn(sheet, start, end)).toBe(expected);
    }
    expect(built).toEqual([]);
  });

  it('稳健性分析 and 同比分析: the same sheet either way, the closing lines held after the lazy rows', () => {
    const result = second.result!;
    const analysis = second.analysis!;
    for (const make of [(lazyFrom?: number) => robustnessSheet(result, analysis, { lazyFrom }), (lazyFrom?: number) => yearsSheet(result, analysis, { lazyFrom })!]) {
      const eager = make();
      const lazy = make(0);
      expect(eager.lazy).toBeUndefined();
      expect(lazy.lazy).toMatchObject({ at: 2, count: result.units.length });
      expect(lazy.rows.length).toBeGreaterThan(2);
      expect(held(eagerSheet(lazy))).toEqual(held(eager));
      expect(lazy.heights).toEqual(eager.heights);
    }
  });

  it('考核结果 with last year’s columns: the same sheet either way', () => {
    const result = second.result!;
    const analysis = second.analysis!;
    const eager = withPreviousColumns(resultsSheet(result), result, analysis);
    const lazy = withPreviousColumns(resultsSheet(result, { lazyFrom: 0 }), result, analysis);
    expect(lazy.lazy).toMatchObject({ at: 2, count: result.units.length, columns: eager.rows[1].length });
    expect(eager.rows[1].map((c) => c.v)).toContain('上年排名');
    expect(held(eagerSheet(lazy))).toEqual(held(eager));
    expect(notesOf(lazy)).toEqual(notesOf(eager));
  });
});
