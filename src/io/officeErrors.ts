/**
 * Turns whatever an Excel.run rejected with into one of Kaohe's own messages (zh + en in
 * messages.ts), so the pane and the ribbon command never show a raw Office error string.
 */
import type { Msg } from '../core/types';

/** An Office failure that the adapter has already put into words. Thrown by the port. */
export class OfficeFailure extends Error {
  readonly msg: Msg;
  /** The OfficeExtension.Error code, e.g. `ItemNotFound` ('' when not an Office error). */
  readonly officeCode: string;
  /** What Excel.run rejected with. */
  readonly original: unknown;

  constructor(msg: Msg, officeCode: string, original: unknown) {
    super(`${msg.code}${officeCode ? ` (${officeCode})` : ''}`);
    this.name = 'OfficeFailure';
    this.msg = msg;
    this.officeCode = officeCode;
    this.original = original;
  }
}

/** OfficeExtension.Error codes → message codes. Unlisted codes fall back to `ui.office.general`. */
const BY_CODE: Record<string, Msg['code']> = {
  InvalidArgument: 'ui.office.invalidArgument',
  InvalidReference: 'ui.office.invalidArgument',
  ItemNotFound: 'ui.office.itemNotFound',
  ItemAlreadyExists: 'ui.office.itemAlreadyExists',
  AccessDenied: 'ui.office.accessDenied',
  InsufficientPermissions: 'ui.office.accessDenied',
  UnsupportedSheet: 'ui.office.accessDenied',
  InvalidOperationInCellEditMode: 'ui.office.cellEdit',
  // Excel answers InvalidOperation above all while a cell is being edited (and for a few
  // refusals that finishing the edit does not cure; the message names the likely cause).
  InvalidOperation: 'ui.office.cellEdit',
  MemoryLimitReached: 'ui.office.memory',
  MergedRangeConflict: 'ui.office.mergeConflict',
  NonBlankCellOffSheet: 'ui.office.offSheet',
  ServiceNotAvailable: 'ui.office.unavailable',
  Unauthenticated: 'ui.office.unavailable',
  InactiveWorkbook: 'ui.office.unavailable',
  FormulaLengthExceedsLimit: 'ui.office.formulaTooLong',
  ApiNotAvailable: 'ui.office.apiNotFound',
  UnsupportedFeature: 'ui.office.apiNotFound',
  FilteredRangeConflict: 'ui.office.busy',
  PivotTableRangeConflict: 'ui.office.mergeConflict',
  TimeoutReached: 'ui.office.busy',
  RequestPayloadSizeLimitExceeded: 'ui.office.payloadTooLarge',
  ResponsePayloadSizeLimitExceeded: 'ui.office.payloadTooLarge',
  RangeExceedsLimit: 'ui.office.payloadTooLarge',
  OperationCellsExceedLimit: 'ui.office.payloadTooLarge',
  ApiNotFound: 'ui.office.apiNotFound',
  NotImplemented: 'ui.office.apiNotFound',
  UnsupportedOperation: 'ui.office.apiNotFound',
  Conflict: 'ui.office.busy',
  ActivityLimitReached: 'ui.office.busy',
  RequestAborted: 'ui.office.busy',
  InsertDeleteConflict: 'ui.office.busy',
};

function codeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/**
 * Maps an Office error (or anything thrown inside Excel.run) to a message.
 * Cost: O(1). Never throws.
 * @example officeErrorMsg({ code: 'ItemNotFound', message: '…' }) // => { code: 'ui.office.itemNotFound' }
 * @example officeErrorMsg(new ReferenceError('Excel is not defined')) // => { code: 'ui.office.notInExcel' }
 */
export function officeErrorMsg(error: unknown): Msg {
  if (error instanceof OfficeFailure) return error.msg;
  const code = codeOf(error);
  if (code && BY_CODE[code]) return { code: BY_CODE[code] };
  if (code) return { code: 'ui.office.general', params: { code } };
  if (error instanceof ReferenceError && /\b(Excel|Office)\b/.test(error.message)) return { code: 'ui.office.notInExcel' };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'ui.office.unknown', params: { detail: detail.slice(0, 200) } };
}

/**
 * Runs an Office call and rethrows any failure as an OfficeFailure carrying its message.
 * @example await withOfficeErrors(() => Excel.run(batch))
 */
export async function withOfficeErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OfficeFailure) throw error;
    throw new OfficeFailure(officeErrorMsg(error), codeOf(error), error);
  }
}
