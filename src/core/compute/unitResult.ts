/**
 * The UnitResult objects of one compute run, with their bulky parts written on demand.
 *
 * A county of 100,000 units would otherwise allocate, per unit, a dimension record, an
 * IndicatorScore per indicator and a list of notes naming its tied neighbours — millions
 * of objects that only the 考核结果 and 计算明细 sheets read, and whose allocation makes the
 * garbage collector walk the whole (large) input again and again. So `dimensions`,
 * `scores` and `notes` are getters on the prototype: built on first read, then kept (every
 * later read returns the same object).
 *
 * Reads, `JSON.stringify` (through `toJSON`) and `toJSON()` itself see every UnitResult
 * field, in the order of the interface. An object spread (`{ ...unit }`) or `Object.keys`
 * does not see the three lazy fields: use `unit.toJSON()` for a plain copy.
 */
import type { IndicatorScore, Msg, UnitResult, UnitRow, Veto } from '../types';
import type { Grading } from './grade';
import type { Ranking } from './rank';
import { round2 } from './round';
import type { ScoredUnits } from './scoreUnits';

/** Everything the UnitResult objects of one compute run are read from, by unit index. */
export interface UnitRun {
  units: UnitRow[];
  scored: ScoredUnits;
  ranking: Ranking;
  grading: Grading;
  vetoes: Veto[][];
  /** The reference of each unit's first prominent problem, or null. */
  prominent: (string | null)[];
  /** 年终折算分值 when it applies (set, and the points sum above 0), else null. */
  conversion: number | null;
  /** Sum of the indicators' points. */
  pointsSum: number;
}

// Symbol keys: invisible to Object.keys, for…in and JSON.stringify.
const RUN = Symbol('run');
const INDEX = Symbol('index');
const LAZY = Symbol('lazy');

/** The lazy parts once read. */
interface LazyParts {
  dimensions?: Record<string, number>;
  scores?: IndicatorScore[];
  notes?: Msg[];
}

/**
 * One unit's result, read from the run's arrays. Cost: O(1) to make; `dimensions`
 * O(dimensions), `scores` O(indicators) and `notes` O(notes × NAME_LIST_CAP) on first
 * read. Never throws.
 * @example new UnitResultOf(run, 3).dimensions // => { 减贫成效: 12.7, 精准识别: 11.22, … }
 */
export class UnitResultOf implements UnitResult {
  readonly name: string;
  readonly type: string;
  readonly person: string | null;
  readonly row: number;
  readonly nameCell: string;
  readonly rank: number;
  readonly total: number;
  readonly totalExact: number;
  readonly converted: number | null;
  readonly grade: UnitResult['grade'];
  readonly eligible: boolean;
  readonly interview: boolean;
  readonly prominent: boolean;
  readonly vetoes: Veto[];
  private readonly [RUN]: UnitRun;
  private readonly [INDEX]: number;
  private [LAZY]: LazyParts | null;

  /** `unit` is the unit's input position (its index in every array of `run`). */
  constructor(run: UnitRun, unit: number) {
    const row = run.units[unit];
    const vetoes = run.vetoes[unit];
    const totalExact = run.scored.totalExact[unit];
    this.name = row.name;
    this.type = row.type;
    this.person = row.person;
    this.row = row.row;
    this.nameCell = row.nameCell;
    this.rank = run.ranking.rank[unit];
    this.total = run.scored.total[unit];
    this.totalExact = totalExact;
    this.converted = run.conversion === null ? null : round2((totalExact * run.conversion) / run.pointsSum);
    this.grade = run.grading.grades[unit];
    this.eligible = vetoes.length === 0;
    this.interview = vetoes.length > 0;
    this.prominent = run.prominent[unit] !== null;
    this.vetoes = vetoes;
    this[RUN] = run;
    this[INDEX] = unit;
    this[LAZY] = null;
  }

  /** The lazy parts read so far. */
  private lazy(): LazyParts {
    return (this[LAZY] ??= {});
  }

  /** Rounded dimension scores, in indicator-table order. */
  get dimensions(): Record<string, number> {
    const lazy = this.lazy();
    if (lazy.dimensions === undefined) {
      const { dimensions, dimensionRounded } = this[RUN].scored;
      const base = this[INDEX] * dimensions.length;
      const record: Record<string, number> = {};
      for (let d = 0; d < dimensions.length; d++) record[dimensions[d]] = dimensionRounded[base + d];
      lazy.dimensions = record;
    }
    return lazy.dimensions;
  }

  /** Every indicator's score with its inputs and formula. */
  get scores(): IndicatorScore[] {
    const lazy = this.lazy();
    return (lazy.scores ??= this[RUN].scored.scoresOf(this[INDEX]));
  }

  /** Why the grade is what it is. */
  get notes(): Msg[] {
    const lazy = this.lazy();
    return (lazy.notes ??= this[RUN].grading.notesOf(this[INDEX]));
  }

  /** A plain object with every UnitResult field (what `JSON.stringify` writes). */
  toJSON(): UnitResult {
    return {
      name: this.name,
      type: this.type,
      person: this.person,
      row: this.row,
      nameCell: this.nameCell,
      rank: this.rank,
      total: this.total,
      totalExact: this.totalExact,
      converted: this.converted,
      dimensions: this.dimensions,
      grade: this.grade,
      eligible: this.eligible,
      interview: this.interview,
      prominent: this.prominent,
      vetoes: this.vetoes,
      notes: this.notes,
      scores: this.scores,
    };
  }
}
