/**
 * Offers bytes to the user as a file download: a Blob URL and a click on a temporary
 * <a download>. Browser only (file mode); nothing leaves the computer.
 */
import type { Download } from './host';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Starts the download and returns the link, so the pane can offer it again. The caller
 * revokes `url` (URL.revokeObjectURL) when it is replaced. Cost: one Blob of the bytes.
 * @example offerDownload(bytes, '镇-考核结果.xlsx') // => { fileName: '镇-考核结果.xlsx', url: 'blob:…' }
 */
export function offerDownload(bytes: Uint8Array, fileName: string, doc: Document = document): Download {
  const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  doc.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  return { fileName, url };
}

/**
 * The result file's name beside the input's: `<name>-考核结果.xlsx` (WORKBOOK "Command line").
 * @example resultFileName('羊楼司镇.xlsx') // => '羊楼司镇-考核结果.xlsx'
 * @example resultFileName('宏.xlsm') // => '宏-考核结果.xlsm' (the macros are kept)
 */
export function resultFileName(inputName: string): string {
  const ext = /\.xlsm$/i.test(inputName) ? '.xlsm' : '.xlsx';
  const base = inputName.replace(/\.xls[xm]$/i, '') || '考核';
  return `${base}-考核结果${ext}`;
}
