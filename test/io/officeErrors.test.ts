import { t } from '../../src/core/messages';
import { officeErrorMsg, OfficeFailure, withOfficeErrors } from '../../src/io/officeErrors';

describe('officeErrorMsg', () => {
  it.each([
    ['InvalidArgument', 'ui.office.invalidArgument'],
    ['ItemNotFound', 'ui.office.itemNotFound'],
    ['ItemAlreadyExists', 'ui.office.itemAlreadyExists'],
    ['AccessDenied', 'ui.office.accessDenied'],
    ['InsufficientPermissions', 'ui.office.accessDenied'],
    ['InvalidOperationInCellEditMode', 'ui.office.cellEdit'],
    ['RequestPayloadSizeLimitExceeded', 'ui.office.payloadTooLarge'],
    ['ResponsePayloadSizeLimitExceeded', 'ui.office.payloadTooLarge'],
    ['ApiNotFound', 'ui.office.apiNotFound'],
    ['Conflict', 'ui.office.busy'],
  ])('maps the Office code %s to %s', (code, expected) => {
    expect(officeErrorMsg({ name: 'RichApi.Error', code, message: 'raw text' })).toEqual({ code: expected });
  });

  it('keeps the code of an unlisted Office error (GeneralException) in the sentence', () => {
    const msg = officeErrorMsg({ code: 'GeneralException', message: 'x' });
    expect(msg).toEqual({ code: 'ui.office.general', params: { code: 'GeneralException' } });
    expect(t(msg, 'zh')).toBe('Excel 内部出错（GeneralException）。请保存工作簿后重试。');
  });

  it('says "not in Excel" when the Excel global is missing', () => {
    expect(officeErrorMsg(new ReferenceError('Excel is not defined'))).toEqual({ code: 'ui.office.notInExcel' });
  });

  it('wraps anything else as unknown, with its text', () => {
    expect(officeErrorMsg(new Error('boom'))).toEqual({ code: 'ui.office.unknown', params: { detail: 'boom' } });
    expect(officeErrorMsg('plain')).toEqual({ code: 'ui.office.unknown', params: { detail: 'plain' } });
  });

  it('renders every mapped message in both languages', () => {
    for (const code of ['InvalidArgument', 'ItemNotFound', 'AccessDenied', 'ApiNotFound', 'Conflict']) {
      const msg = officeErrorMsg({ code });
      expect(t(msg, 'zh')).toMatch(/[\u4e00-\u9fff]/);
      expect(t(msg, 'en')).toMatch(/^[\x20-\x7e…]+$/);
    }
  });
});

describe('withOfficeErrors', () => {
  it('rethrows an Office error as an OfficeFailure carrying its message and code', async () => {
    const failure = await withOfficeErrors(() => Promise.reject({ code: 'AccessDenied' })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OfficeFailure);
    expect((failure as OfficeFailure).officeCode).toBe('AccessDenied');
    expect(officeErrorMsg(failure)).toEqual({ code: 'ui.office.accessDenied' });
  });

  it('passes results through', async () => {
    await expect(withOfficeErrors(async () => 7)).resolves.toBe(7);
  });
});
