import type { Lang } from '../core/types';

/**
 * The pane's language from a BCP 47 locale: English for `en*`, Chinese otherwise
 * (Chinese is the default: the users are town staff). Cost: O(1).
 * @example langFromLocale('en-US') // => 'en'
 * @example langFromLocale('zh-CN') // => 'zh'
 * @example langFromLocale(undefined) // => 'zh'
 */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === 'string' && /^en\b/i.test(locale.trim()) ? 'en' : 'zh';
}
