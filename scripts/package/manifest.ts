/**
 * Turns the development manifest (URLs on https://localhost:3000) into the manifest of a
 * package: every local URL moved under the base URL, `<AppDomain>` set to the server's
 * origin, a new `<Version>`, and the development comments replaced by one line naming the
 * version and server. Text in, text out; problems come back as messages.
 */
import type { Msg } from '../../src/core/types';

/** A local origin as the dev manifest writes it (`https://localhost:3000`), optionally with a path. */
const LOCAL_URL = /https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)(?::\d+)?(\/[^"'<>\s]*)?/gi;
const LOCAL_TRACE = /localhost|127\.0\.0\.1|\[::1\]/i;

export interface ManifestRewrite {
  xml: string;
  /** Every URL under the base URL that the manifest references, with the package file it needs. */
  references: { url: string; file: string }[];
  problems: Msg[];
}

/**
 * Rewrites a manifest for `baseUrl` (ends with `/`) and `version` (four parts).
 * Cost: a few regular-expression passes over the text.
 * @example rewriteManifest('<Version>1.0.0.0</Version><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
 *   'https://example.org/kaohe/', '1.0.1.0').xml
 *   // => '<Version>1.0.1.0</Version><SourceLocation DefaultValue="https://example.org/kaohe/taskpane.html"/>'
 */
export function rewriteManifest(xml: string, baseUrl: string, version: string): ManifestRewrite {
  const problems: Msg[] = [];
  const origin = new URL(baseUrl).origin;

  const versionTags = xml.match(/<Version>[^<]*<\/Version>/g) ?? [];
  if (versionTags.length !== 1) problems.push({ code: 'package.manifest.noVersion' });
  let out = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  // Development notes in comments would only mislead on a server (and may name localhost).
  out = out.replace(/<!--[\s\S]*?-->[ \t]*\r?\n?/g, '');
  out = out.replace(/^(<\?xml[^>]*\?>\r?\n?)?/, (declaration: string) =>
    `${declaration || '<?xml version="1.0" encoding="UTF-8"?>\n'}<!-- Kaohe 考核 ${version} · ${baseUrl} -->\n`,
  );

  out = out.replace(/(<AppDomain>)\s*([^<]*?)\s*(<\/AppDomain>)/g, (whole, open: string, domain: string, close: string) =>
    LOCAL_TRACE.test(domain) ? `${open}${origin}${close}` : whole,
  );
  out = dedupeAppDomains(out);

  out = out.replace(LOCAL_URL, (_whole, path: string | undefined) => baseUrl + (path ?? '/').replace(/^\/+/, ''));

  const leftover = LOCAL_TRACE.exec(out);
  if (leftover) {
    const around = out.slice(Math.max(0, leftover.index - 30), leftover.index + 40).replace(/\s+/g, ' ');
    problems.push({ code: 'package.manifest.localLeft', params: { found: around } });
  }

  const references: { url: string; file: string }[] = [];
  for (const match of out.matchAll(/\b(?:DefaultValue|Value)\s*=\s*"([^"]*)"/g)) {
    const url = match[1];
    if (!url.startsWith(baseUrl)) continue;
    const file = decodeURIComponent(url.slice(baseUrl.length).replace(/[?#].*$/, ''));
    references.push({ url, file: file === '' ? 'index.html' : file });
  }
  return { xml: out, references, problems };
}

/** Removes repeated identical `<AppDomain>` lines (several dev origins may map to one server). */
function dedupeAppDomains(xml: string): string {
  const seen = new Set<string>();
  return xml.replace(/[ \t]*<AppDomain>([^<]*)<\/AppDomain>[ \t]*\r?\n?/g, (whole, domain: string) => {
    if (seen.has(domain)) return '';
    seen.add(domain);
    return whole;
  });
}
