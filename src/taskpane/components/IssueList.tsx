/**
 * Errors and warnings of the last check, errors first, counts in the header. Each issue
 * is a real button: in Excel it selects the cell; in file mode it is highlighted here.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { issueText } from '../../core';
import type { Issue, Lang } from '../../core/types';
import type { Say } from '../say';
import { usePaneStyles } from './styles';

const useStyles = makeStyles({
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    width: '100%',
    minWidth: 0,
    height: 'auto',
    whiteSpace: 'normal',
    overflowWrap: 'break-word',
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
  },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface IssueListProps {
  say: Say;
  lang: Lang;
  issues: Issue[];
  selected: number | null;
  /** Say "ready to compute" when there are no errors (after a check, not after a compute). */
  offerCompute: boolean;
  /** Whether an issue can be shown in the workbook (its sheet exists). */
  canGoTo: (issue: Issue) => boolean;
  onGoTo: (index: number) => void;
}

export function IssueList({ say, lang, issues, selected, offerCompute, canGoTo, onGoTo }: IssueListProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const selectedRef = useRef<HTMLLIElement | null>(null);
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;

  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  return (
    <section className={pane.section} aria-labelledby="issues-heading">
      <h2 id="issues-heading" className={pane.heading}>
        {say('ui.check.counts', { errors, warnings })}
      </h2>
      {issues.length === 0 ? <p className={pane.hint}>{say('ui.check.clean')}</p> : null}
      {offerCompute && issues.length > 0 && errors === 0 ? <p className={pane.hint}>{say('ui.check.ready')}</p> : null}
      <ul className={pane.list}>
        {issues.map((issue, index) => {
          const label = say(issue.severity === 'error' ? 'ui.issue.error' : 'ui.issue.warning');
          const isSelected = index === selected;
          return (
            <li key={`${issue.sheet}!${issue.cell}#${index}`} ref={isSelected ? selectedRef : undefined}>
              <Button
                appearance="subtle"
                className={mergeClasses(styles.item, isSelected && styles.selected)}
                aria-current={isSelected ? 'true' : undefined}
                disabledFocusable={!canGoTo(issue)}
                onClick={() => onGoTo(index)}
                data-severity={issue.severity}
              >
                <span>
                  <span className={issue.severity === 'error' ? styles.error : styles.warning}>{label}</span>
                  {' '}
                  {issueText(issue, lang)}
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
