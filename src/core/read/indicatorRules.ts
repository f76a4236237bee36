/**
 * What each scoring method needs from its row of 指标设置 (RULEBOOK §2), as a zod schema.
 * Every rule's message is a message code, and its path names the column at fault, so a
 * failed parse turns into Issues that point at the right cell.
 */
import { z } from 'zod';
import type { MessageCode } from '../messages';
import type { Direction, Method } from '../types';

const code = (c: MessageCode) => ({ error: c });

const rangeRule = z
  .object({
    method: z.literal('range'),
    direction: z.enum(['up', 'down']),
    target: z.number(code('read.ind.rangeTarget')),
    floor: z.number(),
  })
  .superRefine((row, ctx) => {
    const fail = (message: MessageCode) => ctx.addIssue({ code: 'custom', path: ['floor'], message });
    if (row.target === row.floor) fail('read.ind.rangeEqual');
    else if (row.direction === 'up' && row.floor > row.target) fail('read.ind.rangeUp');
    else if (row.direction === 'down' && row.floor < row.target) fail('read.ind.rangeDown');
  });

const perItem = z.number(code('read.ind.perItem')).positive(code('read.ind.perItem'));

/** The method-specific requirements; methods not listed need nothing beyond 分值. */
export const indicatorRuleSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('ratio'), target: z.number(code('read.ind.ratioTarget')).positive(code('read.ind.ratioTarget')) }),
  rangeRule,
  z.object({ method: z.literal('deduction'), perItem }),
  z.object({ method: z.literal('bonus'), perItem }),
  z.object({ method: z.enum(['pass', 'direct', 'relative']) }),
]);

export type RuleColumn = '目标值' | '下限' | '每项分值';

const COLUMN_OF: Record<string, RuleColumn> = { target: '目标值', floor: '下限', perItem: '每项分值' };

export interface RuleInput {
  method: Method;
  direction: Direction;
  target: number | null;
  /** Blank floor already replaced by 0. */
  floor: number;
  perItem: number | null;
}

/**
 * Checks one row's method requirements. Returns one finding per broken rule, with the
 * column at fault. Cost: O(1).
 * @example checkIndicatorRule({ method: 'ratio', direction: 'up', target: 0, floor: 0, perItem: null })
 * // => [{ column: '目标值', code: 'read.ind.ratioTarget' }]
 */
export function checkIndicatorRule(row: RuleInput): { column: RuleColumn; code: MessageCode }[] {
  const parsed = indicatorRuleSchema.safeParse(row);
  if (parsed.success) return [];
  const issues = parsed.error.issues;
  const seen = new Set<string>();
  const out: { column: RuleColumn; code: MessageCode }[] = [];
  for (const issue of issues) {
    const column = COLUMN_OF[String(issue.path[0])];
    if (!column || !issue.message.startsWith('read.')) continue;
    const key = `${column}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ column, code: issue.message as MessageCode });
  }
  return out;
}
