/**
 * Personal data stays in. Identifier columns (身份证号, 手机号, 银行卡号 …) are never read;
 * this module covers the other way such numbers travel: quoted inside text that Kaohe does
 * copy (a 问题清单 description, a 主要负责人 cell, a cell quoted in an error message).
 *
 * Rule: every run of 11 or more digits (full-width digits count; an identity number may end
 * in X) that is not the decimals of a number is masked, keeping its first 3 and last 4
 * characters. Shorter runs — amounts, years, dates, counts — are left alone.
 */

// No look-behind (IE11 and EdgeHTML cannot parse it): the character before the run, if any, is captured and kept.
const LONG_DIGIT_RUN = /(^|[^0-9０-９.．])([0-9０-９]{11,}(?:[XxＸｘ](?![0-9A-Za-z]))?)/g;

/** Full-width digits and X folded to ASCII. */
function fold(run: string): string {
  return run.replace(/[０-９Ｘｘ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Masks identity, phone and bank-card numbers quoted in text. Cost: O(length); a string
 * shorter than 11 characters is returned at once.
 * @example maskIdentifiers('联系电话13812345678') // => '联系电话138****5678'
 * @example maskIdentifiers('身份证430682198801011234') // => '身份证430***********1234'
 */
export function maskIdentifiers(text: string): string {
  if (text.length < 11) return text;
  return text.replace(LONG_DIGIT_RUN, (_match, before: string, run: string) => {
    const plain = fold(run);
    return `${before}${plain.slice(0, 3)}${'*'.repeat(plain.length - 7)}${plain.slice(-4)}`;
  });
}
