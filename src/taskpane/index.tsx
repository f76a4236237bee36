/**
 * Entry point of taskpane.html: decides Excel mode or file mode once Office.js is ready
 * (or has failed to load), then renders the pane in a FluentProvider.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficePort } from '../io/office';
import { App } from './App';
import { detectEnvironment, type OfficeLike, type PaneEnvironment } from './environment';
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
  const env = await detectEnvironment({ office, browserLanguage: navigator.language });
  document.documentElement.lang = env.lang === 'zh' ? 'zh-CN' : 'en';
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <App host={wpsPaneHost(window, env.lang) ?? hostFor(env)} />
      </FluentProvider>
    </StrictMode>,
  );
}

void start();
