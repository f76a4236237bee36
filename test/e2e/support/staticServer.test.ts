import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveUnder, serveStatic } from './staticServer';

describe('resolveUnder', () => {
  it.each([
    ['/taskpane.html', '/srv/taskpane.html'],
    ['/assets/icon-32.png', '/srv/assets/icon-32.png'],
    ['/%E8%80%83%E6%A0%B8.js', '/srv/考核.js'],
    ['/../etc/passwd', '/srv/etc/passwd'],
    ['/%2e%2e/etc/passwd', '/srv/etc/passwd'],
    ['/', null],
    ['/%E0%A4%A', null],
  ])('%s → %s', (urlPath, file) => {
    expect(resolveUnder('/srv', urlPath)).toBe(file);
  });
});

describe('serveStatic', () => {
  it('serves files from the first root that has them, on 127.0.0.1, and 404 otherwise', async () => {
    const first = fs.mkdtempSync(path.join(os.tmpdir(), 'kaohe-static-a-'));
    const second = fs.mkdtempSync(path.join(os.tmpdir(), 'kaohe-static-b-'));
    fs.writeFileSync(path.join(first, 'a.html'), '<p>first</p>');
    fs.writeFileSync(path.join(second, 'a.html'), '<p>second</p>');
    fs.writeFileSync(path.join(second, 'b.js'), 'var b;');
    const server = await serveStatic([first, second]);
    try {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const a = await fetch(server.url('a.html'));
      expect([a.status, a.headers.get('content-type'), await a.text()]).toEqual([200, 'text/html; charset=utf-8', '<p>first</p>']);
      const b = await fetch(server.url('/b.js'));
      expect([b.status, await b.text()]).toEqual([200, 'var b;']);
      expect((await fetch(server.url('missing.js'))).status).toBe(404);
    } finally {
      await server.close();
      fs.rmSync(first, { recursive: true, force: true });
      fs.rmSync(second, { recursive: true, force: true });
    }
  });
});
