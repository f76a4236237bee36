import { t } from '../core';
import type { MessageCode } from '../core/messages';
import type { Lang, MsgParams } from '../core/types';

/** Renders one message code in the pane's language. */
export type Say = (code: MessageCode, params?: MsgParams) => string;

/**
 * A renderer bound to a language, so components write `say('ui.check.button')`.
 * @example sayIn('en')('ui.compute.button') // => 'Compute ranking'
 */
export function sayIn(lang: Lang): Say {
  return (code, params) => t({ code, params }, lang);
}
