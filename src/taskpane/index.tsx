/**
 * Entry point of the React pane (loaded by detect.js on taskpane.html for WebView2 and
 * browsers): inside Office it shows "正在连接 Excel…" until Office.onReady answers, however
 * late; in a browser, file mode after a short wait — and Excel mode whenever a late
 * Office.onReady answers for Excel (watchEnvironment).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficePort } from '../io/office';
import { App } from './App';
import { t } from '../core';
import { insideOfficeHost, pageSignals, watchEnvironment, type OfficeLike, type PaneEnvironment } from './environment';
import { createExcelHost } from './excelHost';
import { createFileHost } from './fileHost';
import type { PaneHost } from './host';
import { wpsPaneHost } from './wpsPane';

/** The host for a mode. */
export function hostFor(env: PaneEnvironment): PaneHost {
  return env.mode === 'excel' ? createExcelHost({ port: createOfficePort(), lang: env.lang }) : createFileHost({ lang: env.lang });
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const office = typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike);
  const root = createRoot(container);
  watchEnvironment({ office, browserLanguage: navigator.language, insideOffice: insideOfficeHost(pageSignals()) }, (state) => {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    root.render(
      <StrictMode>
        <FluentProvider theme={webLightTheme}>
          {state.mode === 'connecting' ? (
            <p role="status" data-testid="connecting" style={{ padding: 16 }}>
              {t({ code: state.slow ? 'ui.connectingSlow' : 'ui.connecting' }, state.lang)}
            </p>
          ) : (
            <App key={state.mode} host={wpsPaneHost(window, state.lang) ?? hostFor(state)} />
          )}
        </FluentProvider>
      </StrictMode>,
    );
  });
}

void start();
