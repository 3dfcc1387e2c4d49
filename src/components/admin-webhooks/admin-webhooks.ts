import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { adminRules, can, type WebhookDeliveryStatus, type WebhookEvent } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import type { Webhook, WebhookDelivery, WebhookList } from '../../sdk/types.ts';
import { GUEST, actorOf, clientContext, defaultClient, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { copyText } from '../post-actions/clipboard.ts';
import styles from './admin-webhooks.styles.ts';
import { renderDeliveryLog, type LogView } from './delivery-log.ts';
import { adminWebhooksStrings, type AdminWebhooksStrings } from './strings.ts';
import { renderWebhookCard, type Panel } from './webhook-card.ts';
import { draftProblems, EMPTY_DRAFT, hasProblems, refusalProblems, renderWebhookForm, type FormProblems, type WebhookDraft } from './webhook-form.ts';
import '../internal/staff-client.ts';

const LOG_PAGE = 20;

/** The button that opened each panel: the focus goes back to it when the panel closes. */
const OPENER: Record<Panel['kind'], string> = { secret: 'rotate', rotate: 'rotate', delete: 'delete', log: 'show-log' };

/**
 * @summary The community's webhooks, for its administrators (the admin view's "Webhooks" tab):
 * the endpoints the forum's events are POSTed to, signed; adding one (the signing secret is
 * shown once, with a copy button), enabling and disabling, rotating the secret (the previous one
 * may keep signing for 24 h), deleting with a confirmation, and each webhook's delivery log with
 * status chips, tries, errors and a Retry button on failed deliveries. Members, advisors and
 * moderators are refused. Takes its client and session from `<entraide-forum>`'s context.
 *
 * @tag entraide-admin-webhooks
 *
 * @csspart add - The "add a webhook" button.
 * @csspart add-form - The new webhook form.
 * @csspart field-error - A form field's message.
 * @csspart create - The form's submit button.
 * @csspart cancel-add - The form's cancel button.
 * @csspart webhook - One webhook of the list.
 * @csspart state - A webhook's enabled / disabled chip.
 * @csspart failed-count - A webhook's count of failed deliveries.
 * @csspart secret-hint - The secret's last four characters and rotation times.
 * @csspart toggle - The enable / disable button.
 * @csspart rotate - The "rotate the secret" button.
 * @csspart rotate-form - The rotation's confirmation.
 * @csspart confirm-rotate - The button confirming the rotation.
 * @csspart delete - The delete button.
 * @csspart delete-form - The deletion's confirmation.
 * @csspart confirm-delete - The button confirming the deletion.
 * @csspart secret - The new secret, shown once.
 * @csspart secret-warning - "Copy it now: it will never be shown again."
 * @csspart secret-value - The read-only field holding the secret.
 * @csspart copy-secret - The copy button.
 * @csspart secret-done - The button that hides the secret.
 * @csspart show-log - The button opening a webhook's delivery log.
 * @csspart log - The delivery log.
 * @csspart log-filter - The log's status filter.
 * @csspart log-empty - The empty log's message.
 * @csspart delivery - One delivery.
 * @csspart delivery-status - A delivery's status chip.
 * @csspart delivery-error - A delivery's last error.
 * @csspart retry-delivery - A failed delivery's Retry button.
 * @csspart log-more - The button loading older deliveries.
 * @csspart server-webhook - The server's configured endpoint, when it has one.
 * @csspart empty - The message when there is no webhook.
 * @csspart notice - What the last action did.
 * @csspart refused - The message shown to anyone but an admin.
 * @csspart loading - The loading message.
 * @csspart error - The loading error and its retry button.
 *
 * @cssprop [--entraide-color-success] - Enabled webhooks and delivered deliveries.
 * @cssprop [--entraide-color-danger] - Failed deliveries, field errors and the delete buttons.
 * @cssprop [--entraide-color-warning] - The "shown once" warning over a new secret.
 * @cssprop [--entraide-color-warning-surface] - Its background.
 */
export class EntraideAdminWebhooks extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The SDK client; `<entraide-forum>` provides it, else one on `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in; `<entraide-forum>` provides it. Only an admin sees the webhooks. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  @state() protected items: Webhook[] = [];
  @state() protected serverWebhook: WebhookList['serverWebhook'] = null;
  @state() protected adding = false;
  @state() protected draft: WebhookDraft = EMPTY_DRAFT;
  @state() protected problems: FormProblems = {};
  @state() protected panel: Panel | undefined;
  @state() protected log: LogView | undefined;
  @state() protected busy = false;
  @state() protected notice: { ok: boolean; text: string } | undefined;

  #logAbort: AbortController | undefined;

  readonly #list = new Task(this, {
    args: () => [this.client, this.session.member?.id, this.#allowed] as const,
    task: async ([client, , allowed], { signal }) => {
      if (!allowed) return null;
      const list = await client.webhooks.list({ signal });
      this.items = list.items;
      this.serverWebhook = list.serverWebhook;
      return list;
    },
  });

  get #s(): AdminWebhooksStrings {
    return adminWebhooksStrings[this.resolvedLocale];
  }

  get #allowed(): boolean {
    return can(actorOf(this.session), adminRules.manageWebhooks);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#logAbort?.abort();
  }

  protected override render() {
    const s = this.#s;
    if (!this.#allowed) return html`<p class="state" part="refused" role="alert">${s.adminsOnly}</p>`;
    return html`
      <section aria-labelledby="webhooks-heading" @keydown=${this.#onKeydown}>
        <h2 id="webhooks-heading">${s.heading}</h2>
        <p class="intro">${s.intro}</p>
        <p class="notice" part="notice" role="status">${this.notice?.ok ? this.notice.text : ''}</p>
        ${this.notice && !this.notice.ok ? html`<p class="notice error" role="alert">${this.notice.text}</p>` : nothing}
        ${this.#list.render({
          initial: () => html`<p class="state" part="loading" role="status">${s.loading}</p>`,
          pending: () => html`<p class="state" part="loading" role="status">${s.loading}</p>`,
          error: () => html`<div class="state error" part="error" role="alert"><span>${s.loadFailed}</span>
            <button class="button secondary" type="button" @click=${() => void this.#list.run()}>${s.retry}</button></div>`,
          complete: () => this.#renderList(s),
        })}
      </section>
    `;
  }

  #renderList(s: AdminWebhooksStrings) {
    return html`
      ${this.serverWebhook ? html`<p class="server-webhook" part="server-webhook">${s.serverWebhook(this.serverWebhook.url)}</p>` : nothing}
      ${this.items.length === 0 && !this.adding ? html`<p class="state" part="empty">${s.empty}</p>` : nothing}
      ${this.items.length ? html`<ul class="webhooks">${this.items.map((webhook) => renderWebhookCard(s, this.resolvedLocale, webhook, this.panel, this.busy, {
        toggleEnabled: (hook) => void this.#toggleEnabled(hook),
        open: (panel) => void this.#open(panel),
        close: () => void this.#close(),
        rotate: (hook, keepPrevious) => void this.#rotate(hook, keepPrevious),
        remove: (hook) => void this.#remove(hook),
        copy: (secret) => void this.#copy(secret),
      }, () => (this.log ? renderDeliveryLog(s, this.resolvedLocale, this.log, this.busy, {
        filter: (status) => void this.#loadLog(webhook.id, status),
        retry: (delivery) => void this.#retryDelivery(delivery),
        more: () => void this.#moreLog(),
        reload: () => void this.#loadLog(webhook.id, this.log?.status ?? ''),
      }) : html``)))}</ul>` : nothing}
      ${this.adding ? renderWebhookForm(s, this.draft, this.problems, this.busy, {
        change: (changes) => this.#edit({ ...this.draft, ...changes }),
        toggleEvent: (event, on) => this.#toggleEvent(event, on),
        submit: (event) => void this.#create(event),
        cancel: () => void this.#cancelAdd(),
      }) : html`<button class="button" part="add" type="button" @click=${() => void this.#startAdding()}>${s.add}</button>`}
    `;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    if (this.panel && this.panel.kind !== 'secret') void this.#close();
    else if (this.adding) void this.#cancelAdd();
  };

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #say(ok: boolean, text: string): void {
    this.notice = { ok, text };
  }

  #replace(webhook: Webhook): void {
    this.items = this.items.map((item) => (item.id === webhook.id ? webhook : item));
  }

  async #startAdding(): Promise<void> {
    this.adding = true;
    this.draft = EMPTY_DRAFT;
    this.problems = {};
    this.notice = undefined;
    await this.#focus('#webhook-url');
  }

  async #cancelAdd(): Promise<void> {
    this.adding = false;
    await this.#focus('[part="add"]');
  }

  /** A field's message goes once it is edited; the others stay until the next submit. */
  #edit(draft: WebhookDraft): void {
    const changed = (Object.keys(draft) as Array<keyof WebhookDraft>).filter((key) => draft[key] !== this.draft[key]);
    this.draft = draft;
    const problems = { ...this.problems, general: undefined };
    if (changed.includes('url')) problems.url = undefined;
    if (changed.includes('description')) problems.description = undefined;
    if (changed.includes('scope') || changed.includes('events')) problems.events = undefined;
    this.problems = problems;
  }

  #toggleEvent(event: WebhookEvent, on: boolean): void {
    const events = on ? [...new Set([...this.draft.events, event])] : this.draft.events.filter((name) => name !== event);
    this.#edit({ ...this.draft, events });
  }

  async #focusFirstProblem(problems: FormProblems): Promise<void> {
    const selector = problems.url ? '#webhook-url' : problems.description ? '#webhook-description' : problems.events ? 'input[name="scope"]:checked' : '[part="create"]';
    await this.#focus(selector);
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const s = this.#s;
    const problems = draftProblems(s, this.draft);
    this.problems = problems;
    if (hasProblems(problems)) return this.#focusFirstProblem(problems);
    this.busy = true;
    try {
      const { url, description, scope, events, enabled } = this.draft;
      const created = await this.client.webhooks.create({ url: url.trim(), description: description.trim() || null, events: scope === 'all' ? null : events, enabled });
      this.items = [...this.items, created.webhook];
      this.adding = false;
      this.panel = { kind: 'secret', webhookId: created.webhook.id, secret: created.secret, copy: '' };
      this.#say(true, s.notices.created);
      await this.#focus('[part="secret-value"]');
    } catch (error) {
      this.problems = refusalProblems(s, error);
      await this.#focusFirstProblem(this.problems);
    } finally {
      this.busy = false;
    }
  }

  async #act<T>(action: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    try {
      return await action();
    } catch {
      this.#say(false, this.#s.actionFailed);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  async #toggleEnabled(webhook: Webhook): Promise<void> {
    const changed = await this.#act(() => this.client.webhooks.update(webhook.id, { enabled: !webhook.enabled }));
    if (!changed) return;
    this.#replace(changed);
    this.#say(true, changed.enabled ? this.#s.notices.enabled : this.#s.notices.disabled);
    await this.#focus(`[data-webhook-id="${webhook.id}"] [part="toggle"]`);
  }

  async #open(panel: Panel): Promise<void> {
    this.panel = panel;
    if (panel.kind === 'log') return this.#loadLog(panel.webhookId, '');
    // A deletion starts on "Cancel": Enter right away deletes nothing.
    const first = panel.kind === 'delete' ? '.panel button.secondary' : '.panel input';
    await this.#focus(`[data-webhook-id="${panel.webhookId}"] ${first}`);
  }

  async #close(): Promise<void> {
    const panel = this.panel;
    this.panel = undefined;
    if (panel?.kind === 'log') this.#logAbort?.abort();
    if (panel) await this.#focus(`[data-webhook-id="${panel.webhookId}"] [part="${OPENER[panel.kind]}"]`);
  }

  async #rotate(webhook: Webhook, keepPrevious: boolean): Promise<void> {
    const rotated = await this.#act(() => this.client.webhooks.rotateSecret(webhook.id, keepPrevious ? {} : { graceHours: 0 }));
    if (!rotated) return;
    this.#replace(rotated.webhook);
    this.panel = { kind: 'secret', webhookId: webhook.id, secret: rotated.secret, copy: '' };
    this.#say(true, this.#s.notices.rotated);
    await this.#focus('[part="secret-value"]');
  }

  async #remove(webhook: Webhook): Promise<void> {
    const removed = await this.#act(() => this.client.webhooks.delete(webhook.id));
    if (!removed) return;
    this.items = this.items.filter((item) => item.id !== webhook.id);
    this.panel = undefined;
    this.#say(true, this.#s.notices.removed);
    await this.#focus('[part="add"]');
  }

  async #copy(secret: string): Promise<void> {
    const copied = await copyText(secret);
    if (this.panel?.kind === 'secret') this.panel = { ...this.panel, copy: copied ? 'copied' : 'failed' };
    // The copy fallback may have moved the focus: back to the button.
    await this.#focus('[part="copy-secret"]');
  }

  async #loadLog(webhookId: number, status: WebhookDeliveryStatus | ''): Promise<void> {
    this.#logAbort?.abort();
    const abort = new AbortController();
    this.#logAbort = abort;
    this.log = { webhookId, status, items: [], nextCursor: null, loading: true, error: undefined };
    try {
      const page = await this.client.webhooks.deliveries({ webhookId, status: status || undefined, limit: LOG_PAGE }, { signal: abort.signal });
      if (!abort.signal.aborted) this.log = { ...this.log, items: page.items, nextCursor: page.nextCursor, loading: false };
    } catch (error) {
      if (!abort.signal.aborted) this.log = { ...this.log, loading: false, error };
    }
  }

  async #moreLog(): Promise<void> {
    const log = this.log;
    if (!log?.nextCursor) return;
    const page = await this.#act(() => this.client.webhooks.deliveries({ webhookId: log.webhookId, status: log.status || undefined, limit: LOG_PAGE, cursor: log.nextCursor! }));
    if (page && this.log?.webhookId === log.webhookId) this.log = { ...this.log, items: [...this.log.items, ...page.items], nextCursor: page.nextCursor, error: undefined };
  }

  async #retryDelivery(delivery: WebhookDelivery): Promise<void> {
    const retried = await this.#act(() => this.client.webhooks.retry(delivery.id));
    if (!retried) {
      // Someone else may have retried it, or it went through meanwhile: show where it stands.
      if (this.log) void this.#loadLog(this.log.webhookId, this.log.status);
      return;
    }
    if (this.log) this.log = { ...this.log, items: this.log.items.map((item) => (item.id === retried.id ? retried : item)) };
    this.#say(true, this.#s.notices.retried);
    // Its Retry button is gone: the focus stays on the delivery, now pending.
    await this.#focus(`[data-delivery-id="${delivery.id}"]`);
    // The counts on the card follow, quietly.
    const list = await this.client.webhooks.list().catch(() => undefined);
    if (list) this.items = list.items;
  }
}

EntraideAdminWebhooks.define('entraide-admin-webhooks');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-admin-webhooks': EntraideAdminWebhooks;
  }
}
