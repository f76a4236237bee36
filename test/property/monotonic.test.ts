/**
 * Property: raising one unit's value on a 正向 (higher-is-better) indicator never lowers
 * its total, never moves it down the ranking, and never adds a veto.
 * (扣分 is left out: its value counts problems, so more is worse whatever 方向 says.)
 */
import fc from 'fast-check';
import { assess } from '../../src/core';
import { ledgerSnapshot, type LedgerSpec } from '../helpers/generate';
import { ledgerArb, RUNS, runs, type GeneratedLedger } from './arbitraries';

const now = new Date(2019, 0, 5, 10, 0, 0);

function unitOutcome(spec: LedgerSpec, name: string) {
  const outcome = assess(ledgerSnapshot(spec), { lang: 'zh', now });
  if (!outcome.ok) throw new Error(`a generated ledger should be valid: ${JSON.stringify(outcome.json.errors.slice(0, 3))}`);
  const unit = outcome.result!.units.find((u) => u.name === name);
  if (!unit) throw new Error(`unit ${name} is missing from the result`);
  return unit;
}

/** Indicators whose value may be raised: 正向, not 扣分. */
const raisable = (ledger: GeneratedLedger): number[] =>
  ledger.spec.indicators.flatMap((ind, i) => (ind.direction === 'up' && ind.method !== 'deduction' ? [i] : []));

const raiseCase = ledgerArb()
  .filter((ledger) => raisable(ledger).length > 0)
  .chain((ledger) =>
    fc.record({
      ledger: fc.constant(ledger),
      unit: fc.integer({ min: 0, max: ledger.spec.units.length - 1 }),
      indicator: fc.constantFrom(...raisable(ledger)),
      step: fc.integer({ min: 1, max: 100 }),
    }),
  );

describe('monotonicity (fast-check, seeded)', () => {
  it(`raising a value on a 正向 indicator never lowers the unit's total or rank (${RUNS.monotonic} cases)`, () => {
    let raisedSomething = 0;
    fc.assert(
      fc.property(raiseCase, ({ ledger, unit, indicator, step }) => {
        const spec = ledger.spec;
        const ind = spec.indicators[indicator];
        const cap = ind.method === 'direct' ? ind.points : 100;
        const old = spec.units[unit].values[indicator] as number;
        const raised = Math.min(cap, old + step);
        const higher: LedgerSpec = {
          ...spec,
          units: spec.units.map((u, k) => (k === unit ? { ...u, values: u.values.map((v, i) => (i === indicator ? raised : v)) } : u)),
        };
        if (raised > old) raisedSomething++;
        const name = spec.units[unit].name;
        const before = unitOutcome(spec, name);
        const after = unitOutcome(higher, name);
        expect(after.totalExact).toBeGreaterThanOrEqual(before.totalExact);
        expect(after.total).toBeGreaterThanOrEqual(before.total);
        expect(after.rank).toBeLessThanOrEqual(before.rank);
        expect(after.vetoes.length).toBeLessThanOrEqual(before.vetoes.length);
      }),
      runs(RUNS.monotonic),
    );
    // The property must have been exercised with real raises, not only values already at the cap.
    expect(raisedSomething).toBeGreaterThan(RUNS.monotonic / 2);
  });
});
