/**
 * Property: grade counts respect the quotas — at most 好等次名额 units are 好 and at most
 * 一般等次名额 are 一般 — except where a tie warning declares that the boundary fell inside
 * a tied group; without such a warning the counts are exactly what the rules give. A
 * vetoed unit is never 好. Every unit a tie warning names has the grade the warning says;
 * a tie split by the 好 boundary under 并列就低 is 较好 and not counted for 一般.
 */
import fc from 'fast-check';
import { assess, type Grade, type Issue } from '../../src/core';
import { ledgerSnapshot } from '../helpers/generate';
import { ledgerArb, RUNS, runs } from './arbitraries';

const now = new Date(2019, 0, 5, 10, 0, 0);

const tieAt = (warnings: Issue[], grade: Grade): boolean =>
  warnings.some((w) => (w.code === 'compute.tie.high' || w.code === 'compute.tie.low') && (w.params?.better === grade || w.params?.worse === grade));

describe('grade quotas (fast-check, seeded)', () => {
  it(`好 ≤ goodQuota and 一般 ≤ averageQuota unless a tie warning names the boundary (${RUNS.quotas} cases)`, () => {
    let boundaryTies = 0;
    fc.assert(
      fc.property(ledgerArb(25), (ledger) => {
        const outcome = assess(ledgerSnapshot(ledger.spec), { lang: 'zh', now });
        expect(outcome.json.errors).toEqual([]);
        const units = outcome.result!.units;
        const warnings = outcome.result!.warnings;
        const count = (grade: Grade) => units.filter((u) => u.grade === grade).length;
        const good = count('好');
        const average = count('一般');
        const poor = count('较差');
        const eligible = units.filter((u) => u.eligible && !u.prominent).length;

        for (const unit of units) if (!unit.eligible) expect(unit.grade).not.toBe('好');
        expect(good + average + poor + count('较好')).toBe(units.length);

        const ties = warnings.filter((w) => w.code === 'compute.tie.high' || w.code === 'compute.tie.low');
        const named = (w: Issue) => String(w.params?.units).split('、');
        for (const w of ties) {
          for (const name of named(w)) expect([name, units.find((u) => u.name === name)?.grade]).toEqual([name, w.params?.grade]);
        }
        // 就低 at the 好 boundary: the whole tied group is 较好, decided there.
        const decidedAtGood = ties.filter((w) => w.code === 'compute.tie.low' && w.params?.better === '好').reduce((n, w) => n + named(w).length, 0);

        if (tieAt(warnings, '好')) boundaryTies++;
        else expect(good).toBe(Math.min(ledger.goodQuota, eligible));
        if (tieAt(warnings, '一般')) boundaryTies++;
        else expect(average).toBe(Math.min(ledger.averageQuota, units.length - good - poor - decidedAtGood));

        if (good > ledger.goodQuota) expect(warnings.some((w) => w.code === 'compute.tie.high' && w.params?.better === '好')).toBe(true);
        if (average > ledger.averageQuota) expect(warnings.some((w) => w.code === 'compute.tie.low' && w.params?.worse === '一般')).toBe(true);
      }),
      runs(RUNS.quotas),
    );
    // The generator must reach the interesting case (a boundary inside a tie) often enough.
    expect(boundaryTies).toBeGreaterThan(10);
  });
});
