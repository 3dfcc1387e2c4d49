import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Notification } from '../../sdk/types.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { clientContext, defaultClient, GUEST, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { formatDateTime, formatRelative } from '../internal/format.ts';
import type { Links } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './notifications.styles.ts';
import { notificationsStrings, type NotificationsStrings } from './strings.ts';
import '../internal/staff-client.ts';

type Loaded = { status: 'idle' } | { status: 'loading' } | { status: 'error' } | { status: 'ready'; items: Notification[] };

const LIST_LIMIT = 20;

/**
 * @summary The signed-in member's notifications: a button in the forum header with the unread
 * count, opening the list of expert nudges (study §27: during community time an advisor asks
 * the members who usually answer this kind of question to help). Each links to its thread;
 * opening the list marks what it shows as read. Renders nothing for guests.
 *
 * @tag entraide-notifications
 *
 * @csspart toggle - The button that opens and closes the list.
 * @csspart count - The unread count on the button.
 * @csspart panel - The open list's box.
 * @csspart list - The list of notifications.
 * @csspart item - One notification; `data-unread` is set while it was unread when opened.
 * @csspart link - The thread link of a notification.
 * @csspart close - The button that closes the list.
 *
 * @cssprop [--entraide-color-accent] - The count badge's colour.
 */
export class EntraideNotifications extends EntraideElement {
  static override styles = [tokens, controls, styles];

  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();

  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  /** How links are written: the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  @state() protected unreadCount = 0;
  @state() protected open = false;
  @state() protected loaded: Loaded = { status: 'idle' };
  /** Ids that were unread when the list was opened: shown as new until it closes. */
  @state() protected fresh: ReadonlySet<number> = new Set();

  #loadedFor: string | undefined;
  #abort: AbortController | undefined;

  get #s(): NotificationsStrings {
    return notificationsStrings[this.resolvedLocale];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  /** Context values may arrive without a named change: the session key decides when to reload. */
  protected override willUpdate(): void {
    const key = this.session.member ? `${this.session.member.id}:${this.session.token ?? ''}` : undefined;
    if (key === this.#loadedFor) return;
    this.#loadedFor = key;
    this.open = false;
    this.loaded = { status: 'idle' };
    this.unreadCount = 0;
    if (key) void this.#load();
  }

  /** Reads the newest notifications and the unread count. */
  async #load(): Promise<Notification[] | undefined> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.loaded = { status: 'loading' };
    try {
      const list = await this.client.notifications.list({ limit: LIST_LIMIT }, { signal: abort.signal });
      if (abort.signal.aborted) return undefined;
      this.unreadCount = list.unreadCount;
      this.loaded = { status: 'ready', items: list.items };
      return list.items;
    } catch {
      if (!abort.signal.aborted) this.loaded = { status: 'error' };
      return undefined;
    }
  }

  protected override render() {
    if (!this.session.member) return nothing;
    const s = this.#s;
    return html`
      <button class="toggle" part="toggle" type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="panel"
        aria-label=${s.button(this.unreadCount)} @click=${this.#toggle}>
        <span aria-hidden="true">🔔</span>
        ${this.unreadCount ? html`<span class="count" part="count" aria-hidden="true">${this.unreadCount}</span>` : nothing}
      </button>
      <section class="panel" part="panel" id="panel" aria-labelledby="heading" ?hidden=${!this.open} @keydown=${this.#onKeydown}>
        <div class="head">
          <h2 id="heading">${s.heading}</h2>
          <button class="button secondary small" part="close" type="button" @click=${this.#close}>${s.close}</button>
        </div>
        ${this.open ? this.#renderBody(s) : nothing}
      </section>
    `;
  }

  #renderBody(s: NotificationsStrings) {
    const loaded = this.loaded;
    if (loaded.status === 'loading' || loaded.status === 'idle') return html`<p class="state" role="status">${s.loading}</p>`;
    if (loaded.status === 'error') {
      return html`<p class="state error" role="alert">${s.failed}
        <button class="button secondary" type="button" @click=${() => void this.#openList()}>${s.retry}</button></p>`;
    }
    if (loaded.items.length === 0) return html`<p class="state">${s.empty}</p>`;
    return html`<ul class="list" part="list">${loaded.items.map((item) => this.#renderItem(s, item))}</ul>`;
  }

  #renderItem(s: NotificationsStrings, item: Notification) {
    const isNew = this.fresh.has(item.id);
    const { locale } = this.t;
    return html`
      <li class="item" part="item" ?data-unread=${isNew}>
        <span>${item.by ? s.nudge(item.by.pseudonym) : s.nudgeNoAdvisor}</span>
        ${item.thread
          ? html`<a part="link" href=${this.links.href({ name: 'thread', threadId: item.thread.id })} @click=${this.#close}>${item.thread.title}</a>`
          : html`<span>${s.deletedThread}</span>`}
        <span class="meta">
          ${isNew ? html`<span class="new">${s.unread}</span>` : nothing}
          <time datetime=${item.createdAt} title=${formatDateTime(locale, item.createdAt)}>${formatRelative(locale, item.createdAt)}</time>
        </span>
      </li>
    `;
  }

  readonly #toggle = (): void => {
    if (this.open) this.#close();
    else void this.#openList();
  };

  /** Opens the list on fresh data, then marks what it shows as read (the count drops at once). */
  async #openList(): Promise<void> {
    this.open = true;
    const items = await this.#load();
    if (!items) return;
    const unread = items.filter((item) => item.readAt === null);
    this.fresh = new Set(unread.map((item) => item.id));
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>('[part="link"]') ?? this.renderRoot.querySelector<HTMLElement>('[part="close"]');
    first?.focus();
    if (!unread.length) return;
    this.unreadCount = Math.max(0, this.unreadCount - unread.length);
    // Failures stay silent: the next opening lists them as unread again.
    await Promise.allSettled(unread.map((item) => this.client.notifications.markRead(item.id)));
  }

  readonly #close = (): void => {
    if (!this.open) return;
    this.open = false;
    this.fresh = new Set();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="toggle"]')?.focus());
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.#close();
  };
}

EntraideNotifications.define('entraide-notifications');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-notifications': EntraideNotifications;
  }
}
