/**
 * What the ribbon command hands its dialog page: already rendered sentences, carried in
 * the URL fragment (no messaging API needed, works with DialogApi 1.1).
 */
import type { Lang } from '../core/types';

export interface DialogContent {
  lang: Lang;
  kind: 'done' | 'errors' | 'failed';
  title: string;
  lines: string[];
  /** Label of the close button. */
  close: string;
}

/**
 * `dialog.html#<json>` beside the given page.
 * @example dialogUrl(content, 'https://localhost:3000/commands.html') // => 'https://localhost:3000/dialog.html#%7B…'
 */
export function dialogUrl(content: DialogContent, page: string): string {
  const url = new URL('dialog.html', page);
  url.hash = encodeURIComponent(JSON.stringify(content));
  return url.href;
}

/**
 * Reads the content back from a fragment; null when it is missing or malformed.
 * @example parseDialogContent(new URL(dialogUrl(c, 'https://x/')).hash) // => c
 */
export function parseDialogContent(hash: string): DialogContent | null {
  try {
    const parsed = JSON.parse(decodeURIComponent(hash.replace(/^#/, ''))) as Partial<DialogContent>;
    if (typeof parsed.title !== 'string' || !Array.isArray(parsed.lines)) return null;
    return {
      lang: parsed.lang === 'en' ? 'en' : 'zh',
      kind: parsed.kind === 'errors' || parsed.kind === 'failed' ? parsed.kind : 'done',
      title: parsed.title,
      lines: parsed.lines.map(String),
      close: typeof parsed.close === 'string' ? parsed.close : '×',
    };
  } catch {
    return null;
  }
}
