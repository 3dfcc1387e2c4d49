/**
 * The shared limit display (./length-limit.ts) as a template, for the forms that used a native
 * `maxlength` (private messages, the confirm dialog, notes, reasons): the count and the limit
 * under the field, and a polite region that says once when the text crosses the limit.
 */
import { css, html } from 'lit';
import type { Locale } from '../../core/index.ts';
import { lengthCount, type LengthLimitController } from './length-limit.ts';

/** "412 / 1 000 caractères" (id `countId`, for the field's `aria-describedby`; part `part`), and the controller's announcement. */
export function limitNote(locale: Locale, length: number, max: number, limit: LengthLimitController, countId: string, part = 'count') {
  return html`<span class="count" part=${part} id=${countId} ?data-over=${length > max}>${lengthCount(locale, length, max)}</span>
    <span class="visually-hidden" role="status">${limit.announcement}</span>`;
}

/** The count once the text is over its limit (`data-over`): every form with a limit shows it so. */
export const overLimitStyles = css`
  .count[data-over] {
    color: var(--_color-danger);
    font-weight: 600;
  }
`;
