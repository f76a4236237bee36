/**
 * The three places Office.js can come from, and their addresses. The webpack build
 * (`--env officejs=…`) decides what the pages really reference; these are the defaults the
 * package step falls back on when it cannot read the address from the built page.
 */
import { OFFICE_JS_CHOICES, type OfficeJsChoice } from '../../src/check/files-manifest';

export { OFFICE_JS_CHOICES, type OfficeJsChoice };

/**
 * Office.js per choice. `china` is the CDN Microsoft documents for Office 365 operated by
 * 21Vianet ("Referencing the Office JavaScript API library", section "CDN references for
 * other Microsoft 365 environments"); `bundled` is relative to the package folder.
 */
export const OFFICE_JS_DEFAULT_URLS: Readonly<Record<OfficeJsChoice, string>> = {
  global: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  china: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
  bundled: 'office-js/office.js',
};

/**
 * Narrows a string to an Office.js choice.
 * @example isOfficeJsChoice('china') // => true
 */
export function isOfficeJsChoice(value: string): value is OfficeJsChoice {
  return (OFFICE_JS_CHOICES as readonly string[]).includes(value);
}

/** The value of an attribute in one HTML tag, quoted or not (minified pages drop the quotes). */
function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  if (!match) return null;
  return (match[1] ?? match[2] ?? match[3]).replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/**
 * Finds the Office.js address a built HTML page loads (`<script src="…office.js">`), or null.
 * Cost: one regular-expression scan of the page.
 * @example officeJsUrlInHtml('<script src=office-js/office.js></script>') // => 'office-js/office.js'
 */
export function officeJsUrlInHtml(html: string): string | null {
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attribute(tag, 'src');
    if (src && /(^|\/)office\.js$/i.test(src)) return src;
  }
  return null;
}

/**
 * Reads the Content-Security-Policy a built page declares in its `<meta http-equiv>`, or null.
 * @example cspInHtml('<meta http-equiv=Content-Security-Policy content="default-src \'self\'">') // => "default-src 'self'"
 */
export function cspInHtml(html: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if ((attribute(tag, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy') return attribute(tag, 'content');
  }
  return null;
}
