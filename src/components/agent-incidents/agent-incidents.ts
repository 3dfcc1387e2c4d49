import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { AlertList, Category, CollectiveAlert, Incident, NewIncident } from '../../sdk/types.ts';
import { can, inLocale, LIMITS, staffRules, type Locale } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { consoleStrings, type ConsoleStrings } from '../agent-console/strings.ts';
import { loadCommunity } from '../internal/community.ts';
import { GUEST, actorOf, clientContext, defaultClient, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { formatRelative } from '../internal/format.ts';
import type { Links } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './agent-incidents.styles.ts';
import { draftFromAlert, readDeclaration, readUpdate, renderDeclareForm, renderUpdateForm } from './incident-forms.ts';
import { IncidentFieldLimits } from './incident-limits.ts';
import '../internal/staff-client.ts';

interface Loaded {
  alerts: AlertList | null;
  incidents: Incident[];
  categories: Category[];
  /** Titles of the alerts' threads, from their categories' newest threads. */
  titles: Map<number, string>;
  /** The community's other offered language, whose title and banner the declaration may add; undefined when it offers one. */
  otherLocale: Locale | undefined;
}

/** Alerts are about the last hours: their threads are among their categories' newest. */
async function alertThreadTitles(client: EntraideClient, alerts: AlertList | null): Promise<Map<number, string>> {
  const categoryIds = [...new Set((alerts?.items ?? []).map((alert) => alert.categoryId))];
  const pages = await Promise.all(categoryIds.map((categoryId) => client.threads.list({ categoryId, sort: 'newest', limit: LIMITS.pageSizeMax })));
  return new Map(pages.flatMap((page) => page.items.map((thread) => [thread.id, thread.title] as const)));
}

/** The incident's title and banner in the UI's language where the advisor wrote them, else the community's default ones. */
export function incidentInLocale(incident: Incident, locale: Locale): Incident {
  return { ...incident, ...inLocale({ title: incident.title, bannerText: incident.bannerText }, incident.translations, locale) };
}

/** Which incident form is open: an update, or the confirmation before resolving. */
type IncidentForm = { incidentId: number; resolving: boolean };

/**
 * @summary Collective-problem alerts with their threads, declaring an incident from one (the
 * public banner), and the active incidents with updates and resolution.
 *
 * @tag entraide-agent-incidents
 *
 * @csspart alerts - The alerts section.
 * @csspart alert - One alert.
 * @csspart declare - The "declare an incident" button of an alert.
 * @csspart declare-form - The declaration form.
 * @csspart other-language - The declaration's optional title and banner in the community's other language.
 * @csspart incidents - The active incidents section.
 * @csspart incident - One active incident.
 * @csspart banner-live - The "public banner live" badge.
 * @csspart post-update - The "post an update" button.
 * @csspart resolve - The "resolve" button.
 * @csspart update-form - The update form.
 * @csspart resolve-form - The confirmation before resolving.
 * @csspart notice - What the last action did.
 */
export class EntraideAgentIncidents extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;
  /** How links are written: the forum's routing, by context; alone, hash routes. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  @state() protected loaded: Loaded | undefined;
  @state() protected loadError: unknown = undefined;
  /** The alert whose declaration form is open (its index), with the prefilled draft. */
  @state() protected declaring: { index: number; draft: NewIncident } | undefined;
  @state() protected form: IncidentForm | undefined;
  @state() protected busy = false;
  @state() protected notice: { ok: boolean; text: string } | undefined;

  #loadedFor: EntraideClient | undefined;
  /** The open forms' long fields, counted as typed. */
  readonly #limits = new IncidentFieldLimits(this);
  #unsubscribe: (() => void) | undefined;

  get #s(): ConsoleStrings {
    return consoleStrings[this.resolvedLocale];
  }

  protected override willUpdate(): void {
    if (this.#loadedFor === this.client) return;
    this.#loadedFor = this.client;
    this.#unsubscribe?.();
    this.#unsubscribe = this.client.events.subscribe({}, (event) => {
      if (event.type === 'incident-updated') void this.refresh();
    }, { incidentsOnly: true });
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#loadedFor = undefined;
  }

  /** Loads the incidents again (a live update calls it too). */
  async refresh(): Promise<void> {
    const triage = can(actorOf(this.session), staffRules.triageThreads);
    try {
      const [alerts, incidents, community] = await Promise.all([
        triage ? this.client.agent.alerts() : Promise.resolve(null),
        this.client.incidents.list({ active: true }),
        loadCommunity(this.client, this.resolvedLocale),
      ]);
      const titles = await alertThreadTitles(this.client, alerts);
      const otherLocale = community.locales.find((locale) => locale !== community.locale);
      this.loaded = { alerts, incidents: incidents.items, categories: community.categories, titles, otherLocale };
      this.loadError = undefined;
    } catch (error) {
      this.loadError = error;
    }
  }

  protected override render() {
    const s = this.#s;
    if (!this.loaded && this.loadError) {
      return html`<div class="state error" part="error" role="alert"><span>${s.loadFailed}</span>
        <button class="button secondary" type="button" @click=${() => void this.refresh()}>${s.retry}</button></div>`;
    }
    if (!this.loaded) return html`<p class="state" part="loading" role="status">${s.loading}</p>`;
    return html`
      <p class="notice" part="notice" role="status">${this.notice?.ok ? this.notice.text : ''}</p>
      ${this.notice && !this.notice.ok ? html`<p class="notice error" role="alert">${this.notice.text}</p>` : nothing}
      ${this.loaded.alerts ? this.#renderAlerts(s, this.loaded.alerts) : nothing}
      ${this.#renderIncidents(s, this.loaded.incidents)}
    `;
  }

  #categoryName(categoryId: number | null): string {
    return this.loaded?.categories.find((category) => category.id === categoryId)?.name ?? '';
  }

  #renderAlerts(s: ConsoleStrings, alerts: AlertList) {
    const manage = can(actorOf(this.session), staffRules.manageIncidents);
    return html`
      <section part="alerts" aria-labelledby="alerts-heading">
        <h3 id="alerts-heading">${s.alerts}</h3>
        ${alerts.items.length === 0 ? html`<p class="state" part="empty">${s.noAlerts}</p>` : html`
          <ul>${alerts.items.map((alert, index) => html`
            <li part="alert" class="card">
              <p class="title">${this.#categoryName(alert.categoryId)} · ${s.alertSummary(alert.count, alert.region)}</p>
              ${alert.keywords.length ? html`<p>${s.keywords} : ${alert.keywords.join(', ')}</p>` : nothing}
              <ul class="threads" aria-label=${s.linkedThreads}>${alert.threadIds.map((threadId) => html`
                <li><a href=${this.links.href({ name: 'thread', threadId })}>${this.loaded?.titles.get(threadId) ?? `#${threadId}`}</a></li>`)}
              </ul>
              ${manage && this.declaring?.index !== index ? html`<button class="button" part="declare" type="button" @click=${() => void this.#startDeclaring(s, alert, index)}>${s.declare}</button>` : nothing}
              ${this.declaring?.index === index ? renderDeclareForm(s, this.links, this.declaring.draft, this.loaded?.titles ?? new Map<number, string>(), this.busy, {
                submit: (event) => void this.#declare(event),
                cancel: () => (this.declaring = undefined),
                ...this.#limitHandlers(),
              }, this.loaded?.otherLocale) : nothing}
            </li>`)}
          </ul>`}
      </section>
    `;
  }

  #renderIncidents(s: ConsoleStrings, incidents: Incident[]) {
    return html`
      <section part="incidents" aria-labelledby="incidents-heading">
        <h3 id="incidents-heading">${s.activeIncidents}</h3>
        ${incidents.length === 0 ? html`<p class="state" part="empty">${s.noActiveIncidents}</p>` : html`
          <ul>${incidents.map((incident) => this.#renderIncident(s, incidentInLocale(incident, this.resolvedLocale)))}</ul>`}
      </section>
    `;
  }

  #renderIncident(s: ConsoleStrings, incident: Incident) {
    const manage = can(actorOf(this.session), staffRules.manageIncidents);
    const open = this.form?.incidentId === incident.id ? this.form : undefined;
    return html`
      <li part="incident" class="card" data-incident-id=${incident.id}>
        <p class="title">${incident.title}</p>
        <p class="meta">
          <span class="live" part="banner-live">${s.bannerLive}</span>
          <span>${s.incidentStatus[incident.status]}</span>
          <time datetime=${incident.updatedAt}>${formatRelative(this.resolvedLocale, incident.updatedAt)}</time>
        </p>
        <blockquote>${incident.bannerText}</blockquote>
        ${manage && !open ? html`<div class="buttons">
          <button class="button secondary" part="post-update" type="button" @click=${() => void this.#openForm(incident.id, false)}>${s.postUpdate}</button>
          <button class="button secondary danger" part="resolve" type="button" @click=${() => void this.#openForm(incident.id, true)}>${s.resolve}</button>
        </div>` : nothing}
        ${open ? renderUpdateForm(s, incident, open.resolving, this.busy, {
          submit: (event) => void this.#update(event, incident, open.resolving),
          cancel: () => void this.#closeForm(incident.id, open.resolving),
          ...this.#limitHandlers(),
        }) : nothing}
      </li>
    `;
  }

  #limitHandlers() {
    return { input: (event: Event) => this.#limits.input(this.resolvedLocale, event), limits: this.#limits.view(this.resolvedLocale) };
  }

  async #startDeclaring(s: ConsoleStrings, alert: CollectiveAlert, index: number): Promise<void> {
    const draft = draftFromAlert(s, alert, this.loaded?.titles ?? new Map<number, string>(), this.#categoryName(alert.categoryId));
    this.#limits.reset(this.resolvedLocale, { title: draft.title, bannerText: draft.bannerText, otherTitle: '', otherBannerText: '' });
    this.declaring = { index, draft };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('form[part="declare-form"] input[name="title"]')?.focus();
  }

  async #openForm(incidentId: number, resolving: boolean): Promise<void> {
    this.#limits.reset(this.resolvedLocale, { text: '' });
    this.form = { incidentId, resolving };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`li[data-incident-id="${incidentId}"] form textarea, li[data-incident-id="${incidentId}"] form select`)?.focus();
  }

  /** Cancelling gives the focus back to the button that opened the form. */
  async #closeForm(incidentId: number, resolving: boolean): Promise<void> {
    this.form = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`li[data-incident-id="${incidentId}"] [part="${resolving ? 'resolve' : 'post-update'}"]`)?.focus();
  }

  async #declare(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.declaring) return;
    const input = readDeclaration(event.target as HTMLFormElement, this.declaring.draft, this.loaded?.otherLocale);
    await this.#save(async () => {
      const incident = await this.client.incidents.create(input);
      this.declaring = undefined;
      return this.#s.incidentDeclared(incidentInLocale(incident, this.resolvedLocale).title);
    });
  }

  async #update(event: SubmitEvent, incident: Incident, resolving: boolean): Promise<void> {
    event.preventDefault();
    const input = readUpdate(event.target as HTMLFormElement, resolving);
    await this.#save(async () => {
      await this.client.incidents.update(incident.id, input);
      this.form = undefined;
      return resolving ? this.#s.incidentResolved(incident.title) : this.#s.updatePosted;
    });
  }

  /** One write at a time; the lists are read again after it, and the outcome is announced. */
  async #save(write: () => Promise<string>): Promise<void> {
    this.busy = true;
    this.notice = undefined;
    try {
      const text = await write();
      await this.refresh();
      this.notice = { ok: true, text };
    } catch {
      this.notice = { ok: false, text: this.#s.saveFailed };
    } finally {
      this.busy = false;
    }
  }
}

EntraideAgentIncidents.define('entraide-agent-incidents');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-agent-incidents': EntraideAgentIncidents;
  }
}
