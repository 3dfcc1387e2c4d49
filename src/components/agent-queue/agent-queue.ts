import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Category, LiveEvent, QueueGroupPage, QueueItem } from '../../sdk/types.ts';
import { can, staffRules } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { consoleStrings, type ConsoleStrings } from '../agent-console/strings.ts';
import { EntraideThreadOpenedEvent } from '../events/thread-opened.ts';
import { SecondClock } from '../internal/clock.ts';
import { loadCommunity } from '../internal/community.ts';
import { GUEST, actorOf, clientContext, defaultClient, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import type { Links } from '../internal/router.ts';
import { controls, statusChip, tokens } from '../internal/shared.styles.ts';
import styles from './agent-queue.styles.ts';
import { loadExperts, notifyExperts, renderExperts, type ExpertsState } from './experts-panel.ts';
import { renderMore, type MoreState } from './queue-more.ts';
import { renderWaitTime } from './queue-time.ts';
import { groupQueue, isMarkedUrgent, itemKey, recallMyCategories, rememberMyCategories, withNextPage, type QueueGroupView } from './queue-groups.ts';
import '../internal/staff-client.ts';

/** Live events after which the queue may have changed. */
const REFRESHING_EVENTS = new Set<LiveEvent['type']>(['post-created', 'thread-created', 'thread-updated']);
const SHORTCUTS = 'j k ArrowDown ArrowUp Enter u';

/**
 * @summary The advisor's live supervision queue, grouped by urgency, with countdowns for threads
 * still in community time and keyboard shortcuts.
 *
 * @tag entraide-agent-queue
 *
 * @csspart toolbar - The filters.
 * @csspart category-filter - The category select.
 * @csspart my-categories - The "my categories now" checkbox.
 * @csspart shortcuts - The shortcut help line.
 * @csspart group - One urgency group.
 * @csspart group-heading - A group's heading, with its count (the whole group's, not only the page shown).
 * @csspart group-empty - The line of a group that holds nothing.
 * @csspart more - A group's "show more" button (each group pages on its own).
 * @csspart item - One queue item.
 * @csspart title - An item's thread link (the roving focus target).
 * @csspart chip - A status chip.
 * @csspart wait - The wait or overdue time.
 * @csspart countdown - The live community-time countdown.
 * @csspart flag-weight - The flag weight of a flagged post.
 * @csspart urgent - The urgent toggle.
 * @csspart experts-toggle - Opens the expert nudges panel.
 * @csspart experts - The expert nudges panel.
 * @csspart empty - The empty-queue message.
 *
 * @fires {EntraideThreadOpenedEvent} entraide-thread-opened - An item was opened (cancel it to route yourself instead of following the link).
 */
export class EntraideAgentQueue extends EntraideElement {
  static override styles = [tokens, controls, statusChip, styles];

  /** Only this category's items (0: every category). */
  @property({ type: Number, attribute: 'category-id', reflect: true }) categoryId = 0;
  /**
   * Only the categories the advisor's weekly plan assigns right now. An advisor with a plan starts
   * with it on (the console follows the plan, study §11); the checkbox or this property turns it off.
   * The advisor's own choice is kept in this browser and wins over the plan, after a reload too.
   */
  @property({ type: Boolean, attribute: 'my-categories', reflect: true }) myCategories = false;
  /** Milliseconds of quiet before a live event refetches the queue. */
  @property({ type: Number, attribute: 'refresh-delay' }) refreshDelay = 400;
  /** Items per group and per "show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;
  /** How links are written: the forum's routing, by context; alone, hash routes. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  @state() protected items: QueueItem[] | undefined;
  @state() protected pages: QueueGroupPage[] = [];
  /** The group whose next page is loading, or whose load failed. */
  @state() protected more: MoreState | undefined;
  @state() protected loadError: unknown = undefined;
  @state() protected categories: Category[] = [];
  @state() protected planCategoryIds: number[] | undefined;
  @state() protected activeKey: string | undefined;
  @state() protected experts: ExpertsState | undefined;
  @state() protected expertsOpen: number | undefined;
  @state() protected notice: { ok: boolean; text: string } | undefined;

  #controller: AbortController | undefined;
  #expertsController: AbortController | undefined;
  #unsubscribe: (() => void) | undefined;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #listenedClient: EntraideClient | undefined;
  #loadedClient: EntraideClient | undefined;
  #loadKey = '';
  /** The member whose plan set the default filter; someone else signing in gets theirs. */
  #planDefaultFor: number | undefined;

  constructor() {
    super();
    new SecondClock(this);
  }

  get #s(): ConsoleStrings {
    return consoleStrings[this.resolvedLocale];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
    this.#expertsController?.abort();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#listenedClient = undefined;
    clearTimeout(this.#refreshTimer);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the page: listen and load again.
    if (this.hasUpdated) {
      this.#listen();
      void this.refresh();
    }
  }

  /** Context values are not reactive properties: compare what the last load and subscription used. */
  protected override willUpdate(): void {
    if (this.#listenedClient !== this.client) this.#listen();
    // "My categories now" is asked of the server, so that counts and pages are those of the plan.
    const loadKey = [this.categoryId, this.#planned, this.session.member?.id ?? 0, this.resolvedLocale].join(':');
    if (this.#loadedClient !== this.client || this.#loadKey !== loadKey) {
      this.#loadedClient = this.client;
      this.#loadKey = loadKey;
      void this.refresh();
    }
  }

  /** Fetches the queue again (and the filters' data); what is shown stays until the answer arrives. */
  async refresh(): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const { signal } = controller;
    try {
      // A refresh keeps as many items per group as "show more" loaded, up to the API's cap.
      const shown = Math.max(0, ...this.pages.map((page) => (this.items ?? []).filter((item) => item.kind === page.kind).length));
      const limit = Math.min(200, Math.max(this.pageSize, shown));
      const [queue, community, plan] = await Promise.all([
        this.client.agent.queue({ limit, ...this.#scope }, { signal }),
        loadCommunity(this.client, this.resolvedLocale, signal),
        can(actorOf(this.session), staffRules.triageThreads) ? this.client.agent.plan({ signal }) : Promise.resolve(undefined),
      ]);
      if (signal.aborted) return;
      this.items = queue.items;
      this.pages = queue.groups;
      this.categories = community.categories;
      this.planCategoryIds = plan?.categoryIdsNow;
      this.#followPlan(plan?.slots.length ?? 0);
      this.loadError = undefined;
    } catch (error) {
      if (!signal.aborted) this.loadError = error;
    }
  }

  /**
   * Once per advisor: their remembered choice, else a plan with slots turns "my categories now" on,
   * unless the page already chose.
   */
  #followPlan(slotCount: number): void {
    const memberId = this.session.member?.id;
    if (memberId === undefined || this.#planDefaultFor === memberId) return;
    this.#planDefaultFor = memberId;
    if (this.hasAttribute('my-categories')) return;
    this.myCategories = recallMyCategories(memberId) ?? slotCount > 0;
  }

  /** A group's next page, added under what is shown. */
  async #loadMore(group: QueueGroupView): Promise<void> {
    if (!group.nextCursor || !this.items) return;
    this.more = { kind: group.kind, failed: false };
    try {
      const query = { group: group.kind, cursor: group.nextCursor, limit: this.pageSize, ...this.#scope };
      const page = await this.client.agent.queue(query);
      ({ items: this.items, groups: this.pages } = withNextPage({ items: this.items, groups: this.pages }, page));
      this.more = undefined;
    } catch {
      this.more = { kind: group.kind, failed: true };
    }
  }

  #listen(): void {
    this.#unsubscribe?.();
    this.#listenedClient = this.client;
    this.#unsubscribe = this.client.events.subscribe({}, (event) => {
      if (REFRESHING_EVENTS.has(event.type)) this.#scheduleRefresh();
    }, { onReset: () => this.#scheduleRefresh() });
  }

  /** A burst of events (a busy evening) gives one refetch, not one per post. */
  #scheduleRefresh(): void {
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => void this.refresh(), this.refreshDelay);
  }

  /** Whether the plan narrows the queue: only advisors keep a plan. */
  get #planned(): boolean {
    return this.myCategories && can(actorOf(this.session), staffRules.triageThreads);
  }

  /** The categories asked of the server. */
  get #scope(): { categoryId?: number; planned?: boolean } {
    return { ...(this.categoryId ? { categoryId: this.categoryId } : {}), ...(this.#planned ? { planned: true } : {}) };
  }

  get #groups(): QueueGroupView[] {
    return groupQueue(this.items ?? [], this.pages);
  }

  protected override render() {
    const s = this.#s;
    return html`
      ${this.#renderToolbar(s)}
      <p class="shortcuts" part="shortcuts" id="shortcuts">${s.shortcutsHelp}</p>
      ${this.notice ? html`<p class="notice ${this.notice.ok ? 'ok' : 'error'}" role=${this.notice.ok ? 'status' : 'alert'}>${this.notice.text}</p>` : nothing}
      ${this.#renderBody(s)}
    `;
  }

  #renderBody(s: ConsoleStrings) {
    if (this.items === undefined && this.loadError) {
      return html`<div class="state error" part="error" role="alert"><span>${s.loadFailed}</span>
        <button class="button secondary" type="button" @click=${() => void this.refresh()}>${s.retry}</button></div>`;
    }
    if (this.items === undefined) return html`<p class="state" part="loading" role="status">${s.loading}</p>`;
    const groups = this.#groups;
    if (this.myCategories && this.planCategoryIds?.length === 0) return html`<p class="state" part="empty">${s.offDuty}</p>`;
    if (groups.every((group) => group.items.length === 0 && !group.nextCursor)) return html`<p class="state" part="empty">${s.emptyQueue}</p>`;
    const active = this.#activeKey(groups);
    return groups.map((group) => this.#renderGroup(s, group, active));
  }

  #renderToolbar(s: ConsoleStrings) {
    const advisor = can(actorOf(this.session), staffRules.triageThreads);
    return html`
      <div class="toolbar" part="toolbar">
        <label>${s.categoryFilter}
          <select part="category-filter" @change=${(event: Event) => (this.categoryId = Number((event.target as HTMLSelectElement).value))}>
            <option value="0" ?selected=${this.categoryId === 0}>${s.allCategories}</option>
            ${this.categories.map((category) => html`<option value=${category.id} ?selected=${this.categoryId === category.id}>${category.name}</option>`)}
          </select>
        </label>
        ${advisor ? html`<label class="check"><input type="checkbox" part="my-categories" .checked=${this.myCategories}
          @change=${this.#onMyCategories} />${s.myCategoriesNow}</label>` : nothing}
      </div>
    `;
  }

  /** The choice is remembered for this advisor; the change of scope reloads the queue. */
  readonly #onMyCategories = (event: Event): void => {
    this.myCategories = (event.target as HTMLInputElement).checked;
    const memberId = this.session.member?.id;
    if (memberId !== undefined) rememberMyCategories(memberId, this.myCategories);
  };

  #renderGroup(s: ConsoleStrings, group: QueueGroupView, active: string | undefined) {
    const headingId = `group-${group.kind}`;
    return html`
      <section class="group ${group.kind}" part="group" data-kind=${group.kind}>
        <h3 part="group-heading" id=${headingId}>${s.groups[group.kind]} <span class="count">(${s.groupCount(group.total)})</span></h3>
        ${group.items.length
          ? html`<ul aria-labelledby=${headingId}>${group.items.map((item) => this.#renderItem(s, item, itemKey(item) === active))}</ul>`
          : html`<p class="group-empty" part="group-empty">${s.groupEmpty}</p>`}
        ${renderMore(s, group, this.more, () => void this.#loadMore(group))}
      </section>
    `;
  }

  #renderItem(s: ConsoleStrings, item: QueueItem, active: boolean) {
    const { thread } = item;
    const category = this.categories.find((c) => c.id === thread.categoryId)?.name ?? '';
    const tabindex = active ? '0' : '-1';
    const panelId = `experts-${thread.id}`;
    const inCommunityTime = item.holdback === 'community-time' && can(actorOf(this.session), staffRules.triageThreads);
    return html`
      <li part="item" class=${active ? 'active' : ''} data-thread-id=${thread.id} data-kind=${item.kind}>
        <a part="title" class="title" href=${this.links.href({ name: 'thread', threadId: thread.id, postId: item.postId ?? undefined })}
          tabindex=${tabindex} aria-keyshortcuts=${SHORTCUTS} aria-describedby="shortcuts"
          @click=${(event: MouseEvent) => this.#open(event, thread.id)} @keydown=${(event: KeyboardEvent) => this.#onKey(event, item)}
          @focus=${() => (this.activeKey = itemKey(item))}>${thread.title}</a>
        <div class="meta">
          <span class="category">${category}</span>
          <span class="status ${thread.status}" part="chip">${this.t.threadStatus[thread.status]}</span>
          ${thread.needsAccount ? html`<span class="status urgent" part="chip">${s.chips.needsAccount}</span>` : nothing}
          ${isMarkedUrgent(item) ? html`<span class="status urgent" part="chip">${s.chips.urgent}</span>` : nothing}
          ${item.hasCommunityAnswer ? html`<span class="status answered" part="chip">${s.chips.communityAnswer}</span>` : nothing}
          <span>${s.replies(thread.replyCount)}</span>
          ${renderWaitTime(s, item, this.resolvedLocale)}
          ${item.flagWeight !== null ? html`<span part="flag-weight">${s.flagWeight(item.flagWeight)}</span>` : nothing}
        </div>
        ${this.#renderActions(s, item, tabindex, panelId, inCommunityTime)}
        ${inCommunityTime && this.expertsOpen === thread.id ? renderExperts(s, panelId, thread.title, this.experts, {
          toggle: (memberId) => this.#toggleExpert(memberId),
          notify: () => void this.#notify(),
        }) : nothing}
      </li>
    `;
  }

  #renderActions(s: ConsoleStrings, item: QueueItem, tabindex: string, panelId: string, inCommunityTime: boolean) {
    if (!can(actorOf(this.session), staffRules.triageThreads)) return nothing;
    const urgent = isMarkedUrgent(item);
    const locked = item.thread.needsAccount;
    return html`
      <div class="actions">
        ${locked ? nothing : html`<button class="button secondary small" part="urgent" type="button" tabindex=${tabindex} aria-keyshortcuts="u"
          aria-pressed=${urgent ? 'true' : 'false'} @click=${() => void this.#toggleUrgent(item)}>${s.chips.urgent}</button>`}
        ${inCommunityTime ? html`<button class="button secondary small" part="experts-toggle" type="button" tabindex=${tabindex}
          aria-expanded=${this.expertsOpen === item.thread.id ? 'true' : 'false'} aria-controls=${panelId}
          @click=${() => void this.#toggleExperts(item.thread.id)}>${s.experts}</button>` : nothing}
      </div>
    `;
  }

  /** The item holding the roving focus: the one last focused, else the first. */
  #activeKey(groups: QueueGroupView[]): string | undefined {
    const keys = groups.flatMap((group) => group.items.map(itemKey));
    return this.activeKey && keys.includes(this.activeKey) ? this.activeKey : keys[0];
  }

  #onKey(event: KeyboardEvent, item: QueueItem): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step = event.key === 'j' || event.key === 'ArrowDown' ? 1 : event.key === 'k' || event.key === 'ArrowUp' ? -1 : 0;
    if (step) {
      event.preventDefault();
      void this.#move(item, step);
    } else if (event.key === 'u' && can(actorOf(this.session), staffRules.triageThreads) && !item.thread.needsAccount) {
      event.preventDefault();
      void this.#toggleUrgent(item);
    }
  }

  async #move(from: QueueItem, step: number): Promise<void> {
    const flat = this.#groups.flatMap((group) => group.items);
    const index = flat.findIndex((item) => itemKey(item) === itemKey(from));
    const next = flat[Math.min(flat.length - 1, Math.max(0, index + step))];
    if (!next) return;
    this.activeKey = itemKey(next);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('li.active a.title')?.focus();
  }

  /** Enter or a click: the host may route itself (cancel the event); otherwise the link is followed. */
  #open(event: MouseEvent, threadId: number): void {
    if (!this.emit(new EntraideThreadOpenedEvent({ threadId }))) event.preventDefault();
  }

  async #toggleUrgent(item: QueueItem): Promise<void> {
    this.notice = undefined;
    try {
      await this.client.agent.markUrgent(item.thread.id, !isMarkedUrgent(item));
      await this.refresh();
    } catch {
      this.notice = { ok: false, text: this.#s.urgentFailed };
    }
  }

  async #toggleExperts(threadId: number): Promise<void> {
    this.#expertsController?.abort();
    if (this.expertsOpen === threadId) {
      this.expertsOpen = undefined;
      return;
    }
    this.expertsOpen = threadId;
    this.experts = undefined;
    const controller = (this.#expertsController = new AbortController());
    const loaded = await loadExperts(this.client, threadId, controller.signal);
    if (!controller.signal.aborted) this.experts = loaded;
  }

  #toggleExpert(memberId: number): void {
    if (!this.experts) return;
    const selected = new Set(this.experts.selected);
    if (!selected.delete(memberId)) selected.add(memberId);
    this.experts = { ...this.experts, selected, message: undefined };
  }

  async #notify(): Promise<void> {
    if (!this.experts) return;
    this.experts = { ...this.experts, sending: true, message: undefined };
    this.experts = await notifyExperts(this.client, this.experts, this.#s);
  }
}

EntraideAgentQueue.define('entraide-agent-queue');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-agent-queue': EntraideAgentQueue;
  }
}
