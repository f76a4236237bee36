/**
 * Step 4 of compute: grades (RULEBOOK §4.2–4.7).
 *
 * 1. a unit with a 突出问题 → 较差;
 * 2. of the rest in rank order, the first `goodQuota` units that keep award eligibility →
 *    好 (a vetoed unit is never 好, its place passes down — unless 否决单位可评好);
 * 3. of the rest still ungraded (vetoed ones included), the last `averageQuota` → 一般;
 * 4. everyone else → 较好.
 * A quota boundary inside a group still tied after tie-breaks: 'high' (并列就高) gives the
 * whole group the better grade, 'low' (并列就低) the lower one, and that boundary decides
 * the group: a group split by the 好 boundary under 就低 is 较好, never taken by the 一般
 * count afterwards (with few units it could otherwise end 一般 while the warning spoke of
 * 好 and 较好). Either way a warning names the group and the grade it got. With 分类排名
 * each type group is graded on its own. Quotas count units, whatever the 排名方式.
 */
import type { Grade, Issue, Msg, TieMode } from '../types';
import { joinNames, NAME_LIST_CAP } from './names';
import type { Ranking } from './rank';

export interface GradeInput {
  names: string[];
  /** `考核数据!B7`, by unit index. */
  nameCells: string[];
  /** By unit index: no vetoes. */
  eligible: boolean[];
  /** By unit index: the reference of its first prominent problem, or null. */
  prominent: (string | null)[];
  goodQuota: number;
  averageQuota: number;
  tieMode: TieMode;
  /** 否决单位可评好: a vetoed unit may be graded 好 (default false: never). */
  vetoedMayBeGood?: boolean;
  /** Sheet name for the warnings (the data sheet). */
  dataSheet: string;
}

export interface Grading {
  /** By unit index. */
  grades: Grade[];
  /**
   * Why a unit's grade is what it is (by unit index), written when asked: most units of a
   * large county share a total with a neighbour, and building every tie note up front
   * would allocate a list of names per unit that only 考核结果 reads. Each call builds a
   * new array. Cost: O(notes × NAME_LIST_CAP) per call.
   */
  notesOf(unit: number): Msg[];
  /** One per quota boundary that fell inside a tied group. */
  warnings: Issue[];
}

/** A quota boundary that fell inside a tied group. */
interface BoundaryTie {
  members: number[];
  rank: number;
  better: Grade;
  worse: Grade;
  /** The grade whose quota the boundary is (好 or 一般), its quota, and how many got it. */
  quotaGrade: Grade;
  quota: number;
  filled: number;
}

/** The A1 part of `考核数据!B7`. */
function cellPart(reference: string): string {
  const bang = reference.lastIndexOf('!');
  return bang < 0 ? reference : reference.slice(bang + 1);
}

/**
 * Grades one type group, order positions [start, end). Mutates `grades`, `vetoNotes` (by
 * unit index, only units that get such a note) and `boundaries`. Cost: O(end − start).
 */
function gradeGroup(
  ranking: Ranking,
  start: number,
  end: number,
  input: GradeInput,
  grades: (Grade | null)[],
  vetoNotes: Map<number, Msg[]>,
  boundaries: BoundaryTie[],
): void {
  const { order, groupStart, groupEnd, rank } = ranking;

  for (let p = start; p < end; p++) {
    const u = order[p];
    if (input.prominent[u] !== null) grades[u] = '较差';
  }

  // 好: first eligible units in rank order, by tied group.
  let good = 0;
  for (let p = start; p < end && good < input.goodQuota; p = groupEnd[p]) {
    const eligible: number[] = [];
    for (let q = p; q < groupEnd[p]; q++) {
      const u = order[q];
      if (grades[u] !== null) continue;
      if (input.eligible[u] || input.vetoedMayBeGood) {
        eligible.push(u);
        continue;
      }
      const note: Msg = { code: 'compute.note.vetoedNotGood', params: { rank: rank[u], quota: input.goodQuota } };
      const list = vetoNotes.get(u);
      if (list) list.push(note);
      else vetoNotes.set(u, [note]);
    }
    const remaining = input.goodQuota - good;
    if (eligible.length <= remaining) {
      for (const u of eligible) grades[u] = '好';
      good += eligible.length;
      continue;
    }
    const decided: Grade = input.tieMode === 'high' ? '好' : '较好';
    for (const u of eligible) grades[u] = decided;
    const filled = good + (decided === '好' ? eligible.length : 0);
    boundaries.push({ members: eligible, rank: rank[eligible[0]], better: '好', worse: '较好', quotaGrade: '好', quota: input.goodQuota, filled });
    good = input.goodQuota;
  }

  // 一般: last ungraded units in rank order, by tied group.
  let average = 0;
  for (let p = end - 1; p >= start && average < input.averageQuota; p = groupStart[p] - 1) {
    const ungraded: number[] = [];
    for (let q = groupStart[p]; q <= p; q++) if (grades[order[q]] === null) ungraded.push(order[q]);
    const remaining = input.averageQuota - average;
    if (ungraded.length <= remaining) {
      for (const u of ungraded) grades[u] = '一般';
      average += ungraded.length;
      continue;
    }
    if (input.tieMode === 'low') for (const u of ungraded) grades[u] = '一般';
    const filled = average + (input.tieMode === 'low' ? ungraded.length : 0);
    boundaries.push({ members: ungraded, rank: rank[ungraded[0]], better: '较好', worse: '一般', quotaGrade: '一般', quota: input.averageQuota, filled });
    average = input.averageQuota;
  }

  for (let p = start; p < end; p++) if (grades[order[p]] === null) grades[order[p]] = '较好';
}

