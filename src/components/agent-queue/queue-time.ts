/** How long a queue item has waited, or the community time it has left (study §27), ticking with the second clock. */
import { html } from 'lit';
import type { Locale } from '../../core/index.ts';
import type { QueueItem } from '../../sdk/types.ts';
import { formatCountdown, formatDuration, type ConsoleStrings } from '../agent-console/strings.ts';
import { SecondClock } from '../internal/clock.ts';
import { communityTimeLeft } from './queue-groups.ts';

export function renderWaitTime(s: ConsoleStrings, item: QueueItem, locale: Locale) {
  const now = SecondClock.now();
  const left = communityTimeLeft(item, now);
  if (left !== null) return html`<span part="countdown" class="countdown">${s.communityTimeLeft(formatCountdown(left))}</span>`;
  if (item.msOverdue !== null && item.kind !== 'flagged-post') {
    return html`<span part="wait" class="overdue">${s.overdue(formatDuration(locale, Math.max(0, now - Date.parse(item.dueAt))))}</span>`;
  }
  return html`<span part="wait">${s.waiting(formatDuration(locale, now - Date.parse(item.dueAt)))}</span>`;
}
