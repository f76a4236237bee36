/**
 * The analyses in the pane's summary (issue 13): the totals chart (first, before the grade
 * lists), then the units whose grade is not firm, the correlation with last year, and the
 * radar of one unit picked from the chart or the list.
 */
import { Dropdown, Field, Option } from '@fluentui/react-components';
import { useState } from 'react';
import { formatNumber } from '../../core/numbers';
import type { AnalysisSummary } from '../analysisSummary';
import type { Say } from '../say';
import { RadarChart } from './RadarChart';
import { usePaneStyles } from './styles';
import { TotalsChart } from './TotalsChart';

export interface AnalysisProps {
  say: Say;
  summary: AnalysisSummary;
  /** The unit picked for the radar (shared by the chart and the list), or null. */
  picked: string | null;
  onPick: (name: string) => void;
}

/** The picked unit, defaulting to the first in rank order. */
export function usePickedUnit(): [string | null, (name: string) => void] {
  return useState<string | null>(null);
}

export function ChartBlock({ say, summary, picked, onPick }: AnalysisProps) {
  return <TotalsChart say={say} summary={summary} selected={picked} onPick={onPick} />;
}

export function AnalysisLines({ say, summary, picked, onPick }: AnalysisProps) {
  const pane = usePaneStyles();
  const unit = picked ?? summary.names[0] ?? '';
  const spread = `${formatNumber(Math.round(summary.spread * 1000) / 10)}%`;
  return (
    <>
      {summary.runs === 0 ? null : summary.unstable.length > 0 ? (
        <p data-testid="unstable">{say('analysis.summary.unstable', { units: summary.unstable.join(say('ui.summary.separator')) })}</p>
      ) : (
        <p className={pane.hint} data-testid="unstable">
          {say('analysis.summary.allStable', { spread })}
        </p>
      )}
      {summary.hasPrevious ? <p>{say('analysis.summary.spearman', { rho: summary.spearman === null ? '—' : summary.spearman.toFixed(2) })}</p> : null}
      <Field label={say('ui.analysis.radarPick')} className={pane.fill}>
        <Dropdown
          className={pane.fill}
          value={unit}
          selectedOptions={[unit]}
          onOptionSelect={(_event, data) => {
            if (data.optionValue) onPick(data.optionValue);
          }}
          data-testid="radar-pick"
        >
          {summary.names.slice(0, 500).map((name) => (
            <Option key={name} value={name} text={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {unit ? <RadarChart say={say} summary={summary} unit={unit} /> : null}
    </>
  );
}
