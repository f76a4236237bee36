import {
  createUnitMatcher,
  headerKey,
  normalizeText,
  splitHeader,
  stripUnitSuffix,
} from '../../../src/core/read/normalize';

describe('normalizeText', () => {
  it.each([
    ['trims', '  单位  ', '单位'],
    ['removes inner spaces', '主要 负责人', '主要负责人'],
    ['removes line breaks', '群众\n满意度\r\n', '群众满意度'],
    ['removes ideographic space and nbsp', '文\u3000白\u00a0社区', '文白社区'],
    ['removes zero-width characters', '\ufeff文白\u200b村', '文白村'],
    ['folds full-width letters and digits', 'ＡＢＣ１２３', 'ABC123'],
    ['folds full-width brackets and percent', '满意度（％）', '满意度(%)'],
    ['folds full-width colon', '注：', '注:'],
    ['keeps plain ASCII', 'abc', 'abc'],
    ['empty stays empty', '', ''],
  ])('%s', (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('splitHeader / headerKey', () => {
  it.each<[string, string, string | null]>([
    ['群众满意度（%）', '群众满意度', '%'],
    ['群众满意度（％）', '群众满意度', '%'],
    ['群众满意度(%)', '群众满意度', '%'],
    ['帮扶资金（万元）', '帮扶资金', '万元'],
    ['帮扶资金[万元]', '帮扶资金', '万元'],
    ['帮扶资金［万元］', '帮扶资金', '万元'],
    ['帮扶资金【万元】', '帮扶资金', '万元'],
    ['帮扶资金 \n（万元）', '帮扶资金', '万元'],
    ['正职现场办公（次）', '正职现场办公', '次'],
    ['识别 准确率\n(%)', '识别准确率', '%'],
    // only a TRAILING group is a unit
    ['帮扶资金（万元）合计', '帮扶资金(万元)合计', null],
    ['资金(万元)(2018)', '资金(万元)', '2018'],
    // 村(社区) names the unit column, it is not a unit
    ['村(社区)', '村(社区)', null],
    ['村（社区）', '村(社区)', null],
    ['村（居）', '村(居)', null],
    // nothing left for a key, or an empty group
    ['(%)', '(%)', null],
    ['满意度()', '满意度()', null],
    ['单位', '单位', null],
    ['', '', null],
  ])('%j → key %j, unit %j', (raw, key, unit) => {
    expect(splitHeader(raw)).toEqual({ key, unit });
    expect(headerKey(raw)).toBe(key);
  });
});

describe('stripUnitSuffix', () => {
  it.each([
    ['文白社区', '文白'],
    ['龙源村', '龙源'],
    [' 龙源 村 ', '龙源'],
    ['文白', '文白'],
    ['村', '村'],
    ['社区', '社区'],
    ['新村村', '新村'],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(stripUnitSuffix(name)).toBe(expected);
  });
});

describe('createUnitMatcher', () => {
  const match = createUnitMatcher(['文白社区', '龙源村', '桃林村', '桃林社区', '羊楼司社区', '  新 塘村 ']);

  it.each([
    ['exact', '龙源村', '龙源村'],
    ['exact after normalising', ' 龙源\n村 ', '龙源村'],
    ['full-width spaces', '文白\u3000社区', '文白社区'],
    ['without its 社区', '文白', '文白社区'],
    ['without its 村', '龙源', '龙源村'],
    ['with the other suffix', '文白村', '文白社区'],
    ['exact wins over stem ambiguity', '桃林村', '桃林村'],
    ['returns the name as given', '新塘村', '  新 塘村 '],
  ])('%s: %j → %j', (_label, query, expected) => {
    expect(match(query)).toEqual({ ok: true, name: expected });
  });

  it('reports ambiguity with every candidate', () => {
    expect(match('桃林')).toEqual({ ok: false, reason: 'ambiguous', candidates: ['桃林村', '桃林社区'] });
  });

  it('reports an unknown name with suggestions that share the stem', () => {
    expect(match('羊楼')).toEqual({ ok: false, reason: 'unknown', candidates: ['羊楼司社区'] });
    expect(match('白云村')).toEqual({ ok: false, reason: 'unknown', candidates: [] });
  });

  it('treats a blank name as unknown', () => {
    expect(match('  ')).toEqual({ ok: false, reason: 'unknown', candidates: [] });
  });

  it('keeps the first of duplicate names', () => {
    const dup = createUnitMatcher(['文白社区', '文白 社区']);
    expect(dup('文白')).toEqual({ ok: true, name: '文白社区' });
  });

  it('caps suggestions at five', () => {
    const many = createUnitMatcher(['东一村', '东二村', '东三村', '东四村', '东五村', '东六村']);
    const result = many('东');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.candidates).toHaveLength(5);
  });
});
