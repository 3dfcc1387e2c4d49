import { consume } from '@lit/context';
import { html, isServer, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Incident, LiveEvent } from '../../sdk/types.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { stillDismissed } from '../../core/index.ts';
import { MinuteClock } from '../internal/clock.ts';
import '../internal/reading-client.ts';
import { clientContext, defaultClient, GUEST, sessionContext, type SessionState } from '../internal/context.ts';
import { seedContext, type ForumSeed } from '../internal/seed.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { formatDateTime, formatRelative } from '../internal/format.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './incident-banner.styles.ts';
import { guestDismissed, rememberGuestDismissal } from './dismissals.ts';
import { incidentStrings } from '../translations/incident.strings.ts';
import { registerStrings } from '../translations/index.ts';

registerStrings(incidentStrings);

type IncidentEvent = Extract<LiveEvent, { type: 'incident-updated' }>;

/**
 * @summary The outage banner (study §11): when advisors declare an incident, the pages it
 * concerns show it live, so customers with the same problem learn it is known instead of
 * asking again.
 *
 * @tag entraide-incident-banner
 *
 * Shows only the incidents that concern the reader on this page (core's `incidentConcerns`,
 * applied by the server: the category read, the token's region). Each can be dismissed: a
 * member's dismissal is kept by the server, a guest's in localStorage, and the banner comes back
 * at the incident's next update. In a narrow container (a phone) each incident is one line,
 * its text and details behind the toggle. Renders nothing while no incident concerns the reader.
 * Declarations, updates and resolutions arrive live; a resolved incident shows "Resolved" for a
 * few seconds, then goes.
 *
 * @csspart base - The banner (`role="status"`).
 * @csspart list - The list of incidents.
 * @csspart incident - One incident; `data-status` holds its status.
 * @csspart icon - The warning sign.
 * @csspart title - The incident's title.
 * @csspart status - Its status chip (investigating, identified, monitoring, resolved).
 * @csspart text - The banner text written by the advisors.
 * @csspart updated - The "Updated 5 minutes ago" line; the full date shows on hover and focus.
 * @csspart toggle - The button that shows or hides the details (and, on a phone, the text).
 * @csspart dismiss - The button that hides an incident until its next update.
 * @csspart details - The region and the updates posted so far.
 *
 * @cssprop [--entraide-color-warning=#8a4b00 / #ffcf8a] - Border, icon and status colour.
 * @cssprop [--entraide-color-warning-surface=#fff4e0 / #2e2414] - The banner's background.
 */
