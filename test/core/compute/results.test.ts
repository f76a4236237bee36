import { compute } from '../../../src/core/compute';
import { t } from '../../../src/core/messages';
import { directInput } from '../../helpers/input';

/** The fields of UnitResult, in the order of the interface (and of the JSON). */
const FIELDS = ['name', 'type', 'person', 'row', 'nameCell', 'rank', 'total', 'totalExact', 'converted', 'dimensions', 'grade', 'eligible', 'interview', 'prominent', 'vetoes'];

describe('the result objects are plain data', () => {
  // D and E tie on total 88; D is ahead on 减贫成效 (30 > 28).
  const result = compute(
    directInput(['减贫成效', '其他'], [
      ['D', 30, 58],
      ['E', 28, 60],
      ['H', 25, 50],
    ]),
  );
  const [d, e, h] = result.units;

  test('every field is an own property; a spread copies them all', () => {
    expect(Object.keys(d)).toEqual(FIELDS);
    expect({ ...e }).toEqual(e);
    expect(Object.getPrototypeOf(d)).toBe(Object.prototype);
    expect([d.name, d.rank, d.total, d.grade, d.dimensions]).toEqual(['D', 1, 88, '好', { 减贫成效: 30, 其他: 58 }]);
    expect([h.name, h.rank, h.total]).toEqual(['H', 3, 75]);
  });

  test('JSON round-trips a unit unchanged', () => {
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  test('scores and notes by result position, built when asked', () => {
    expect(result.scoresOf(0).map((score) => [score.rounded, score.formula])).toEqual([
      [30, '直接得分 30'],
      [58, '直接得分 58'],
    ]);
    expect(result.scoresOf(1).map((score) => score.value)).toEqual([28, 60]);
    expect(result.notesOf(0).map((note) => t(note, 'zh'))).toEqual(['与E同分，按减贫成效排在前']);
    expect(result.notesOf(1).map((note) => t(note, 'zh'))).toEqual(['与D同分，按减贫成效排在后']);
    expect(result.notesOf(2)).toEqual([]);
  });
});
