/**
 * Which sheet plays which role: one labelled Fluent Dropdown per role, listing the
 * workbook's sheets, plus "（无）" for the optional roles. When every role is found by its
 * usual sheet name the roles fold into one line ("数据表：已按表名找到 5 张，可修改") that
 * opens on click (issue 13 §5).
 */
import { Button, Dropdown, Field, Option } from '@fluentui/react-components';
import { useState } from 'react';
import { DEFAULT_ROLES } from '../../core';
import type { Roles } from '../../core/types';
import { NO_SHEET, OPTIONAL_ROLES, ROLE_KEYS, type RoleKey } from '../roles';
import type { Say } from '../say';
import { usePaneStyles } from './styles';

/** Option value standing for "no sheet": brackets cannot occur in an Excel sheet name. */
const NONE_OPTION = '[none]';

const ROLE_LABEL = {
  data: 'ui.role.data',
  indicators: 'ui.role.indicators',
  problems: 'ui.role.problems',
  assistance: 'ui.role.assistance',
  params: 'ui.role.params',
} as const satisfies Record<RoleKey, string>;

export interface RolesFormProps {
  say: Say;
  sheets: string[];
  roles: Roles;
  disabled: boolean;
  onChange: (role: RoleKey, sheet: string) => void;
}

/**
 * Whether every role names the sheet of its usual name, and that sheet exists.
 * @example allFoundByName(['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数'], roles) // => true
 */
export function allFoundByName(sheets: string[], roles: Roles): boolean {
  return ROLE_KEYS.every((role) => roles[role] === DEFAULT_ROLES[role] && sheets.includes(roles[role]));
}

export function RolesForm({ say, sheets, roles, disabled, onChange }: RolesFormProps) {
  const pane = usePaneStyles();
  const [open, setOpen] = useState(false);
  if (!open && allFoundByName(sheets, roles)) {
    return (
      <section className={pane.section} data-testid="roles-folded">
        <Button appearance="subtle" size="small" aria-expanded={false} onClick={() => setOpen(true)} style={{ justifyContent: 'flex-start', minWidth: 0 }}>
          {say('ui.roles.folded', { count: ROLE_KEYS.length })}
        </Button>
      </section>
    );
  }
  return (
    <section className={pane.section} aria-labelledby="roles-heading">
      <h2 id="roles-heading" className={pane.heading}>
        {say('ui.roles.heading')}
      </h2>
      <p className={pane.hint}>{say('ui.roles.hint')}</p>
      {ROLE_KEYS.map((role) => {
        const optional = OPTIONAL_ROLES.has(role);
        const value = roles[role];
        const present = sheets.includes(value);
        const noneText = say(role === 'indicators' ? 'ui.role.builtinIndicators' : 'ui.role.none');
        const shown = present ? value : optional && value === NO_SHEET ? noneText : '';
        return (
          <Field key={role} label={say(ROLE_LABEL[role])} className={pane.fill}>
            <Dropdown
              className={pane.fill}
              disabled={disabled}
              placeholder={say('ui.role.choose')}
              value={shown}
              selectedOptions={present ? [value] : optional && value === NO_SHEET ? [NONE_OPTION] : []}
              onOptionSelect={(_event, data) => {
                if (data.optionValue === undefined) return;
                onChange(role, data.optionValue === NONE_OPTION ? NO_SHEET : data.optionValue);
              }}
              data-role={role}
            >
              {optional ? (
                <Option key={NONE_OPTION} value={NONE_OPTION} text={noneText}>
                  {noneText}
                </Option>
              ) : null}
              {sheets.map((sheet) => (
                <Option key={sheet} value={sheet} text={sheet}>
                  {sheet}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
    </section>
  );
}
