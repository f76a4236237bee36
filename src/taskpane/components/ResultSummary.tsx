/**
 * After "计算排名": the units graded 好, 一般 and 较差, the interview list, the assistance
 * units that failed, the warning count, and a way to the results — buttons that open each
 * result sheet (Excel) or the download link (file mode).
 */
import { Button, Link } from '@fluentui/react-components';
import { AnalysisLines, ChartBlock, usePickedUnit } from './AnalysisPanel';
import type { AssistanceItemKey } from '../../core/types';
import type { Download, PaneMode } from '../host';
import type { Say } from '../say';
import { SUMMARY_GRADES, type RunSummary } from '../summary';
import { usePaneStyles } from './styles';

export interface ResultSummaryProps {
  say: Say;
  mode: PaneMode;
  summary: RunSummary;
  download: Download | null;
  onOpenSheet: (name: string) => void;
}

export function ResultSummary({ say, mode, summary, download, onOpenSheet }: ResultSummaryProps) {
  const pane = usePaneStyles();
  const [picked, pick] = usePickedUnit();
  const separator = say('ui.summary.separator');
  const list = (names: string[]) => (names.length > 0 ? names.join(separator) : say('ui.summary.none'));
  const items = (keys: AssistanceItemKey[]) => keys.join(separator);

  return (
    <section className={pane.section} aria-labelledby="summary-heading" data-testid="summary">
      <h2 id="summary-heading" className={pane.heading}>
        {say('ui.summary.heading')}
      </h2>
      {summary.analysis ? <ChartBlock say={say} summary={summary.analysis} picked={picked} onPick={pick} /> : null}
      <ul className={pane.list}>
        {SUMMARY_GRADES.map((grade) => (
          <li key={grade} data-grade={grade}>
            {say('ui.summary.grade', { grade: say(`ui.grade.${grade}`), count: summary.byGrade[grade].length, names: list(summary.byGrade[grade]) })}
          </li>
        ))}
      </ul>
      {summary.analysis ? <AnalysisLines say={say} summary={summary.analysis} picked={picked} onPick={pick} /> : null}

      <h3 className={pane.heading}>{say('ui.summary.interviews')}</h3>
      {summary.interviews.length === 0 ? (
        <p className={pane.hint}>{say('ui.summary.noInterviews')}</p>
      ) : (
        <ul className={pane.plainList}>
          {summary.interviews.map((line) => (
            <li key={line.unit}>
              {say('ui.summary.interviewLine', { unit: line.unit, person: line.person ?? say('ui.summary.noPerson'), deadline: line.deadline })}
            </li>
          ))}
        </ul>
      )}

      {summary.failedAssistance === null ? null : (
        <>
          <h3 className={pane.heading}>{say('ui.summary.assistance')}</h3>
          {summary.failedAssistance.length === 0 ? (
            <p className={pane.hint}>{say('ui.summary.assistanceAllPassed')}</p>
          ) : (
            <ul className={pane.plainList}>
              {summary.failedAssistance.map((unit) => (
                <li key={unit.name}>{say('ui.summary.assistanceLine', { name: unit.name, village: unit.village, items: items(unit.items) })}</li>
              ))}
            </ul>
          )}
        </>
      )}

      <p>{say('ui.summary.warnings', { count: summary.warnings })}</p>

      {summary.renamed.map((r) => (
        <p key={r.actual} className={pane.hint}>
          {say('ui.summary.renamed', { wanted: r.wanted, actual: r.actual })}
        </p>
      ))}

      {mode === 'excel' ? (
        <>
          <h3 className={pane.heading}>{say('ui.summary.sheets')}</h3>
          <div className={pane.row}>
            {summary.sheets.map((name) => (
              <Button key={name} size="small" onClick={() => onOpenSheet(name)}>
                {name}
              </Button>
            ))}
          </div>
        </>
      ) : download ? (
        <Link href={download.url} download={download.fileName}>
          {say('ui.summary.download', { file: download.fileName })}
        </Link>
      ) : null}
    </section>
  );
}
