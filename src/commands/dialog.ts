/**
 * The dialog page of the ribbon command: shows the rendered summary from the URL fragment
 * and tells the command to finish when the user closes it.
 */
import { parseDialogContent } from './dialogContent';

function render(): void {
  const content = parseDialogContent(location.hash);
  const title = document.getElementById('title');
  const lines = document.getElementById('lines');
  const close = document.getElementById('close') as HTMLButtonElement | null;
  if (!content || !title || !lines || !close) return;
  document.documentElement.lang = content.lang === 'en' ? 'en' : 'zh-CN';
  document.body.dataset.kind = content.kind;
  document.title = content.title;
  title.textContent = content.title;
  for (const line of content.lines) {
    const paragraph = document.createElement('p');
    paragraph.textContent = line;
    lines.appendChild(paragraph);
  }
  close.textContent = content.close;
  close.addEventListener('click', () => {
    if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent('close');
    else window.close();
  });
  close.focus();
}

if (typeof Office !== 'undefined') void Office.onReady(render);
else render();
