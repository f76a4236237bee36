/**
 * Checks and normalises the `--base-url` of a package: the HTTPS folder the files will be
 * served from. Problems come back as messages (errors as data), never thrown.
 */
import type { Msg } from '../../src/core/types';

export type BaseUrlResult =
  | { ok: true; url: string; notes: Msg[] }
  | { ok: false; problem: Msg };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/**
 * Accepts `https://host[:port]/path/` only. A missing trailing slash is added (with a note),
 * because the address names a folder; `http://`, local hosts, credentials, a query or a
 * fragment are errors. Cost: one URL parse.
 * @example normaliseBaseUrl('https://example.org/kaohe') // => { ok: true, url: 'https://example.org/kaohe/', notes: [slashAdded] }
 * @example normaliseBaseUrl('http://example.org/')      // => { ok: false, problem: { code: 'package.baseUrl.notHttps', … } }
 */
export function normaliseBaseUrl(raw: string | undefined): BaseUrlResult {
  if (raw === undefined || raw.trim() === '') return { ok: false, problem: { code: 'package.baseUrl.missing' } };
  const found = raw.trim();
  let parsed: URL;
  try {
    parsed = new URL(found);
  } catch {
    return { ok: false, problem: { code: 'package.baseUrl.invalid', params: { found } } };
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(found) || parsed.hostname === '') {
    return { ok: false, problem: { code: 'package.baseUrl.invalid', params: { found } } };
  }
  if (parsed.protocol !== 'https:') return { ok: false, problem: { code: 'package.baseUrl.notHttps', params: { found } } };
  if (parsed.username || parsed.password || parsed.search || parsed.hash || found.includes('?') || found.includes('#')) {
    return { ok: false, problem: { code: 'package.baseUrl.extra', params: { found } } };
  }
  const host = parsed.hostname.toLowerCase();
  if (LOCAL_HOSTS.has(host) || host.endsWith('.localhost')) {
    return { ok: false, problem: { code: 'package.baseUrl.local', params: { found, host } } };
  }
  const notes: Msg[] = [];
  let url = parsed.href;
  if (!url.endsWith('/')) {
    url += '/';
    notes.push({ code: 'package.baseUrl.slashAdded', params: { fixed: url } });
  }
  return { ok: true, url, notes };
}
