/**
 * Where a data column is (issue 10: two-row headers, data on several sheets, several
 * assessors). A `ColumnFinder` looks a 数据列 name up:
 *
 * 1. `组标题/列标题` (`减贫成效/完成率`): the column under that group title;
 * 2. on 考核数据, every header with the column's key (a trailing `(2)`, `（评委二）` is an
 *    assessor mark, not a unit); headers under different group titles are told apart by
 *    the indicator's 维度, else the name is ambiguous;
 * 3. when 考核数据 has none: on the other sheets that hold a unit column, in tab order.
 *
 * More than one location = several assessors: their values are averaged per unit.
 * Pure: no Node, DOM or Office.
 */
import { headerKey, normalizeText } from './normalize';
import type { Table, TableHeader } from './table';

export type DataTable = Table & { keyCol: number };

/** One sheet of data: 考核数据 (index 0) or another sheet with a unit column. */
export interface DataSource {
  sheet: string;
  table: DataTable;
}

export interface ColumnLocation {
  /** Index into the finder's sources (0 = 考核数据). */
  source: number;
  header: TableHeader;
}

export type ColumnFind =
  | { ok: true; locations: ColumnLocation[] }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'ambiguous'; groups: string[] };

/** An assessor mark in a header's trailing brackets: `(2)`, `（评委二）`, `(专家3)`, `(评分人A)`. */
const ASSESSOR_UNIT = /^(?:\d{1,2}|(?:评委|专家|评分人|考核人|打分人|组)[\dA-Za-z一二三四五六七八九十]{0,3}|[一二三四五六七八九十])$/;

/** True when a header's bracketed part marks an assessor (so it is no unit). */
export function isAssessorMark(unit: string | null): boolean {
  return unit !== null && ASSESSOR_UNIT.test(unit);
}

/** A group title's key: the title without a trailing `（30分）`. */
export function groupKey(title: string): string {
  return headerKey(title);
}

/** Points written in a group title: `减贫成效（30分）` → 30; null when none. */
export function groupPoints(title: string): number | null {
  const m = /\((\d+(?:\.\d+)?)分\)$/.exec(normalizeText(title));
  return m ? Number(m[1]) : null;
}

/**
 * Finds data columns across the data sources. Building: O(headers); a lookup O(1) plus the
 * number of same-named headers.
 */
export class ColumnFinder {
  private readonly byKey = new Map<string, ColumnLocation[]>();

  constructor(readonly sources: DataSource[]) {
    sources.forEach((source, s) => {
      for (const header of source.table.headers) {
        if (s > 0 && header.col === source.table.keyCol) continue;
        const key = normalizeText(header.key);
        const list = this.byKey.get(key);
        const location = { source: s, header };
        if (list) list.push(location);
        else this.byKey.set(key, [location]);
      }
    });
  }

  /**
   * Where the column `name` is, for an indicator of `dimension`.
   * @example finder.find('完成率', '减贫成效') // => { ok: true, locations: [{ source: 0, header: … }] }
   */
  find(name: string, dimension: string | null): ColumnFind {
    const text = normalizeText(name);
    const slash = text.lastIndexOf('/');
    if (slash > 0 && slash < text.length - 1) {
      const hits = this.lookup(headerKey(text.slice(slash + 1)), headerKey(text.slice(0, slash)));
      if (hits.ok) return hits;
    }
    return this.lookup(headerKey(text), dimension === null ? null : normalizeText(dimension), true);
  }

  private lookup(key: string, group: string | null, groupIsHint = false): ColumnFind {
    const all = this.byKey.get(key);
    if (!all) return { ok: false, reason: 'missing' };
    let candidates = all;
    if (group !== null) {
      const inGroup = all.filter((l) => l.header.groups.some((g) => groupKey(g) === group));
      if (inGroup.length > 0) candidates = inGroup;
      else if (!groupIsHint) return { ok: false, reason: 'missing' };
    }
    // 考核数据 first; the other sheets only when 考核数据 has none.
    const main = candidates.filter((l) => l.source === 0);
    if (main.length > 0) candidates = main;
    // On one sheet, same-named headers under different group titles are different columns.
    const titlesBySheet = new Map<number, Set<string>>();
    for (const l of candidates) {
      const title = l.header.groups.length > 0 ? groupKey(l.header.groups[l.header.groups.length - 1]) : '';
      const set = titlesBySheet.get(l.source) ?? new Set<string>();
      set.add(title);
      titlesBySheet.set(l.source, set);
    }
    for (const titles of titlesBySheet.values()) {
      if (titles.size > 1) return { ok: false, reason: 'ambiguous', groups: [...titles].filter((t) => t !== '') };
    }
    return { ok: true, locations: candidates };
  }
}
