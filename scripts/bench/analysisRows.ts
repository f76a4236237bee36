/** The rows of the issue-13 figure for the bench table. */
import { benchAnalysis, benchFirstRun } from './analysis';
import { ms, verdict, type FigureRow } from './report';

/**
 * Robustness (1,000 runs) within this many times the plain computation — measured against
 * readInput + compute (see analysis.ts for why that denominator and not assess end to end).
 */
const ANALYSIS_GOAL = 5;

export async function analysisRows(quick: boolean): Promise<FigureRow[]> {
  const f = await benchAnalysis(quick ? 500 : 5_000, 40, { warmup: 1, runs: 3 });
  const first = benchFirstRun(f.units, f.indicators, quick ? 2 : 5);
  const perFirst = first.robustnessMs / first.readComputeMs;
  const spread = `${Math.min(...first.ratios).toFixed(1)}–${Math.max(...first.ratios).toFixed(1)}×`;
  const size = `${f.units.toLocaleString('en')} × ${f.indicators}`;
  const perRead = f.robustnessMs / f.readComputeMs;
  const perAssess = f.robustnessMs / f.assessPlainMs;
  const perSecond = f.runs / (f.robustnessMs / 1000);
  return [
    {
      figure: `robustness ${f.runs} runs, ${size} / readInput + compute, first run in a fresh process (as each CLI run), median of ${first.ratios.length}`,
      measured: `${perFirst.toFixed(1)}× (${ms(first.robustnessMs)} / ${ms(first.readComputeMs)}; processes ${spread})`,
      goal: `≤ ${ANALYSIS_GOAL}×`,
      verdict: verdict(perFirst <= ANALYSIS_GOAL),
    },
    {
      figure: `robustness ${f.runs} runs, ${size} / readInput + compute, warm (calls 2–4 in one process, taking turns)`,
      measured: `${perRead.toFixed(1)}× (${ms(f.robustnessMs)} / ${ms(f.readComputeMs)})`,
      goal: `≤ ${ANALYSIS_GOAL}×`,
      verdict: verdict(perRead <= ANALYSIS_GOAL),
    },
    {
      figure: `robustness ${size} / assess end to end without analyses (read + compute + report sheets)`,
      measured: `${perAssess.toFixed(1)}× (${ms(f.robustnessMs)} / ${ms(f.assessPlainMs)})`,
      goal: '—',
      verdict: 'INFO',
    },
    { figure: `robustness ${size}: runs per second`, measured: `${Math.round(perSecond).toLocaleString('en')} runs/s`, goal: '—', verdict: 'INFO' },
    { figure: `robustness ${size} / compute alone (information)`, measured: `${(f.robustnessMs / f.computeMs).toFixed(0)}× (${ms(f.robustnessMs)} / ${ms(f.computeMs)})`, goal: '—', verdict: 'INFO' },
    { figure: `gaps (toBetter/toWorse), ${size}`, measured: ms(f.gapsMs), goal: '—', verdict: 'INFO' },
    { figure: 'all analyses, 19-unit demo, 1,000 runs', measured: ms(f.demoMs), goal: 'instant (< 0.5 s)', verdict: verdict(f.demoMs < 500) },
  ];
}
