/**
 * The one scoring dispatcher: one indicator's scores for a whole column of values at once,
 * in one tight loop per method so that the kernel is inlined and no number is boxed
 * (100,000 units × 40 indicators would otherwise allocate millions of heap numbers).
 * `scoreOf` (one value) runs through it too.
 */
import type { Direction, Indicator } from '../types';
import { bonusScore as bonus } from './bonus';
import { deductionScore as deduction } from './deduction';
import { directScore as direct } from './direct';
import { passScore as pass } from './pass';
import { rangeScore as range } from './range';
import { ratioScore as ratio } from './ratio';
import { relativeScore as relative, type Extremes } from './relative';

// The kernels bound once: a call through an import binding is a property read (a getter
// call under tsx's CommonJS output) per value, which keeps the loops below from inlining
// them (measured: about 4× slower at 100,000 units × 40 indicators).
const ratioScore = ratio;
const rangeScore = range;
const passScore = pass;
const deductionScore = deduction;
const bonusScore = bonus;
const directScore = direct;
const relativeScore = relative;

/**
 * An indicator's kernel parameters with the defaults of an empty cell: 目标值 1 (100% for a
 * rate, a yes for yes/no), 下限 0, 每项分值 1. The reader requires a target where it
 * matters; the defaults keep the kernels total. (达标 reads `indicator.target` itself: an
 * empty target there means "expects a yes".) Shared with `formulaOf`. Cost: O(1).
 * @example kernelSettings({ target: null, floor: null, perItem: 0.5 }) // => { target: 1, floor: 0, perItem: 0.5 }
 */
export function kernelSettings(indicator: Pick<Indicator, 'target' | 'floor' | 'perItem'>): { target: number; floor: number; perItem: number } {
  return { target: indicator.target ?? 1, floor: indicator.floor ?? 0, perItem: indicator.perItem ?? 1 };
}

/**
 * Writes `scoreOf(indicator, value, extremes)` of every value of `values` to `out` (same
 * positions; `out.length ≥ values.length`); NaN is a missing value and scores 0 (the value
 * table's convention). Cost: O(values). Never throws.
 * @example scoreColumn(ratioIndicator, Float64Array.of(0.95, NaN), out) // out => [19, 0]
 */
export function scoreColumn(indicator: Indicator, values: Float64Array, out: Float64Array, extremes: Extremes = { max: null, min: null }): void {
  const points = indicator.points;
  const direction = indicator.direction;
  const { target, floor, perItem } = kernelSettings(indicator);
  switch (indicator.method) {
    case 'ratio':
      return ratioColumn(values, out, points, target, direction);
    case 'range':
      return rangeColumn(values, out, points, target, floor, direction);
    case 'pass':
      return passColumn(values, out, points, indicator.target, direction);
    case 'deduction':
      return deductionColumn(values, out, points, perItem);
    case 'bonus':
      return bonusColumn(values, out, points, perItem);
    case 'direct':
      return directColumn(values, out, points);
    case 'relative':
      return relativeColumn(values, out, points, extremes, direction);
  }
}

// One small function per method, each with its own loop: V8 then optimises each loop for
// its one kernel (a single function with seven loops was deoptimised between methods:
// 6× slower at 100,000 units × 40 indicators). NaN is a missing value: 0.

function ratioColumn(values: Float64Array, out: Float64Array, points: number, target: number, direction: Direction): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === v ? ratioScore(v, points, target, direction) : 0;
  }
}

function rangeColumn(values: Float64Array, out: Float64Array, points: number, target: number, floor: number, direction: Direction): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === v ? rangeScore(v, points, target, floor, direction) : 0;
  }
}

function passColumn(values: Float64Array, out: Float64Array, points: number, target: number | null, direction: Direction): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === v ? passScore(v, points, target, direction) : 0;
  }
}

function deductionColumn(values: Float64Array, out: Float64Array, points: number, perItem: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === v ? deductionScore(v, points, perItem) : 0;
  }
}

function bonusColumn(values: Float64Array, out: Float64Array, points: number, perItem: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === v ? bonusScore(v, points, perItem) : 0;
  }
}

function directColumn(values: Float64Array, out: Float64Array, points: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === v ? directScore(v, points) : 0;
  }
}

function relativeColumn(values: Float64Array, out: Float64Array, points: number, extremes: Extremes, direction: Direction): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === v ? relativeScore(v, points, extremes, direction) : 0;
  }
}
