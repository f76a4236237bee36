/**
 * What the legacy bundle needs beyond what core-js adds by usage (babel preset-env,
 * `useBuiltIns: 'usage'`): core-js has no String.prototype.normalize, and IE11 lacks it.
 *
 * - `normalize('NFKC'/'NFKD')`: the compatibility mappings Kaohe's input folding relies on —
 *   full-width ASCII (Ａ１％（ → A1%( ), the ideographic space, full-width currency signs and
 *   circled numbers ①–⑳. Other text passes unchanged (NFC/NFD: unchanged). Installed only
 *   when the engine has no normalize.
 * - `Intl.Collator`: IE11 and EdgeHTML have it; an engine without Intl gets one that compares
 *   by code point (so loading the core never throws; names then sort by code point).
 * - `BigInt`: zod computes two int64 range constants with BigInt() when it loads; IE11 and
 *   EdgeHTML have no BigInt, so loading would throw. Where missing, a stand-in that returns a
 *   Number is installed for those constants only (Kaohe uses no bigint schema).
 *
 * This module imports nothing, so it runs before zod (see ./index.ts); ./zodConfig.ts then
 * turns zod's `new Function` fast path off (IE11 ignores the CSP, and the generated code is ES2015).
 */

const CIRCLED_FIRST = 0x2460; // ①
const CIRCLED_LAST = 0x2473; // ⑳
const FULL_WIDTH_SIGNS: Record<number, string> = { 0xffe0: '\u00a2', 0xffe1: '\u00a3', 0xffe2: '\u00ac', 0xffe3: '\u00af', 0xffe4: '\u00a6', 0xffe5: '\u00a5', 0xffe6: '\u20a9' };

/**
 * The NFKC mappings above applied to `text`. Cost: O(length).
 * @example foldCompatibility('ＡＢ１２％　①') // => 'AB12% 1'
 */
export function foldCompatibility(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if (code >= CIRCLED_FIRST && code <= CIRCLED_LAST) out += String(code - CIRCLED_FIRST + 1);
    else if (FULL_WIDTH_SIGNS[code]) out += FULL_WIDTH_SIGNS[code];
    else out += text.charAt(i);
  }
  return out;
}

/** Installs the fallbacks where the engine lacks them. Never throws. */
export function installPolyfills(scope: Record<string, unknown>): void {
  try {
    const proto = String.prototype as unknown as Record<string, unknown>;
    if (typeof proto.normalize !== 'function') {
      Object.defineProperty(String.prototype, 'normalize', {
        configurable: true,
        writable: true,
        value: function normalize(this: string, form?: string): string {
          const text = String(this);
          return form === 'NFKC' || form === 'NFKD' ? foldCompatibility(text) : text;
        },
      });
    }
    if (typeof scope.BigInt === 'undefined') {
      scope.BigInt = function BigIntStandIn(value: unknown): number {
        return Number(value);
      };
    }
    if (typeof scope.Intl === 'undefined') {
      const Collator = function (this: { compare: (a: string, b: string) => number }) {
        this.compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      };
      scope.Intl = { Collator };
    }
  } catch {
    // An engine that refuses to be extended runs without the fallbacks.
  }
}

installPolyfills((typeof window !== 'undefined' ? window : typeof globalThis !== 'undefined' ? globalThis : {}) as Record<string, unknown>);
