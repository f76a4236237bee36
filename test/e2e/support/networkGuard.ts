/**
 * Records every request a browser context makes and lets only local ones through:
 * the page under test must never talk to anything but 127.0.0.1.
 *
 * Office.js is the one outside script the pages name (the CSP allows its origin). In these
 * tests it never leaves the machine either: a request under its base URL is answered from
 * node_modules/@microsoft/office-js/dist (the same files the CDN publishes). Anything else
 * is aborted and recorded in `outside`, which the tests require to be empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { OFFICE_JS_DIST } from './paths';

export interface NetworkLog {
  /** Every request and WebSocket the context opened, in order. */
  all: string[];
  /** Requests to the Office.js CDN, answered from the local copy. */
  officeJs: string[];
  /** Requests that would have left 127.0.0.1 (aborted). Must stay empty. */
  outside: string[];
}

export interface GuardOptions {
  /** `http://127.0.0.1:<port>` of the test server. */
  localOrigin: string;
  /** Base URL of the Office.js the page names (`https://…/lib/1/hosted/`), or null. */
  officeJsBase: string | null;
}

/**
 * The base URL of the Office.js script in a built page (null when it is served by the
 * site itself or absent).
 * @example officeJsBase('<script src=https://cdn/lib/1/hosted/office.js>') // => 'https://cdn/lib/1/hosted/'
 */
export function officeJsBase(html: string): string | null {
  const match = /<script[^>]*\bsrc=["']?(https:\/\/[^"'\s>]*\/office\.js)["']?/i.exec(html);
  return match ? match[1].slice(0, match[1].lastIndexOf('/') + 1) : null;
}

/**
 * Whether a URL stays on the machine: the test server, or an in-page blob:/data: URL.
 * @example isLocal('http://127.0.0.1:5000/a.js', 'http://127.0.0.1:5000') // => true
 */
export function isLocal(url: string, localOrigin: string): boolean {
  return url.startsWith(`${localOrigin}/`) || url === localOrigin || url.startsWith('blob:') || url.startsWith('data:');
}

/**
 * Installs the guard on a context before any page opens. Cost: one route handler per request.
 * @example const log = await guardNetwork(context, { localOrigin: server.origin, officeJsBase: null });
 */
export async function guardNetwork(context: BrowserContext, options: GuardOptions): Promise<NetworkLog> {
  const log: NetworkLog = { all: [], officeJs: [], outside: [] };
  const { localOrigin, officeJsBase: base } = options;
  context.on('request', (request) => log.all.push(request.url()));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url, localOrigin)) return route.continue();
    if (base && url.startsWith(base)) {
      log.officeJs.push(url);
      const relative = new URL(url).pathname.slice(new URL(base).pathname.length);
      const file = path.resolve(OFFICE_JS_DIST, relative);
      if (file.startsWith(OFFICE_JS_DIST + path.sep) && fs.existsSync(file)) {
        return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: fs.readFileSync(file) });
      }
      return route.fulfill({ status: 404, body: '' });
    }
    log.outside.push(url);
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (socket) => {
    log.all.push(socket.url());
    if (!isLocal(socket.url().replace(/^ws/, 'http'), localOrigin)) log.outside.push(socket.url());
    void socket.close();
  });
  return log;
}

/**
 * The requests of a log that neither stayed local nor were the Office.js stand-in: should be [].
 * @example escaped({ all: ['https://x.cn/'], officeJs: [], outside: [] }, 'http://127.0.0.1:1') // => ['https://x.cn/']
 */
export function escaped(log: NetworkLog, localOrigin: string): string[] {
  const stray = log.all.filter((url) => !isLocal(url, localOrigin) && !log.officeJs.includes(url));
  return [...new Set([...log.outside, ...stray])];
}
