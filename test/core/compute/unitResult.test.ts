import { compute, type UnitResultOf } from '../../../src/core/compute';
import { t } from '../../../src/core/messages';
import { directInput } from '../../helpers/input';

/** The fields of UnitResult, in the order of the interface (and of the JSON). */
const FIELDS = [
  'name',
  'type',
  'person',
  'row',
  'nameCell',
  'rank',
  'total',
  'totalExact',
  'converted',
  'dimensions',
  'grade',
  'eligible',
  'interview',
  'prominent',
  'vetoes',
  'notes',
  'scores',
];

describe('UnitResult objects with lazy dimensions, scores and notes', () => {
  // D and E tie on total; D is ahead on 减贫成效.
  const result = compute(
    directInput(['减贫成效', '其他'], [
      ['D', 30, 58],
      ['E', 28, 60],
      ['H', 25, 50],
    ]),
  );
  const [d, e] = result.units as UnitResultOf[];

  test('reads like plain data', () => {
    expect([d.name, d.rank, d.total, d.grade]).toEqual(['D', 1, 88, '好']);
    expect(d.dimensions).toEqual({ 减贫成效: 30, 其他: 58 });
    expect(d.scores.map((score) => score.rounded)).toEqual([30, 58]);
    expect(d.notes.map((note) => t(note, 'zh'))).toEqual(['与E同分，按减贫成效排在前']);
    expect(e.notes.map((note) => t(note, 'zh'))).toEqual(['与D同分，按减贫成效排在后']);
  });

  test('a lazy part is built once: every read returns the same object', () => {
    expect(d.dimensions).toBe(d.dimensions);
    expect(d.scores).toBe(d.scores);
    expect(d.notes).toBe(d.notes);
  });

  test('JSON carries every field, in the interface order', () => {
    const parsed = JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(FIELDS);
    expect(parsed.dimensions).toEqual({ 减贫成效: 28, 其他: 60 });
    expect(parsed.notes).toEqual([{ code: 'compute.note.tieBehind', params: { others: 'D', dimension: '减贫成效' } }]);
    expect((parsed.scores as { formula: string }[]).map((score) => score.formula)).toEqual(['直接得分 28', '直接得分 60']);
  });

  test('Object.keys and spreads see only the eager fields; toJSON gives a plain copy', () => {
    expect(Object.keys(d)).toEqual(FIELDS.filter((key) => !['dimensions', 'scores', 'notes'].includes(key)));
    const copy = d.toJSON();
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.notes).toBe(d.notes);
    expect(copy.dimensions).toEqual(d.dimensions);
  });
});
