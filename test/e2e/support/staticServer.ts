/**
 * A tiny static file server on 127.0.0.1 (random free port, plain http) for the built
 * pages, so the browser loads them exactly as a web server would hand them out.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  /** The URL of a path under the server root, e.g. `taskpane.html`. */
  url(relative: string): string;
  close(): Promise<void>;
}

/**
 * The file a request path maps to, or null when it names the root itself or cannot be decoded
 * (`..` never climbs above the root).
 * @example resolveUnder('/srv', '/a%20b.js') // => '/srv/a b.js'
 */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file.startsWith(root + path.sep) ? file : null;
}

/**
 * Serves `roots` in order (the first root that has the file wins). Cost: one read per request.
 * Throws only when the port cannot be bound.
 * @example const server = await serveStatic([DIST]); await page.goto(server.url('taskpane.html'));
 */
export async function serveStatic(roots: string[]): Promise<StaticServer> {
  const absolute = roots.map((root) => path.resolve(root));
  const server = http.createServer((request, response) => {
    void (async () => {
      const urlPath = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      for (const root of absolute) {
        const file = resolveUnder(root, urlPath);
        if (!file) continue;
        try {
          const body = await fs.readFile(file);
          response.writeHead(200, {
            'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
            'Cache-Control': 'no-store',
          });
          response.end(body);
          return;
        } catch {
          // not in this root: try the next one
        }
      }
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('not found');
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (relative) => `${origin}/${relative.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
