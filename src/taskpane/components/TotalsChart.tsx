/**
 * The totals in rank order as an inline SVG bar chart (issue 13 §4): one horizontal bar
 * per unit, coloured by grade, with the 好 and 一般 lines dashed. Fits 320 px (viewBox,
 * width 100%); a click on a bar picks the unit for the radar.
 */
import { GRADE_COLORS } from '../../core/report/analysis';
import type { Grade } from '../../core/types';
import type { AnalysisSummary } from '../analysisSummary';
import type { Say } from '../say';

export const BAR_HEIGHT = 14;
const WIDTH = 300;
const LABEL = 78;
const VALUE = 34;
const TOP = 16;

/** `FF2E7D32` → `#2E7D32`. */
export const cssColor = (argb: string): string => `#${argb.slice(2)}`;
export const gradeColor = (grade: Grade): string => cssColor(GRADE_COLORS[grade]);

export interface TotalsChartProps {
  say: Say;
  summary: AnalysisSummary;
  selected: string | null;
  onPick: (name: string) => void;
}

export function TotalsChart({ say, summary, selected, onPick }: TotalsChartProps) {
  const bars = summary.bars;
  const totals = bars.map((b) => b.total);
  const top = Math.max(100, ...totals);
  // The axis starts at a round number below the lowest total (shown), so that differences
  // of a few points stay visible at 320 px.
  const low = Math.max(0, Math.floor((Math.min(top, ...totals) - 5) / 10) * 10);
  const span = WIDTH - LABEL - VALUE;
  const x = (v: number) => LABEL + ((Math.max(low, v) - low) / (top - low || 1)) * span;
  const height = TOP + bars.length * BAR_HEIGHT + 16;
  const bottom = TOP + bars.length * BAR_HEIGHT;
  const line = (value: number | null, grade: Grade, label: string) =>
    value === null ? null : (
      <g key={grade}>
        <line x1={x(value)} x2={x(value)} y1={TOP - 4} y2={bottom + 2} stroke={gradeColor(grade)} strokeWidth={1.2} strokeDasharray="3 2" />
        <text x={x(value)} y={grade === '好' ? TOP - 6 : bottom + 12} fontSize={9} textAnchor="middle" fill={gradeColor(grade)}>
          {`${label} ${value.toFixed(2)}`}
        </text>
      </g>
    );
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={say('ui.analysis.chartLabel', { count: bars.length })} data-testid="totals-chart">
        {bars.map((bar, i) => {
          const y = TOP + i * BAR_HEIGHT;
          const picked = bar.name === selected;
          return (
            <g key={bar.name} onClick={() => onPick(bar.name)} style={{ cursor: 'pointer' }} data-unit={bar.name}>
              <title>{say('ui.analysis.barTitle', { rank: bar.rank, name: bar.name, total: bar.total.toFixed(2), grade: bar.grade })}</title>
              <text x={LABEL - 3} y={y + BAR_HEIGHT - 4} fontSize={10} textAnchor="end" fontWeight={picked ? 700 : 400}>
                {bar.name.length > 6 ? `${bar.name.slice(0, 6)}…` : bar.name}
              </text>
              <rect x={LABEL} y={y + 2} width={Math.max(1, x(bar.total) - LABEL)} height={BAR_HEIGHT - 4} fill={gradeColor(bar.grade)} stroke={picked ? '#000' : 'none'} />
              <text x={x(bar.total) + 2} y={y + BAR_HEIGHT - 4} fontSize={9}>
                {bar.total.toFixed(2)}
              </text>
            </g>
          );
        })}
        <text x={LABEL} y={bottom + 12} fontSize={9} textAnchor="start" fill="#666">
          {low}
        </text>
        <text x={LABEL + span} y={bottom + 12} fontSize={9} textAnchor="end" fill="#666">
          {top}
        </text>
        {line(summary.goodLine, '好', say('ui.analysis.goodLine'))}
        {line(summary.averageLine, '一般', say('ui.analysis.averageLine'))}
      </svg>
      <figcaption style={{ fontSize: 11 }}>
        {(['好', '较好', '一般', '较差'] as Grade[]).map((grade) => (
          <span key={grade} style={{ marginRight: 8, whiteSpace: 'nowrap' }}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: gradeColor(grade), marginRight: 3, verticalAlign: 'middle' }} />
            {grade}
          </span>
        ))}
        {summary.more > 0 ? <span>{say('ui.analysis.more', { count: summary.more })}</span> : null}
      </figcaption>
    </figure>
  );
}
