/**
 * WPS failures in Kaohe's own words. A WpsFailure is an OfficeFailure, so the pane's
 * `describeError` (officeErrorMsg) and the ribbon command word it without knowing the host.
 */
import type { Msg } from '../core/types';
import { OfficeFailure } from './officeErrors';

export class WpsFailure extends OfficeFailure {
  constructor(msg: Msg, code: string, original: unknown) {
    super(msg, code, original);
    this.name = 'WpsFailure';
  }
}

/**
 * Maps whatever a WPS call threw to a message (WPS throws plain Errors with the COM text).
 * @example wpsErrorMsg(new Error('方法 Delete 作用于对象 _Worksheet 时失败')) // => { code: 'wps.failed', params: { detail: '方法 Delete …' } }
 */
export function wpsErrorMsg(error: unknown): Msg {
  if (error instanceof OfficeFailure) return error.msg;
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'wps.failed', params: { detail: detail.slice(0, 200) } };
}

/**
 * Runs WPS calls and rethrows any failure as a WpsFailure carrying its message.
 * @example withWpsErrors(() => readWorkbookWps(app, pick))
 */
export function withWpsErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof OfficeFailure) throw error;
    throw new WpsFailure(wpsErrorMsg(error), 'WpsError', error);
  }
}
