/**
 * The write plan that inserts the input template: it only adds sheets, and never one whose
 * name the workbook already uses (that sheet is skipped and reported). Pure.
 */
import { templateSheets } from '../core';
import type { WritePlan } from '../core/types';

export interface TemplatePlan {
  plan: WritePlan;
  added: string[];
  skipped: string[];
}

/**
 * Plans the template for a workbook holding `existing` sheets. Cost: O(template cells).
 * @example templatePlan(['考核数据'], false).skipped // => ['考核数据']
 */
export function templatePlan(existing: string[], demo: boolean): TemplatePlan {
  const taken = new Set(existing);
  const sheets = templateSheets(demo);
  const add = sheets.filter((sheet) => !taken.has(sheet.name));
  return {
    plan: { remove: [], add, renamed: [] },
    added: add.map((sheet) => sheet.name),
    skipped: sheets.filter((sheet) => taken.has(sheet.name)).map((sheet) => sheet.name),
  };
}
