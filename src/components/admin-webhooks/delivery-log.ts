/**
 * A webhook's delivery log: a status filter, each delivery with its status chip, event, tries,
 * times and last error, a Retry button on the failed ones, and older pages on demand. Template
 * only; the element loads the pages and retries.
 */
import { html, nothing } from 'lit';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '../../core/index.ts';
import type { WebhookDelivery } from '../../sdk/types.ts';
import { formatDateTime, formatRelative } from '../internal/format.ts';
import type { AdminWebhooksStrings } from './strings.ts';

export interface LogView {
  webhookId: number;
  status: WebhookDeliveryStatus | '';
  items: WebhookDelivery[];
  nextCursor: string | null;
  /** The first page is on its way (the filter changed, or the log just opened). */
  loading: boolean;
  error: unknown;
}

interface LogHandlers {
  filter: (status: WebhookDeliveryStatus | '') => void;
  retry: (delivery: WebhookDelivery) => void;
  more: () => void;
  reload: () => void;
}

function renderDelivery(s: AdminWebhooksStrings, locale: string, delivery: WebhookDelivery, busy: boolean, on: LogHandlers) {
  const when = (iso: string) => formatDateTime(locale, iso);
  const times = [
    s.queuedAt(when(delivery.createdAt)),
    delivery.nextAttemptAt ? s.nextTry(formatRelative(locale, delivery.nextAttemptAt)) : '',
    delivery.deliveredAt ? s.deliveredAt(when(delivery.deliveredAt)) : '',
    delivery.failedAt ? s.failedAt(when(delivery.failedAt)) : '',
  ].filter(Boolean);
  return html`
    <li class="delivery" part="delivery" tabindex="-1" data-delivery-id=${delivery.id} data-status=${delivery.status}>
      <p class="meta">
        <span class="chip ${delivery.status}" part="delivery-status">${s.statusNames[delivery.status]}</span>
        <code>${delivery.event}</code>
        <span>${s.attempts(delivery.attempts)}</span>
      </p>
      <p class="muted">${times.join(' · ')}</p>
      ${delivery.lastError ? html`<p class="last-error" part="delivery-error"><span>${s.lastError}</span> <code>${delivery.lastError}</code></p>` : nothing}
      ${delivery.status === 'failed'
        ? html`<button class="button secondary" part="retry-delivery" type="button" ?disabled=${busy} @click=${() => on.retry(delivery)}>${s.retryDelivery}</button>`
        : nothing}
    </li>
  `;
}

export function renderDeliveryLog(s: AdminWebhooksStrings, locale: string, log: LogView, busy: boolean, on: LogHandlers) {
  const id = `log-${log.webhookId}`;
  return html`
    <section class="log" part="log" id=${id} aria-labelledby=${`${id}-heading`} aria-busy=${log.loading ? 'true' : 'false'}>
      <h4 id=${`${id}-heading`}>${s.logHeading}</h4>
      <label class="filter">${s.statusFilter}
        <select part="log-filter" @change=${(event: Event) => on.filter((event.target as HTMLSelectElement).value as WebhookDeliveryStatus | '')}>
          <option value="" ?selected=${log.status === ''}>${s.anyStatus}</option>
          ${WEBHOOK_DELIVERY_STATUSES.map((status) => html`<option value=${status} ?selected=${log.status === status}>${s.statusNames[status]}</option>`)}
        </select>
      </label>
      ${log.error && log.items.length === 0
        ? html`<div class="state error" role="alert"><span>${s.loadFailed}</span>
            <button class="button secondary" type="button" @click=${on.reload}>${s.retry}</button></div>`
        : log.loading ? html`<p class="state" role="status">${s.loading}</p>`
        : log.items.length === 0 ? html`<p class="state" part="log-empty">${s.logEmpty}</p>`
        : html`<ol class="deliveries">${log.items.map((delivery) => renderDelivery(s, locale, delivery, busy, on))}</ol>`}
      ${log.nextCursor && !log.loading
        ? html`<button class="button secondary" part="log-more" type="button" ?disabled=${busy} @click=${on.more}>${log.error ? s.retry : s.more}</button>`
        : nothing}
    </section>
  `;
}
