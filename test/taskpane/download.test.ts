/** @jest-environment jsdom */
import { offerDownload, resultFileName, XLSX_MIME } from '../../src/taskpane/download';

describe('resultFileName', () => {
  it.each([
    ['羊楼司镇.xlsx', '羊楼司镇-考核结果.xlsx'],
    ['A.XLSX', 'A-考核结果.xlsx'],
    ['报表.2018.xlsx', '报表.2018-考核结果.xlsx'],
    ['.xlsx', '考核-考核结果.xlsx'],
  ])('%p → %p', (input, output) => {
    expect(resultFileName(input)).toBe(output);
  });
});

describe('offerDownload', () => {
  afterEach(() => jest.restoreAllMocks());

  it('clicks a temporary <a download> on a Blob URL of the bytes, and leaves no element behind', () => {
    const blobs: Blob[] = [];
    (URL as any).createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:x/1';
    });
    const clicks: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(`${this.download} ${this.href} ${this.isConnected}`);
    });
    const link = offerDownload(new Uint8Array([80, 75, 3, 4]), '镇-考核结果.xlsx');
    expect(link).toEqual({ fileName: '镇-考核结果.xlsx', url: 'blob:x/1' });
    expect(clicks).toEqual(['镇-考核结果.xlsx blob:x/1 true']);
    expect(blobs[0].size).toBe(4);
    expect(blobs[0].type).toBe(XLSX_MIME);
    expect(document.querySelectorAll('a').length).toBe(0);
  });
});
