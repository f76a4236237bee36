import { detectEnvironment, type OfficeLike } from '../../src/taskpane/environment';

const EXCEL = 'Excel';

function fakeOffice(info: { host: unknown } | null, displayLanguage = 'zh-CN'): OfficeLike {
  return {
    HostType: { Excel: EXCEL },
    context: { displayLanguage },
    onReady: (callback) => {
      if (info) callback?.({ host: info.host, platform: null });
      return new Promise(() => undefined);
    },
  };
}

describe('detectEnvironment', () => {
  it.each([
    ['Excel, Chinese Office', fakeOffice({ host: EXCEL }, 'zh-CN'), 'en-US', { mode: 'excel', lang: 'zh' }],
    ['Excel, English Office', fakeOffice({ host: EXCEL }, 'en-US'), 'zh-CN', { mode: 'excel', lang: 'en' }],
    ['Office.js outside Office (host null)', fakeOffice({ host: null }, 'en-US'), 'zh-CN', { mode: 'file', lang: 'zh' }],
    ['another Office host', fakeOffice({ host: 'Word' }), 'en-GB', { mode: 'file', lang: 'en' }],
    ['no Office.js at all', undefined, 'en-US', { mode: 'file', lang: 'en' }],
  ])('%s', async (_name, office, browserLanguage, expected) => {
    await expect(detectEnvironment({ office, browserLanguage })).resolves.toEqual(expected);
  });

  it('falls back to file mode when Office.onReady never answers', async () => {
    jest.useFakeTimers();
    try {
      const detected = detectEnvironment({ office: fakeOffice(null), browserLanguage: 'zh-CN', timeoutMs: 3000 });
      jest.advanceTimersByTime(3000);
      await expect(detected).resolves.toEqual({ mode: 'file', lang: 'zh' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('falls back to file mode when Office.onReady throws', async () => {
    const office = { ...fakeOffice(null), onReady: () => { throw new Error('not in Office'); } } as OfficeLike;
    await expect(detectEnvironment({ office, browserLanguage: 'zh' })).resolves.toEqual({ mode: 'file', lang: 'zh' });
  });
});
