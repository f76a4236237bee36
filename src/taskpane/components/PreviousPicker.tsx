/**
 * Last year's result (同比, issue 13 §3). File mode: a second file input, "上年考核结果
 * （可选）", with what was read or the reader's errors naming the file and sheet, and a
 * button to remove it. Excel and WPS: a dropdown "上年结果表" over the workbook's sheets,
 * default （无）.
 */
import { Button, Dropdown, Field, MessageBar, MessageBarBody, Option } from '@fluentui/react-components';
import { useId } from 'react';
import { issueText } from '../../core';
import type { Lang } from '../../core/types';
import type { PreviousFile } from '../host';
import type { PreviousSheetOption } from '../previous';
import { NO_SHEET } from '../roles';
import type { Say } from '../say';
import { usePaneStyles } from './styles';

/** Option value standing for "no sheet": brackets cannot occur in an Excel sheet name. */
const NONE_OPTION = '[none]';

export interface PreviousFilePickerProps {
  say: Say;
  lang: Lang;
  file: PreviousFile | null;
  disabled: boolean;
  onFile: (file: File) => void;
  onRemove: () => void;
}

export function PreviousFilePicker({ say, lang, file, disabled, onFile, onRemove }: PreviousFilePickerProps) {
  const pane = usePaneStyles();
  const inputId = useId();
  const remove = (
    <Button size="small" disabled={disabled} onClick={onRemove}>
      {say('ui.previous.remove')}
    </Button>
  );
  return (
    <section className={pane.section} data-testid="previous-file">
      <label htmlFor={inputId} className={pane.heading}>
        {say('ui.previous.file')}
      </label>
      <input
        id={inputId}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={disabled}
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          if (chosen) onFile(chosen);
          event.target.value = '';
        }}
      />
      <p className={pane.hint}>{say('ui.previous.fileHint')}</p>
      {file?.ok ? (
        <div className={pane.row}>
          <span>{say('ui.previous.loaded', { file: file.fileName, sheet: file.sheet, count: file.units })}</span>
          {remove}
        </div>
      ) : null}
      {file && !file.ok ? (
        <MessageBar intent="error" layout="multiline" data-testid="previous-errors">
          <MessageBarBody>
            {file.sheet
              ? say('ui.previous.badSheet', { file: file.fileName, sheet: file.sheet, count: file.issues.length })
              : say('ui.previous.bad', { file: file.fileName, count: file.issues.length })}
            <ul className={pane.plainList}>
              {file.issues.slice(0, 50).map((issue, k) => (
                <li key={k}>{issueText(issue, lang)}</li>
              ))}
            </ul>
            {remove}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}

export interface PreviousSheetPickerProps {
  say: Say;
  options: PreviousSheetOption[];
  /** The sheet in effect ('' = none). */
  value: string;
  disabled: boolean;
  onChange: (sheet: string) => void;
}

export function PreviousSheetPicker({ say, options, value, disabled, onChange }: PreviousSheetPickerProps) {
  const pane = usePaneStyles();
  const noneText = say('ui.role.none');
  const label = (option: PreviousSheetOption) => (option.own ? say('ui.previous.ownResult', { sheet: option.sheet }) : option.sheet);
  const current = options.find((option) => option.sheet === value);
  return (
    <section className={pane.section}>
      <Field label={say('ui.previous.sheet')} hint={say('ui.previous.sheetHint')} className={pane.fill}>
        <Dropdown
          className={pane.fill}
          disabled={disabled}
          value={current ? label(current) : noneText}
          selectedOptions={[current ? current.sheet : NONE_OPTION]}
          onOptionSelect={(_event, data) => {
            if (data.optionValue === undefined) return;
            onChange(data.optionValue === NONE_OPTION ? NO_SHEET : data.optionValue);
          }}
          data-testid="previous-sheet"
        >
          <Option key={NONE_OPTION} value={NONE_OPTION} text={noneText}>
            {noneText}
          </Option>
          {options.map((option) => (
            <Option key={option.sheet} value={option.sheet} text={label(option)}>
              {label(option)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </section>
  );
}
