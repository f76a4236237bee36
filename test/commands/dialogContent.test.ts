import { dialogUrl, parseDialogContent, type DialogContent } from '../../src/commands/dialogContent';
import { langFromDisplay } from '../../src/commands/commands';

const content: DialogContent = { lang: 'zh', kind: 'errors', title: '数据有误，未计算', lines: ['考核数据!F7：应为 0–100% 的比率，实际为"九十"', '#&?='], close: '关闭' };

it('carries the rendered sentences to dialog.html beside the page, in the fragment', () => {
  const url = dialogUrl(content, 'https://example.org/kaohe/commands.html?x=1');
  expect(url.startsWith('https://example.org/kaohe/dialog.html#')).toBe(true);
  expect(parseDialogContent(new URL(url).hash)).toEqual(content);
});

it.each(['', '#', '#not-json', '#%7B%7D'])('reads a broken fragment %j as null', (hash) => {
  expect(parseDialogContent(hash)).toBeNull();
});

it.each([
  ['en-US', 'en'],
  ['EN-gb', 'en'],
  ['zh-CN', 'zh'],
  ['zh-TW', 'zh'],
  [undefined, 'zh'],
] as const)('display language %s → %s', (display, lang) => {
  expect(langFromDisplay(display)).toBe(lang);
});