/**
 * Grades every unit; the notes that explain the non-obvious outcomes are written on demand
 * (`notesOf`). Cost: O(n) after ranking; O(NAME_LIST_CAP) per note when read. Never throws.
 * @example gradeUnits(ranking, input).grades // => ['较好', '好', '好', '好', '较好', '较差', '一般', '一般']
 * @example t(gradeUnits(ranking, input).notesOf(3)[0], 'zh') // => '与E同分，按减贫成效排在前'
 */
export function gradeUnits(ranking: Ranking, input: GradeInput): Grading {
  const n = ranking.order.length;
  const grades: (Grade | null)[] = new Array(n).fill(null);
  const vetoNotes = new Map<number, Msg[]>();
  const boundaries: BoundaryTie[] = [];
  for (const group of ranking.typeGroups) gradeGroup(ranking, group.start, group.end, input, grades, vetoNotes, boundaries);
  const final = grades as Grade[];
  const boundaryCode = input.tieMode === 'high' ? 'compute.note.boundaryHigh' : 'compute.note.boundaryLow';

  /** By unit index: the boundary ties it is a member of, in boundary order. */
  const boundariesOf = new Map<number, BoundaryTie[]>();
  for (const tie of boundaries) {
    for (const u of tie.members) {
      const list = boundariesOf.get(u);
      if (list) list.push(tie);
      else boundariesOf.set(u, [tie]);
    }
  }

  const others = (members: number[], self: number): string =>
    joinNames(
      members.filter((u) => u !== self).map((u) => input.names[u]),
      NAME_LIST_CAP,
    );
  const namesAt = (start: number, end: number): string => {
    const list: string[] = [];
    for (let p = start; p < end && list.length <= NAME_LIST_CAP; p++) list.push(input.names[ranking.order[p]]);
    return joinNames(list, NAME_LIST_CAP);
  };

  const notesOf = (u: number): Msg[] => {
    const notes: Msg[] = [];
    const ref = input.prominent[u];
    if (ref !== null) notes.push({ code: 'compute.note.prominent', params: { ref } });
    const vetoed = vetoNotes.get(u);
    if (vetoed) for (const note of vetoed) notes.push({ code: note.code, params: { ...note.params } });
    const ahead = ranking.ahead(u);
    if (ahead) notes.push({ code: 'compute.note.tieAhead', params: { others: namesAt(ahead.start, ahead.end), dimension: ahead.dimension } });
    const behind = ranking.behind(u);
    if (behind) notes.push({ code: 'compute.note.tieBehind', params: { others: namesAt(behind.start, behind.end), dimension: behind.dimension } });
    const ties = boundariesOf.get(u);
    if (ties) {
      for (const tie of ties) notes.push({ code: boundaryCode, params: { others: others(tie.members, u), rank: tie.rank, grade: final[tie.members[0]] } });
    }
    return notes;
  };

  const warnings: Issue[] = boundaries.map((tie) => ({
    code: input.tieMode === 'high' ? 'compute.tie.high' : 'compute.tie.low',
    params: {
      units: joinNames(tie.members.map((u) => input.names[u])),
      rank: tie.rank,
      better: tie.better,
      worse: tie.worse,
      grade: final[tie.members[0]],
      quotaGrade: tie.quotaGrade,
      quota: tie.quota,
      filled: tie.filled,
    },
    severity: 'warning',
    sheet: input.dataSheet,
    cell: cellPart(input.nameCells[tie.members[0]]),
  }));

  return { grades: final, notesOf, warnings };
}
