import { consume } from '@lit/context';
import { html, nothing, svg } from 'lit';
import { state } from 'lit/decorators.js';
import type { LiveEvent, Notification } from '../../sdk/types.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { clientContext, defaultClient, GUEST, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { formatDateTime, formatRelative } from '../internal/format.ts';
import type { Links } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { groupByThread, notificationRoute, upsert, type NotificationGroup } from './grouping.ts';
import styles from './notifications.styles.ts';
import { notificationsStrings, type NotificationsStrings } from './strings.ts';
import '../internal/staff-client.ts';

type Loaded = { status: 'idle' } | { status: 'loading' } | { status: 'error' } | { status: 'ready'; items: Notification[] };

const LIST_LIMIT = 30;

/** The bell, drawn: Debian's Chromium shows the 🔔 emoji as an empty box. */
const BELL = svg`<path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15a2.5 2.5 0 0 0 5 0Z" fill="currentColor"/>`;

/**
 * @summary The signed-in member's notifications: a bell in the forum header with the unread
 * count, updated live, opening the list grouped by thread. Each notification says what
 * happened (a reply in a followed thread, a mention, an accepted or confirmed answer, kudos,
 * a private message, a thread taken into private, an incident, an expert nudge) and links to
 * its post, or to the private conversation in the inbox. Each can be marked read, or all at
 * once; following a link marks it read. Renders nothing for guests.
 *
 * @tag entraide-notifications
 *
 * @csspart toggle - The bell button that opens and closes the list.
 * @csspart icon - The bell's SVG icon.
 * @csspart count - The unread count on the button.
 * @csspart panel - The open list's box.
 * @csspart mark-all - The "mark all read" button.
 * @csspart list - The list of thread groups.
 * @csspart group - The notifications of one thread.
 * @csspart item - One notification; `data-unread` while it is unread.
 * @csspart link - The link of a notification (its post, thread or conversation).
 * @csspart mark-read - The "mark read" button of an unread notification.
 * @csspart close - The button that closes the list.
 *
 * @cssprop [--entraide-color-accent] - The count badge's colour.
 */
