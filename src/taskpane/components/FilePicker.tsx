/**
 * File mode: a drop zone around a real <input type="file" accept=".xlsx">, and the note
 * that the file stays on this computer.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useState, type DragEvent } from 'react';
import type { Say } from '../say';
import { usePaneStyles } from './styles';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-within': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  active: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  label: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    cursor: 'pointer',
  },
  input: {
    maxWidth: '100%',
    fontSize: tokens.fontSizeBase200,
  },
});

export interface FilePickerProps {
  say: Say;
  fileName: string | null;
  disabled: boolean;
  onFile: (file: File) => void;
}

export function FilePicker({ say, fileName, disabled, onFile }: FilePickerProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const inputId = useId();
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files?.[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <section className={pane.section}>
      <div
        className={mergeClasses(styles.zone, dragging && styles.active)}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <label htmlFor={inputId} className={styles.label}>
          {say('ui.file.open')}
        </label>
        <input
          id={inputId}
          className={styles.input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={disabled}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            event.target.value = '';
          }}
        />
        <span className={pane.hint}>{say('ui.file.drop')}</span>
      </div>
      <p className={pane.hint}>{say('ui.file.private')}</p>
      {fileName ? <p className={pane.hint}>{say('ui.file.opened', { name: fileName })}</p> : null}
    </section>
  );
}
