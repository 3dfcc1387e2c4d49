import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Category, TeamNow, WeeklyPlan } from '../../sdk/types.ts';
import { can, workspaceRules } from '../../core/index.ts';
import type { EntraideClient } from '../../sdk/index.ts';
import { loadCommunity } from '../internal/community.ts';
import { GUEST, actorOf, clientContext, defaultClient, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { formatWeekdayTime } from '../internal/format-more.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './agent-team.styles.ts';
import { newSlot, problemsOf, toDraft, toSlots, weekdayNames, type DraftSlot, type SaveProblems } from './plan-draft.ts';
import { renderPlanEditor } from './plan-editor.ts';
import { agentTeamStrings, type AgentTeamStrings } from './strings.ts';
import '../internal/staff-client.ts';

/** Who is on duty changes with the clock: the view asks again every minute. */
export const REFRESH_MS = 60_000;

const NO_PROBLEMS: SaveProblems = { bySlot: new Map(), general: [] };

/**
 * @summary The team view (study §11, §26): who is on which category right now, from the advisors'
 * weekly plans, refreshed every minute; and, for advisors, "my categories now" and the editor of
 * their own weekly plan (day, start, end, categories per slot), whose refusals the server explains
 * slot by slot. Moderators see the team without an editor; members and guests are refused.
 *
 * @tag entraide-agent-team
 *
 * @csspart now - The "who is on duty" section.
 * @csspart category - One category with its advisors on duty.
 * @csspart mine - The "my categories now" summary.
 * @csspart plan - The weekly plan editor (advisors).
 * @csspart slot - One slot of the plan.
 * @csspart slot-error - The server's messages about a slot.
 * @csspart plan-error - The summary of a refused save.
 * @csspart add-slot - The "add a slot" button.
 * @csspart remove-slot - A slot's remove button.
 * @csspart save - The save button.
 * @csspart status - The save status line.
 * @csspart refused - The message shown to members and guests.
 * @csspart loading - The loading message.
 * @csspart error - The loading error and retry button.
 *
 * @cssprop [--entraide-color-danger] - Slots the server refused.
 */
export class EntraideAgentTeam extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;

  @state() protected categories: Category[] = [];
  @state() protected now: TeamNow | undefined;
  @state() protected loadError: unknown = undefined;
  @state() protected draft: DraftSlot[] = [];
  @state() protected problems: SaveProblems = NO_PROBLEMS;
  @state() protected saving = false;
  @state() protected status = '';

  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;

  get #s(): AgentTeamStrings {
    return agentTeamStrings[this.resolvedLocale];
  }

  get #isAdvisor(): boolean {
    return can(actorOf(this.session), workspaceRules.keepWeeklyPlan);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
    this.#timer = setInterval(() => void this.#refreshNow(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    clearInterval(this.#timer);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    // The session arrives by context, possibly after the first load: load again for the new person.
    if (changed.has('session') && changed.get('session') !== undefined) void this.#load();
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    if (!can(actorOf(this.session), workspaceRules.seeTeamPlans)) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.loadError = undefined;
    this.now = undefined;
    try {
      const [community, now, plan] = await Promise.all([
        loadCommunity(this.client, this.resolvedLocale, abort.signal),
        this.client.agent.teamNow({}, { signal: abort.signal }),
        this.#isAdvisor ? this.client.agent.plan({ signal: abort.signal }) : Promise.resolve(undefined),
      ]);
      if (abort.signal.aborted) return;
      this.categories = community.categories;
      this.now = now;
      if (plan) this.draft = toDraft(plan.slots);
    } catch (error) {
      if (!abort.signal.aborted) this.loadError = error;
    }
  }

  /** The minute refresh keeps the last answer on failure: a blip should not blank the view. */
  async #refreshNow(): Promise<void> {
    if (!this.now) return;
    try {
      this.now = await this.client.agent.teamNow();
    } catch {
      // Shown again at the next tick.
    }
  }

  protected override render() {
    const s = this.#s;
    if (!can(actorOf(this.session), workspaceRules.seeTeamPlans)) return html`<p class="state" part="refused" role="alert">${s.staffOnly}</p>`;
    return html`
      <section aria-labelledby="team-heading" aria-busy=${this.now || this.loadError ? 'false' : 'true'}>
        <h2 id="team-heading">${s.heading}</h2>
        ${this.#renderBody(s)}
      </section>
    `;
  }

  #renderBody(s: AgentTeamStrings) {
    if (this.loadError) {
      return html`<div class="state error" part="error" role="alert"><span>${s.loadFailed}</span>
        <button class="button secondary" part="retry" type="button" @click=${() => void this.#load()}>${s.retry}</button></div>`;
    }
    if (!this.now) return html`<p class="state" part="loading" role="status">${s.loading}</p>`;
    return html`
      ${this.#isAdvisor ? this.#renderMine(s, this.now) : nothing}
      ${this.#renderNow(s, this.now)}
      ${this.#isAdvisor ? this.#renderEditor(s) : nothing}
    `;
  }

  #categoryName(categoryId: number): string {
    return this.categories.find((category) => category.id === categoryId)?.name ?? `#${categoryId}`;
  }

  #renderMine(s: AgentTeamStrings, now: TeamNow) {
    return html`
      <div class="mine" part="mine">
        <h3 id="mine-heading">${s.myNowHeading}</h3>
        ${now.myCategoryIds.length
          ? html`<ul class="chips">${now.myCategoryIds.map((id) => html`<li>${this.#categoryName(id)}</li>`)}</ul>`
          : html`<p>${s.myNowNone}</p>`}
      </div>
    `;
  }

  #renderNow(s: AgentTeamStrings, now: TeamNow) {
    const time = formatWeekdayTime(this.resolvedLocale, now.at, now.timeZone);
    return html`
      <div class="now" part="now">
        <h3 id="now-heading">${s.nowHeading}</h3>
        <p class="help">${s.nowAt(time)}</p>
        <ul class="team" aria-labelledby="now-heading">
          ${now.categories.map((entry) => html`
            <li part="category" data-category=${entry.categoryId}>
              <span class="name">${this.#categoryName(entry.categoryId)}</span>
              <span class="count">${s.onDuty(entry.advisors.length)}</span>
              <span class="advisors">${entry.advisors.length ? entry.advisors.map((advisor) => advisor.pseudonym).join(', ') : s.nobody}</span>
            </li>`)}
        </ul>
      </div>
    `;
  }

  #renderEditor(s: AgentTeamStrings) {
    return renderPlanEditor({
      s, weekdays: weekdayNames(this.resolvedLocale), categories: this.categories, draft: this.draft, problems: this.problems,
      saving: this.saving, status: this.status,
      change: (key, changes) => this.#edit(this.draft.map((slot) => (slot.key === key ? { ...slot, ...changes } : slot))),
      toggleCategory: (key, categoryId, on) => this.#edit(this.draft.map((slot) => (slot.key === key
        ? { ...slot, categoryIds: on ? [...new Set([...slot.categoryIds, categoryId])] : slot.categoryIds.filter((id) => id !== categoryId) }
        : slot))),
      add: () => void this.#add(),
      remove: (key) => void this.#remove(key),
      save: (event) => {
        event.preventDefault();
        void this.#save();
      },
    });
  }

  /** Any change makes earlier messages stale (their slot indexes may no longer match). */
  #edit(draft: DraftSlot[]): void {
    this.draft = draft;
    this.problems = NO_PROBLEMS;
    this.status = '';
  }

  /** The new slot's day select takes the focus, so keyboard users carry on where it appeared. */
  async #add(): Promise<void> {
    const slot = newSlot(this.categories[0] ? [this.categories[0].id] : []);
    this.#edit([...this.draft, slot]);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>(`[data-index="${this.draft.length - 1}"] select`)?.focus();
  }

  /** Focus goes to "add a slot" rather than being lost with the removed fieldset. */
  async #remove(key: number): Promise<void> {
    this.#edit(this.draft.filter((slot) => slot.key !== key));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="add-slot"]')?.focus();
  }

  async #save(): Promise<void> {
    const s = this.#s;
    this.saving = true;
    this.status = s.saving;
    try {
      const plan: WeeklyPlan = await this.client.agent.setPlan({ slots: toSlots(this.draft) });
      this.draft = toDraft(plan.slots);
      this.problems = NO_PROBLEMS;
      this.status = s.saved;
      void this.#refreshNow(); // "my categories now" and the team follow the new plan
    } catch (error) {
      const problems = problemsOf(error);
      this.problems = problems;
      // A refusal with details is announced by the alert above the slots; anything else here.
      this.status = problems.bySlot.size || problems.general.length ? '' : s.saveFailed;
    } finally {
      this.saving = false;
    }
  }
}

EntraideAgentTeam.define('entraide-agent-team');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-agent-team': EntraideAgentTeam;
  }
}