export class EntraideIncidentBanner extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The category being read (its thread list): its incidents show, with the community-wide ones. 0: no category. */
  @property({ type: Number, attribute: 'category-id' }) categoryId = 0;

  /** The thread being read: its category's incidents show. 0: no thread. */
  @property({ type: Number, attribute: 'thread-id' }) threadId = 0;

  /** Milliseconds a resolved incident stays on screen, saying "Resolved", before it goes. */
  @property({ type: Number, attribute: 'resolved-linger' }) resolvedLinger = 10_000;

  /** The API client: the forum's, or one on `/api` when used alone. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();

  /** Who reads: a member's dismissals go to the server, a guest's stay in this browser. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  /** What a server-rendered page was rendered from: its banners show at once, with no request. */
  @consume({ context: seedContext }) seed: ForumSeed | undefined = undefined;

  /** The active incidents, newest first, as the last fetch gave them. */
  @state() protected active: Incident[] = [];
  /** Incidents resolved while on screen, shown a little longer. */
  @state() protected resolved: Incident[] = [];
  /** Ids of the incidents whose details are open. */
  @state() protected expanded: ReadonlySet<number> = new Set();
  /** Dismissed on this page (id → `updatedAt` then), hidden at once; the server or the browser keeps them for later. */
  @state() protected dismissed: ReadonlyMap<number, string> = new Map();
  /** What the live region says after a dismissal. */
  @state() protected announcement = '';

  #unsubscribe: (() => void) | undefined;
  #subscribedClient: EntraideClient | undefined;
  #fetch: AbortController | undefined;
  #loadedFor = '';
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  /** Hydrating the server's banners: a guest's own dismissals (this browser's) apply just after. */
  #hydrating = false;

  constructor() {
    super();
    new MinuteClock(this);
  }

  override connectedCallback(): void {
    this.#hydrating ||= !isServer && Boolean(this.shadowRoot) && !this.hasUpdated;
    super.connectedCallback();
    // The context (seed, session, locale) has answered by now.
    this.#takeSeed();
    if (!isServer) this.#follow();
  }

  /** The page's seed, once: the banners the server rendered for this page, language and guest. */
  #takeSeed(): void {
    const seeded = this.seed?.incidents;
    if (!seeded || this.#loadedFor || this.session.member || this.seed?.locale !== this.resolvedLocale) return;
    if (seeded.categoryId !== this.categoryId || seeded.threadId !== this.threadId) return;
    this.active = seeded.items;
    this.#loadedFor = this.#pageKey;
  }

  protected override firstUpdated(): void {
    if (!this.#hydrating) return;
    this.#hydrating = false;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopFollowing();
    this.#timers.forEach(clearTimeout);
    this.#timers.clear();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.#follow();
    else if (this.#loadedFor !== this.#pageKey) void this.#load();
  }

  /** The page, reader and language the banner loads for: another category, thread, member or language loads again. */
  get #pageKey(): string {
    return `${this.categoryId}:${this.threadId}:${this.session.member?.id ?? 0}:${this.resolvedLocale}`;
  }

  /** Loads the active incidents and listens for changes, once per client. */
  #follow(): void {
    if (!this.isConnected || this.#subscribedClient === this.client) return;
    this.#stopFollowing();
    this.#subscribedClient = this.client;
    // Subscribe first: a change made while the list loads triggers a second, fresher load.
    this.#unsubscribe = this.client.events.subscribe({}, (event) => this.#onEvent(event), { onReset: () => void this.#load(), incidentsOnly: true });
    // A seeded banner (server-rendered page) needs no first load.
    if (this.#loadedFor !== this.#pageKey) void this.#load();
  }

  #stopFollowing(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedClient = undefined;
    this.#fetch?.abort();
  }

  async #load(): Promise<void> {
    this.#loadedFor = this.#pageKey;
    this.#fetch?.abort();
    const controller = (this.#fetch = new AbortController());
    try {
      const page = { locale: this.resolvedLocale, ...(this.categoryId ? { categoryId: this.categoryId } : {}), ...(this.threadId ? { threadId: this.threadId } : {}) };
      const { items } = await this.client.incidents.banner(page, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.active = items;
      this.resolved = this.resolved.filter((gone) => !items.some((incident) => incident.id === gone.id));
    } catch {
      // A banner that cannot load stays out of the way; the next live change tries again.
    }
  }

  #onEvent(event: LiveEvent): void {
    if (event.type !== 'incident-updated') return;
    if (event.incident.active) void this.#load();
    else this.#showResolved(event);
  }

  /** Keeps a just-resolved incident on screen as "Resolved" for a moment, then drops it. */
  #showResolved(event: IncidentEvent): void {
    const shown = this.active.find((incident) => incident.id === event.incident.id);
    this.active = this.active.filter((incident) => incident.id !== event.incident.id);
    if (!shown) return;
    const now = new Date().toISOString();
    // The texts stay those shown, in the reader's language; the event brings the new state.
    const { status, active } = event.incident;
    this.resolved = [...this.resolved, { ...shown, status, active, updatedAt: now, resolvedAt: now }];
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.resolved = this.resolved.filter((incident) => incident.id !== event.incident.id);
    }, this.resolvedLinger);
    this.#timers.add(timer);
  }

  /** What this banner shows: those the server chose for this reader and page, less those dismissed. */
  get incidents(): Incident[] {
    const shown = (incident: Incident) =>
      !stillDismissed(this.dismissed.get(incident.id), incident.updatedAt) && (this.session.member !== null || this.#hydrating || isServer || !guestDismissed(incident));
    return [...this.active, ...this.resolved].filter(shown);
  }

  /** Hides the incident now; the server (members) or this browser (guests) keeps it hidden until its next update. */
  async #dismiss(incident: Incident): Promise<void> {
    const next = this.incidents[this.incidents.indexOf(incident) + 1];
    this.dismissed = new Map([...this.dismissed, [incident.id, incident.updatedAt]]);
    this.announcement = this.t.incident.dismissed;
    if (next) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-incident="${next.id}"] [part="dismiss"]`)?.focus());
    if (this.session.member === null) return rememberGuestDismissal(incident);
    try {
      await this.client.incidents.dismiss(incident.id);
    } catch {
      // Not kept by the server (offline, session over): this browser keeps it instead.
      rememberGuestDismissal(incident);
    }
  }

  protected override render() {
    const incidents = this.incidents;
    const said = html`<p class="visually-hidden" role="status">${this.announcement}</p>`;
    if (incidents.length === 0) return said;
    return html`
      <section class="banner" part="base" role="status" aria-label=${this.t.incident.label}>
        <ul class="list" part="list">${incidents.map((incident) => this.#renderIncident(incident))}</ul>
      </section>
      ${said}
    `;
  }

  #renderIncident(incident: Incident) {
    const { t } = this;
    const open = this.expanded.has(incident.id);
    const ids = { title: `incident-${incident.id}-title`, details: `incident-${incident.id}-details` };
    return html`
      <li class="incident" part="incident" data-status=${incident.status} data-incident=${incident.id} ?data-open=${open}
        @keydown=${(event: KeyboardEvent) => this.#closeOnEscape(event, incident.id)}>
        <span class="icon" part="icon" aria-hidden="true">⚠</span>
        <div class="body">
          <p class="heading">
            <strong class="title" part="title" id=${ids.title}>${incident.title}</strong>
            <span class="status" part="status">${t.incident.status[incident.status]}</span>
          </p>
          <p class="text" part="text">${incident.bannerText}</p>
          <p class="updated" part="updated">${this.#renderTime(incident.updatedAt, t.incident.updated)}</p>
        </div>
        <div class="controls">
          <button class="toggle" part="toggle" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${ids.details}
            aria-describedby=${ids.title} @click=${() => this.#toggle(incident.id)}>
            ${open ? t.incident.hideDetails : t.incident.showDetails}
          </button>
          <button class="dismiss" part="dismiss" type="button" aria-label=${t.incident.dismiss(incident.title)}
            @click=${() => void this.#dismiss(incident)}><span aria-hidden="true">×</span></button>
        </div>
        <div class="details" part="details" id=${ids.details} ?hidden=${!open}>
          ${this.#renderDetails(incident)}
        </div>
      </li>
    `;
  }

  #renderDetails(incident: Incident) {
    const { t } = this;
    const updates = [...incident.updates].reverse();
    return html`
      ${incident.region ? html`<p>${t.incident.region(incident.region)}</p>` : nothing}
      <p class="history">${t.incident.history}</p>
      ${updates.length === 0
        ? html`<p>${t.incident.noUpdates}</p>`
        : html`<ul class="updates">${updates.map((update) => html`
            <li><span class="status">${t.incident.status[update.status]}</span> ${this.#renderTime(update.createdAt, (when) => when)}<br />${update.text}</li>`)}
          </ul>`}
    `;
  }

  /** A relative time; the absolute one shows on hover and keyboard focus, and is read by screen readers. */
  #renderTime(iso: string, wrap: (when: string) => string) {
    const { locale } = this.t;
    const absolute = formatDateTime(locale, iso);
    return html`<time datetime=${iso} title=${absolute} tabindex="0">${wrap(formatRelative(locale, iso))}</time><span class="absolute">(${absolute})</span>`;
  }

  #toggle(incidentId: number): void {
    const next = new Set(this.expanded);
    if (!next.delete(incidentId)) next.add(incidentId);
    this.expanded = next;
  }

  /** Escape within an incident closes its open details and gives focus back to their button. */
  #closeOnEscape(event: KeyboardEvent, incidentId: number): void {
    if (event.key !== 'Escape' || !this.expanded.has(incidentId)) return;
    event.stopPropagation();
    this.#toggle(incidentId);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`[aria-controls="incident-${incidentId}-details"]`)?.focus());
  }
}

EntraideIncidentBanner.define('entraide-incident-banner');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-incident-banner': EntraideIncidentBanner;
  }
}
