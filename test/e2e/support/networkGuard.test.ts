import { escaped, isLocal, officeJsBase } from './networkGuard';

const LOCAL = 'http://127.0.0.1:4321';

describe('officeJsBase', () => {
  it.each([
    ['<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>', 'https://appsforoffice.microsoft.com/lib/1/hosted/'],
    ['<script type="text/javascript" src="https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js"></script>', 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/'],
    ['<script src="office-js/office.js"></script>', null],
    ['<script defer src=taskpane.js></script>', null],
  ])('%s', (html, base) => {
    expect(officeJsBase(html)).toBe(base);
  });
});

describe('isLocal', () => {
  it.each([
    [`${LOCAL}/taskpane.html`, true],
    ['blob:http://127.0.0.1:4321/1a2b', true],
    ['data:image/png;base64,AAAA', true],
    ['http://127.0.0.1:4322/taskpane.html', false],
    ['http://127.0.0.1:43210/x', false],
    ['http://localhost:4321/x', false],
    ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', false],
  ])('%s → %s', (url, expected) => {
    expect(isLocal(url, LOCAL)).toBe(expected);
  });
});

describe('escaped', () => {
  it('reports aborted requests and any outside request the route did not see, once each', () => {
    const office = 'https://cdn.example/lib/1/hosted/office.js';
    const log = { all: [`${LOCAL}/a.js`, office, 'https://telemetry.example/t', 'wss://x.example/s'], officeJs: [office], outside: ['https://telemetry.example/t'] };
    expect(escaped(log, LOCAL)).toEqual(['https://telemetry.example/t', 'wss://x.example/s']);
  });

  it('is empty when everything stayed local', () => {
    expect(escaped({ all: [`${LOCAL}/`, 'blob:x'], officeJs: [], outside: [] }, LOCAL)).toEqual([]);
  });
});
