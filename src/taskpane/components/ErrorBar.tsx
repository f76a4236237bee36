/**
 * The one place a failure is shown: a short Fluent MessageBar with intent "error"
 * (STYLE 8), dismissible.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Say } from '../say';

export interface ErrorBarProps {
  say: Say;
  /** The sentence to show (already rendered). */
  text: string;
  onDismiss?: () => void;
}

export function ErrorBar({ say, text, onDismiss }: ErrorBarProps) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{say('ui.error.title')}</MessageBarTitle>
        {text}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" size="small" aria-label={say('ui.error.dismiss')} onClick={onDismiss}>
              ×
            </Button>
          }
        />
      ) : null}
    </MessageBar>
  );
}
