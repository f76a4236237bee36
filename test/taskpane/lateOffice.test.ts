/**
 * Office answers late (issue 11, Must 5): inside an Office host the pane waits for
 * Office.onReady as long as it takes, showing "正在连接 Excel…"; in a browser it shows file
 * mode after a short wait, and switches to Excel mode whenever a late answer comes.
 */
import { t } from '../../src/core';
import { insideOfficeHost, SLOW_CONNECT_MS, watchEnvironment, type OfficeLike, type PaneState } from '../../src/taskpane/environment';
import { ExcelSimulator } from '../io/simulator/excel-simulator';

/** The simulator's Office global with a late onReady (answers when the test says so). */
function lateOffice(displayLanguage = 'zh-CN') {
  const sim = new ExcelSimulator({ lateReady: true, displayLanguage });
  return { sim, office: sim.officeGlobal() as unknown as OfficeLike };
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('insideOfficeHost', () => {
  it.each([
    [{ search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' }, true],
    [{ search: '', hash: '#_host_Info=Excel|Web|16.00|en-US' }, true],
    [{ external: { GetContext: () => undefined } }, true],
    [{ webview: {} }, true],
    [{ search: '?x=1', external: {} }, false],
    [{}, false],
  ])('%j → %s', (signals, expected) => expect(insideOfficeHost(signals)).toBe(expected));
  it('never throws, even when the bridge object throws on inspection', () => {
    const hostile = new Proxy({}, { has: () => { throw new Error('COM'); } });
    expect(insideOfficeHost({ external: hostile })).toBe(false);
  });
});

describe('watchEnvironment', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('inside Office: connecting for as long as it takes (still waiting after a minute), then Excel', async () => {
    const { sim, office } = lateOffice();
    const states: PaneState[] = [];
    watchEnvironment({ office, browserLanguage: 'zh-CN', insideOffice: true }, (state) => states.push(state));
    expect(states).toEqual([{ mode: 'connecting', lang: 'zh', slow: false }]);
    expect(t({ code: 'ui.connecting' }, 'zh')).toBe('正在连接 Excel…');
    jest.advanceTimersByTime(SLOW_CONNECT_MS);
    jest.advanceTimersByTime(60_000);
    expect(states.map((s) => s.mode)).toEqual(['connecting', 'connecting']);
    expect(states[1]).toEqual({ mode: 'connecting', lang: 'zh', slow: true });
    sim.answerReady();
    await flush();
    expect(states[states.length - 1]).toEqual({ mode: 'excel', lang: 'zh' });
  });

  it('in a browser: file mode after the wait, then Excel mode when a late onReady answers for Excel', async () => {
    const { sim, office } = lateOffice('en-US');
    const states: PaneState[] = [];
    watchEnvironment({ office, browserLanguage: 'zh-CN', insideOffice: false, timeoutMs: 3000 }, (state) => states.push(state));
    expect(states).toEqual([]);
    jest.advanceTimersByTime(3000);
    expect(states).toEqual([{ mode: 'file', lang: 'zh' }]);
    sim.answerReady();
    await flush();
    expect(states).toEqual([{ mode: 'file', lang: 'zh' }, { mode: 'excel', lang: 'en' }]);
  });

  it('inside Office without the Office global (office.js did not load): says it is still waiting', () => {
    const states: PaneState[] = [];
    watchEnvironment({ office: undefined, browserLanguage: 'en', insideOffice: true }, (state) => states.push(state));
    expect(states).toEqual([{ mode: 'connecting', lang: 'en', slow: true }]);
  });

  it('a renderer that throws does not stop the later switch', async () => {
    const { sim, office } = lateOffice();
    const seen: string[] = [];
    watchEnvironment({ office, browserLanguage: 'zh-CN', insideOffice: true }, (state) => {
      seen.push(state.mode);
      throw new Error('render failed');
    });
    sim.answerReady();
    await flush();
    expect(seen).toEqual(['connecting', 'excel']);
  });
});
