/**
 * One webhook in the list: its URL, description, events, state and secret hint, its actions,
 * and the panel open under it (the new secret shown once, a confirmation, or the delivery log).
 * Templates only; the element keeps the state and calls the API.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Webhook } from '../../sdk/types.ts';
import { formatDateTime } from '../internal/format.ts';
import type { AdminWebhooksStrings } from './strings.ts';

/** What is open under a webhook: at most one panel at a time. */
export type Panel =
  | { kind: 'secret'; webhookId: number; secret: string; copy: '' | 'copied' | 'failed' }
  | { kind: 'rotate'; webhookId: number }
  | { kind: 'delete'; webhookId: number }
  | { kind: 'log'; webhookId: number };

export interface CardHandlers {
  toggleEnabled: (webhook: Webhook) => void;
  open: (panel: Panel) => void;
  close: () => void;
  rotate: (webhook: Webhook, keepPrevious: boolean) => void;
  remove: (webhook: Webhook) => void;
  copy: (secret: string) => void;
}

function renderSecret(s: AdminWebhooksStrings, webhook: Webhook, panel: Extract<Panel, { kind: 'secret' }>, on: CardHandlers) {
  const id = `secret-${webhook.id}`;
  return html`
    <div class="panel secret" part="secret" role="group" aria-labelledby=${`${id}-heading`}>
      <h4 id=${`${id}-heading`}>${s.secretHeading}</h4>
      <p class="warning" part="secret-warning" id=${`${id}-warning`}>${s.secretWarning}</p>
      <label for=${id}>${s.secretLabel}</label>
      <div class="secret-row">
        <input id=${id} part="secret-value" type="text" readonly spellcheck="false" .value=${panel.secret} aria-describedby=${`${id}-warning`}
          @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()} />
        <button class="button" part="copy-secret" type="button" @click=${() => on.copy(panel.secret)}>${s.copy}</button>
      </div>
      <p class="copy-status" role="status">${panel.copy === 'copied' ? s.copied : panel.copy === 'failed' ? s.copyFailed : ''}</p>
      <button class="button secondary" part="secret-done" type="button" @click=${on.close}>${s.secretDone}</button>
    </div>
  `;
}

function renderConfirm(heading: string, body: TemplateResult | typeof nothing, confirm: string, part: string, cancel: string, on: { confirm: (form: HTMLFormElement) => void; cancel: () => void }) {
  return html`
    <form class="panel confirm" part=${`${part}-form`} @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      on.confirm(event.target as HTMLFormElement);
    }}>
      <p class="confirm-heading">${heading}</p>
      ${body}
      <div class="buttons">
        <button class="button danger" part=${`confirm-${part}`} type="submit">${confirm}</button>
        <button class="button secondary" type="button" @click=${on.cancel}>${cancel}</button>
      </div>
    </form>
  `;
}

export function renderWebhookCard(
  s: AdminWebhooksStrings, locale: string, webhook: Webhook, panel: Panel | undefined, busy: boolean, on: CardHandlers, log: () => TemplateResult,
) {
  const open = panel?.webhookId === webhook.id ? panel : undefined;
  const logOpen = open?.kind === 'log';
  const label = webhook.description ?? webhook.url;
  return html`
    <li class="card" part="webhook" data-webhook-id=${webhook.id} ?data-disabled=${!webhook.enabled}>
      <h3 class="url"><code>${webhook.url}</code></h3>
      ${webhook.description ? html`<p class="description">${webhook.description}</p>` : nothing}
      <p class="meta">
        <span class="chip ${webhook.enabled ? 'enabled' : 'disabled'}" part="state">${webhook.enabled ? s.enabled : s.disabled}</span>
        ${webhook.deliveries.failed ? html`<span class="chip failed" part="failed-count">${s.failedCount(webhook.deliveries.failed)}</span>` : nothing}
        ${webhook.deliveries.pending ? html`<span class="chip pending">${s.pendingCount(webhook.deliveries.pending)}</span>` : nothing}
      </p>
      <p class="muted">${webhook.events ? webhook.events.map((event) => s.eventNames[event]).join(', ') : s.allEvents}</p>
      <p class="muted" part="secret-hint">${[
        s.secretHint(webhook.secretHint),
        webhook.secretRotatedAt ? s.rotatedAt(formatDateTime(locale, webhook.secretRotatedAt)) : '',
        webhook.previousSecretValidUntil ? s.previousValidUntil(formatDateTime(locale, webhook.previousSecretValidUntil)) : '',
      ].filter(Boolean).join(' · ')}</p>
      <div class="buttons" role="group" aria-label=${label}>
        <button class="button secondary" part="toggle" type="button" ?disabled=${busy} @click=${() => on.toggleEnabled(webhook)}>${webhook.enabled ? s.disable : s.enable}</button>
        <button class="button secondary" part="rotate" type="button" ?disabled=${busy} @click=${() => on.open({ kind: 'rotate', webhookId: webhook.id })}>${s.rotate}</button>
        <button class="button secondary" part="show-log" type="button" aria-expanded=${logOpen ? 'true' : 'false'} aria-controls=${`log-${webhook.id}`}
          @click=${() => (logOpen ? on.close() : on.open({ kind: 'log', webhookId: webhook.id }))}>${logOpen ? s.hideLog : s.showLog}</button>
        <button class="button secondary danger" part="delete" type="button" ?disabled=${busy} @click=${() => on.open({ kind: 'delete', webhookId: webhook.id })}>${s.remove}</button>
      </div>
      ${open?.kind === 'secret' ? renderSecret(s, webhook, open, on) : nothing}
      ${open?.kind === 'rotate' ? renderConfirm(s.rotateHeading(webhook.url), html`<label class="check"><input type="checkbox" name="keepPrevious" checked />${s.keepPrevious}</label>`,
        s.confirmRotate, 'rotate', s.cancel, {
          confirm: (form) => on.rotate(webhook, (form.elements.namedItem('keepPrevious') as HTMLInputElement).checked),
          cancel: on.close,
        }) : nothing}
      ${open?.kind === 'delete' ? renderConfirm(s.removeHeading(webhook.url), nothing, s.confirmRemove, 'delete', s.cancel, { confirm: () => on.remove(webhook), cancel: on.close }) : nothing}
      ${logOpen ? log() : nothing}
    </li>
  `;
}
