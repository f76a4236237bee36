/**
 * One unit's dimension scores against the town's average as an inline SVG radar
 * (issue 13 §4): each axis is a dimension, scaled to its points (the outer ring = full
 * points). Fits 320 px.
 */
import type { AnalysisSummary } from '../analysisSummary';
import type { Say } from '../say';

const SIZE = 300;
const HEIGHT = 250;
const CX = SIZE / 2;
const CY = 128;
const R = 86;

export interface RadarChartProps {
  say: Say;
  summary: AnalysisSummary;
  unit: string;
}

/** The point of axis d (of n) at share s of the radius. */
function point(d: number, n: number, s: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * d) / n;
  return [CX + R * s * Math.cos(angle), CY + R * s * Math.sin(angle)];
}

const polygon = (shares: number[]): string => shares.map((s, d) => point(d, shares.length, Math.max(0, Math.min(1.1, s))).join(',')).join(' ');

export function RadarChart({ say, summary, unit }: RadarChartProps) {
  const axes = summary.axes;
  const n = axes.length;
  const scores = summary.scores[unit] ?? axes.map(() => 0);
  if (n < 3) return <p>{say('ui.analysis.radarFew')}</p>;
  const share = (values: number[]) => values.map((v, d) => (axes[d].max > 0 ? v / axes[d].max : 0));
  return (
    <svg viewBox={`0 0 ${SIZE} ${HEIGHT}`} width="100%" role="img" aria-label={say('ui.analysis.radarLabel', { unit })} data-testid="radar">
      {[0.25, 0.5, 0.75, 1].map((ring) => (
        <polygon key={ring} points={polygon(axes.map(() => ring))} fill="none" stroke="#ccc" strokeWidth={0.8} />
      ))}
      {axes.map((axis, d) => {
        const [x, y] = point(d, n, 1);
        const [lx, ly] = point(d, n, 1.2);
        return (
          <g key={axis.dimension}>
            <line x1={CX} y1={CY} x2={x} y2={y} stroke="#ccc" strokeWidth={0.8} />
            <text x={lx} y={ly + 3} fontSize={10} textAnchor={Math.abs(lx - CX) < 8 ? 'middle' : lx > CX ? 'start' : 'end'}>
              {axis.dimension}
            </text>
          </g>
        );
      })}
      <polygon points={polygon(share(summary.average))} fill="rgba(120,120,120,0.15)" stroke="#777" strokeDasharray="3 2" strokeWidth={1.2} />
      <polygon points={polygon(share(scores))} fill="rgba(31,119,180,0.25)" stroke="#1F77B4" strokeWidth={1.6} />
      <g fontSize={10}>
        <rect x={8} y={HEIGHT - 14} width={10} height={10} fill="rgba(31,119,180,0.5)" />
        <text x={22} y={HEIGHT - 5}>{unit}</text>
        <rect x={150} y={HEIGHT - 14} width={10} height={10} fill="rgba(120,120,120,0.4)" />
        <text x={164} y={HEIGHT - 5}>{say('ui.analysis.townAverage')}</text>
      </g>
    </svg>
  );
}
