/**
 * "插入模板": two buttons, 空白模板 and 示例数据. In Excel they add the input sheets to the
 * workbook (never over an existing sheet); in file mode they download a template file.
 */
import { Button, Link } from '@fluentui/react-components';
import type { PaneMode, TemplateReport } from '../host';
import type { Say } from '../say';
import { usePaneStyles } from './styles';

export interface TemplateButtonsProps {
  say: Say;
  mode: PaneMode;
  disabled: boolean;
  report: TemplateReport | null;
  onInsert: (demo: boolean) => void;
}

export function TemplateButtons({ say, mode, disabled, report, onInsert }: TemplateButtonsProps) {
  const pane = usePaneStyles();
  const separator = say('ui.summary.separator');
  return (
    <section className={pane.section} aria-labelledby="template-heading">
      <h2 id="template-heading" className={pane.heading}>
        {say(mode === 'excel' ? 'ui.template.heading' : 'ui.template.headingFile')}
      </h2>
      <p className={pane.hint}>{say('ui.template.hint')}</p>
      <div className={pane.row}>
        <Button disabled={disabled} onClick={() => onInsert(false)}>
          {say('ui.template.blank')}
        </Button>
        <Button disabled={disabled} onClick={() => onInsert(true)}>
          {say('ui.template.demo')}
        </Button>
      </div>
      {report && report.added.length > 0 && !report.download ? (
        <p className={pane.hint}>{say('ui.template.added', { sheets: report.added.join(separator) })}</p>
      ) : null}
      {report && report.skipped.length > 0 ? (
        <p className={pane.hint}>{say('ui.template.skipped', { sheets: report.skipped.join(separator) })}</p>
      ) : null}
      {report?.download ? (
        <p className={pane.hint}>
          <Link href={report.download.url} download={report.download.fileName}>
            {say('ui.summary.download', { file: report.download.fileName })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
