/**
 * The one error the .xlsx reader throws for package-level problems (not a zip, encrypted,
 * damaged, hostile). It carries a catalog message; callers render it with `t(err.msg, lang)`.
 * Sheet-level problems never throw: they become `SheetGrid.unreadable`.
 */
import type { Msg } from '../../core/types';

export class XlsxError extends Error {
  readonly msg: Msg;

  constructor(msg: Msg) {
    super(`${msg.code}${msg.params ? ` ${JSON.stringify(msg.params)}` : ''}`);
    this.name = 'XlsxError';
    this.msg = msg;
  }
}

/** Throws an XlsxError for a damaged file. */
export function corrupt(detail: string): never {
  throw new XlsxError({ code: 'xlsx.corrupt', params: { detail } });
}
