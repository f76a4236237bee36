import { langFromLocale } from '../../src/taskpane/lang';

describe('langFromLocale', () => {
  it.each([
    ['en-US', 'en'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['fr-FR', 'zh'],
    ['eng', 'zh'],
    ['', 'zh'],
    [undefined, 'zh'],
    [null, 'zh'],
  ])('%p → %p', (locale, lang) => {
    expect(langFromLocale(locale as string | undefined)).toBe(lang);
  });
});