export class EntraideNotifications extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();

  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  /** How links are written: the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  @state() protected unreadCount = 0;
  @state() protected open = false;
  @state() protected loaded: Loaded = { status: 'idle' };

  #loadedFor: string | undefined;
  #abort: AbortController | undefined;
  #unsubscribe: (() => void) | undefined;

  get #s(): NotificationsStrings {
    return notificationsStrings[this.resolvedLocale];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#stopLive();
    this.#loadedFor = undefined;
  }

  /** Context values may arrive without a named change: the session key decides when to reload. */
  protected override willUpdate(): void {
    const key = this.session.member ? `${this.session.member.id}:${this.session.token ?? ''}` : undefined;
    if (key === this.#loadedFor) return;
    this.#loadedFor = key;
    this.open = false;
    this.loaded = { status: 'idle' };
    this.unreadCount = 0;
    this.#stopLive();
    if (!key) return;
    void this.#load();
    // Every stream carries the member's own notifications: this subscription does not widen it.
    this.#unsubscribe = this.client.events.subscribe({}, this.#onLive, { notificationsOnly: true, onReset: () => void this.#load() });
  }

  #stopLive(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  readonly #onLive = (event: LiveEvent): void => {
    if (event.type !== 'notification' || event.memberId !== this.session.member?.id) return;
    this.unreadCount = event.unreadCount;
    const { notification } = event;
    if (this.loaded.status !== 'ready') return;
    if (notification) this.loaded = { status: 'ready', items: upsert(this.loaded.items, notification) };
    // No notification: some were read elsewhere, or a batch went (a kudos taken back): the list is read again, quietly.
    else void this.#refresh();
  };

  /** The list again without the loading state, so an open panel does not flicker; a failure keeps what is shown. */
  async #refresh(): Promise<void> {
    try {
      const list = await this.client.notifications.list({ limit: LIST_LIMIT });
      if (this.loaded.status === 'ready') this.loaded = { status: 'ready', items: list.items };
    } catch {
      // The count is right already; the list is read again at the next opening.
    }
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
    const hasUnread = this.loaded.status === 'ready' && this.loaded.items.some((item) => item.readAt === null);
    return html`
      <button class="toggle" part="toggle" type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="panel"
        aria-label=${s.button(this.unreadCount)} @click=${this.#toggle}>
        <svg part="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">${BELL}</svg>
        ${this.unreadCount ? html`<span class="count" part="count" aria-hidden="true">${this.unreadCount}</span>` : nothing}
      </button>
      <section class="panel" part="panel" id="panel" aria-labelledby="heading" ?hidden=${!this.open} @keydown=${this.#onKeydown}>
        <div class="head">
          <h2 id="heading">${s.heading}</h2>
          ${hasUnread ? html`<button class="button secondary small" part="mark-all" type="button" @click=${this.#markAll}>${s.markAllRead}</button>` : nothing}
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
    return html`<ul class="list" part="list">${groupByThread(loaded.items).map((group) => this.#renderGroup(s, group))}</ul>`;
  }

  #renderGroup(s: NotificationsStrings, group: NotificationGroup) {
    return html`<li class="group" part="group"><ul class="items">${group.items.map((item) => this.#renderItem(s, item))}</ul></li>`;
  }

  #renderItem(s: NotificationsStrings, item: Notification) {
    const unread = item.readAt === null;
    const { locale } = this.t;
    const text = s.sentence[item.kind]({
      by: item.by?.pseudonym ?? s.someone, title: item.thread?.title ?? s.deletedThread, count: item.eventCount, incident: item.incident?.title ?? '',
    });
    const route = notificationRoute(item);
    return html`
      <li class="item" part="item" ?data-unread=${unread}>
        ${route
          ? html`<a part="link" id=${`n${item.id}`} href=${this.links.href(route)} @click=${() => this.#follow(item)}>${text}</a>`
          : html`<span id=${`n${item.id}`}>${text}</span>`}
        <span class="meta">
          ${unread ? html`<span class="new">${s.unread}</span>` : nothing}
          <time datetime=${item.updatedAt} title=${formatDateTime(locale, item.updatedAt)}>${formatRelative(locale, item.updatedAt)}</time>
          ${unread
            ? html`<button class="link-button" part="mark-read" type="button" aria-describedby=${`n${item.id}`} @click=${() => void this.#markRead(item)}>${s.markRead}</button>`
            : nothing}
        </span>
      </li>
    `;
  }

  readonly #toggle = (): void => {
    if (this.open) this.#close();
    else void this.#openList();
  };

  /** Opens the list on fresh data and puts focus on its first link. */
  async #openList(): Promise<void> {
    this.open = true;
    await this.#load();
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>('[part="link"]') ?? this.renderRoot.querySelector<HTMLElement>('[part="close"]');
    first?.focus();
  }

  /** Shows `item` read at once; the server's answer (or the live count) confirms. A failure leaves it unread next time. */
  async #markRead(item: Notification): Promise<void> {
    if (item.readAt !== null) return;
    this.#setRead((other) => other.id === item.id);
    try {
      await this.client.notifications.markRead(item.id);
    } catch {
      // Unread again at the next opening.
    }
  }

  readonly #markAll = async (): Promise<void> => {
    this.#setRead(() => true);
    this.unreadCount = 0;
    // The list stays, so focus moves to the close button rather than being lost with "mark all".
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="close"]')?.focus();
    await this.client.notifications.markAllRead().catch(() => undefined);
  };

  #setRead(which: (item: Notification) => boolean): void {
    if (this.loaded.status !== 'ready') return;
    const now = new Date().toISOString();
    let marked = 0;
    const items = this.loaded.items.map((item) => {
      if (item.readAt !== null || !which(item)) return item;
      marked += 1;
      return { ...item, readAt: now };
    });
    this.loaded = { status: 'ready', items };
    this.unreadCount = Math.max(0, this.unreadCount - marked);
  }

  #follow(item: Notification): void {
    void this.#markRead(item);
    this.#close();
  }

  readonly #close = (): void => {
    if (!this.open) return;
    this.open = false;
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
