/**
 * Properties: the result of a unit does not depend on where things are written —
 * shuffling the data rows, renaming every unit consistently (a bijection), or reordering
 * the rows of 指标设置 changes no rank, grade, total, dimension score or veto.
 */
import fc from 'fast-check';
import { assess, type AssessOutcome, type WorkbookSnapshot } from '../../src/core';
import { ledgerSnapshot, SHEETS, type LedgerSpec } from '../helpers/generate';
import { freshNames, ledgerArb, RUNS, runs } from './arbitraries';

const now = new Date(2019, 0, 5, 10, 0, 0);

/** What must not change, per unit. */
interface UnitOutcome {
  rank: number;
  grade: string;
  total: number;
  dimensions: Record<string, number>;
  vetoCategories: number[];
  eligible: boolean;
  interview: boolean;
}

function outcomeOf(snapshot: WorkbookSnapshot): AssessOutcome {
  const outcome = assess(snapshot, { lang: 'zh', now });
  if (!outcome.ok) throw new Error(`a generated ledger should be valid: ${JSON.stringify(outcome.json.errors.slice(0, 3))}`);
  return outcome;
}

/** Per-unit outcomes by name (names mapped through `rename` when given). */
function byUnit(outcome: AssessOutcome, rename: (name: string) => string = (n) => n): Map<string, UnitOutcome> {
  return new Map(
    outcome.result!.units.map((unit) => [
      rename(unit.name),
      {
        rank: unit.rank,
        grade: unit.grade,
        total: unit.total,
        dimensions: unit.dimensions,
        vetoCategories: unit.vetoes.map((v) => v.category).sort(),
        eligible: unit.eligible,
        interview: unit.interview,
      },
    ]),
  );
}

const permutation = (size: number) => fc.shuffledSubarray(Array.from({ length: size }, (_, i) => i), { minLength: size, maxLength: size });

describe('invariance (fast-check, seeded)', () => {
  it(`shuffling the data rows changes no unit's result (${RUNS.invariance} cases)`, () => {
    fc.assert(
      fc.property(
        ledgerArb().chain((ledger) => fc.tuple(fc.constant(ledger), permutation(ledger.spec.units.length))),
        ([ledger, order]) => {
          const shuffled: LedgerSpec = { ...ledger.spec, units: order.map((i) => ledger.spec.units[i]) };
          expect(byUnit(outcomeOf(ledgerSnapshot(shuffled)))).toEqual(byUnit(outcomeOf(ledgerSnapshot(ledger.spec))));
        },
      ),
      runs(RUNS.invariance),
    );
  });

  it(`renaming every unit (a bijection) changes no unit's result (${RUNS.invariance} cases)`, () => {
    fc.assert(
      fc.property(
        ledgerArb().chain((ledger) => fc.tuple(fc.constant(ledger), freshNames(ledger.spec.units.length))),
        ([ledger, names]) => {
          const newName = new Map(ledger.spec.units.map((unit, i) => [unit.name, names[i]]));
          const renamed: LedgerSpec = { ...ledger.spec, units: ledger.spec.units.map((unit) => ({ ...unit, name: newName.get(unit.name)! })) };
          const before = byUnit(outcomeOf(ledgerSnapshot(ledger.spec)), (name) => newName.get(name)!);
          expect(byUnit(outcomeOf(ledgerSnapshot(renamed)))).toEqual(before);
        },
      ),
      runs(RUNS.invariance),
    );
  });

  it(`reordering the rows of 指标设置 changes no unit's result (${RUNS.invariance} cases)`, () => {
    fc.assert(
      fc.property(
        ledgerArb().chain((ledger) => fc.tuple(fc.constant(ledger), permutation(ledger.spec.indicators.length))),
        ([ledger, order]) => {
          const snapshot = ledgerSnapshot(ledger.spec);
          const table = snapshot.sheets[SHEETS.indicators].values;
          const reordered: WorkbookSnapshot = {
            ...snapshot,
            sheets: { ...snapshot.sheets, [SHEETS.indicators]: { ...snapshot.sheets[SHEETS.indicators], values: [table[0], ...order.map((i) => table[i + 1])] } },
          };
          expect(byUnit(outcomeOf(reordered))).toEqual(byUnit(outcomeOf(snapshot)));
        },
      ),
      runs(RUNS.invariance),
    );
  });
});
