import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { adminRules, can, isAdvisor, type Actor } from '../../core/index.ts';
import { isEntraideError } from '../../sdk/index.ts';
import type { Category } from '../../sdk/types.ts';
import { loadCommunity } from '../internal/community.ts';
import { AdminElement } from '../admin/admin-element.ts';
import { adminInputs } from '../admin/form.styles.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { renderEmpty, renderError, renderLoading } from '../internal/states.ts';
import styles from './admin-team.styles.ts';
import { adminTeamStrings, type AdminTeamStrings } from './strings.ts';
import { TEAM_NAME_MAX, changeOf, choiceOf, choiceValue, toDraft, type PersonDraft, type TeamList, type TeamMember } from './team-draft.ts';
import '../internal/staff-client.ts';

interface Status {
  text: string;
  failed: boolean;
}

/**
 * @summary The brand's people (admins; study §11, §26): advisors, moderators and admins with their
 * role, their team (one in use, a new one typed, or none) and, for advisors, their categories of
 * expertise. Each person is saved on their own, with the outcome said next to their Save button.
 * Members are not listed: roles come from the sign-in. Anyone but an admin is refused without a
 * request.
 *
 * @tag entraide-admin-team
 *
 * @csspart person - One person's form.
 * @csspart role - A person's role.
 * @csspart team - A person's team select.
 * @csspart new-team - The name of a new team.
 * @csspart expertise - An advisor's categories of expertise.
 * @csspart save - A person's save button.
 * @csspart status - A person's save status (a live region).
 * @csspart empty - Shown when the brand has nobody yet.
 * @slot empty - The brand's own empty state, shown instead of that message.
 * @csspart refused - The message shown to anyone but an admin.
 * @csspart loading - The loading message.
 * @csspart error - The loading error and retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop [--entraide-color-danger] - A failed save, a missing team name.
 * @cssprop [--entraide-color-success] - A saved person.
 */
export class EntraideAdminTeam extends AdminElement<TeamList> {
  static override styles = [tokens, controls, adminInputs, styles];

  @state() protected categories: Category[] = [];
  /** Forms edited and not saved yet, by member id. */
  @state() protected drafts: ReadonlyMap<number, PersonDraft> = new Map();
  @state() protected saving: ReadonlySet<number> = new Set();
  @state() protected statuses: ReadonlyMap<number, Status> = new Map();
  /** People whose new team has no name yet. */
  @state() protected missingName: ReadonlySet<number> = new Set();


  get #s(): AdminTeamStrings {
    return adminTeamStrings[this.resolvedLocale];
  }

  protected override allows(actor: Actor): boolean {
    return can(actor, adminRules.manageTeam);
  }

  protected override async fetch(signal: AbortSignal): Promise<TeamList> {
    const [team, community] = await Promise.all([this.client.admin.team({ signal }), loadCommunity(this.client, this.resolvedLocale, signal)]);
    this.categories = community.categories;
    return team;
  }

  protected override loaded(team: TeamList): void {
    this.data = team;
    this.drafts = new Map();
    this.statuses = new Map();
    this.missingName = new Set();
  }

  protected override render() {
    const s = this.#s;
    if (!this.allowed) return html`<p class="state" part="refused" role="alert">${s.adminsOnly}</p>`;
    return html`
      <section aria-labelledby="team-heading" aria-busy=${this.data || this.loadError ? 'false' : 'true'}>
        <h3 id="team-heading">${s.heading}</h3>
        ${this.loadError ? renderError(this.t, this.loadError, () => void this.reload()) : this.data ? this.#renderTeam(s, this.data) : renderLoading(this.t)}
      </section>
    `;
  }

  #renderTeam(s: AdminTeamStrings, team: TeamList) {
    if (!team.items.length) return renderEmpty(s.empty);
    return html`
      <p class="help">${s.help}</p>
      <ul class="people">${team.items.map((person) => html`<li>${this.#renderPerson(s, team, person)}</li>`)}</ul>
    `;
  }

  #renderPerson(s: AdminTeamStrings, team: TeamList, person: TeamMember) {
    const { id, pseudonym, role } = person.member;
    const draft = this.drafts.get(id) ?? toDraft(person);
    const changed = Object.keys(changeOf(person, draft)).length > 0;
    const saving = this.saving.has(id);
    const status = this.statuses.get(id);
    const missing = this.missingName.has(id);
    const selected = choiceValue(draft.team);
    return html`
      <form class="person" part="person" data-member=${id} aria-labelledby="person-${id}" novalidate @submit=${(event: Event) => this.#onSubmit(event, person)}>
        <div class="who">
          <h4 id="person-${id}" tabindex="-1">${pseudonym}</h4>
          <span class="role" part="role">${s.roles[role]}</span>
        </div>
        <label class="field">${s.team}
          <select name="team" part="team" @change=${(event: Event) => this.#edit(person, { team: choiceOf((event.target as HTMLSelectElement).value) })}>
            <option value="none" .selected=${selected === 'none'}>${s.noTeam}</option>
            ${team.teams.map((name) => html`<option value=${`team:${name}`} .selected=${selected === `team:${name}`}>${name}</option>`)}
            <option value="new" .selected=${selected === 'new'}>${s.newTeamOption}</option>
          </select>
        </label>
        ${draft.team.kind === 'new' ? html`
          <label class="field">${s.newTeamName}
            <input type="text" name="new-team" part="new-team" autocomplete="off" maxlength=${TEAM_NAME_MAX} .value=${draft.newTeam}
              aria-invalid=${missing ? 'true' : nothing} aria-describedby=${missing ? `new-team-${id}-problem` : nothing}
              @input=${(event: Event) => this.#edit(person, { newTeam: (event.target as HTMLInputElement).value })}>
          </label>
          ${missing ? html`<p class="problem" id="new-team-${id}-problem">${s.newTeamMissing}</p>` : nothing}` : nothing}
        ${isAdvisor(role) ? this.#renderExpertise(s, person, draft) : nothing}
        <div class="actions">
          <button class="button" part="save" type="submit" ?disabled=${!changed || saving}>
            ${saving ? s.saving : s.save}<span class="visually-hidden"> ${s.saveFor(pseudonym)}</span>
          </button>
          <p class="status" part="status" role="status" ?data-failed=${status?.failed ?? false}>${status?.text ?? ''}</p>
        </div>
      </form>
    `;
  }

  #renderExpertise(s: AdminTeamStrings, person: TeamMember, draft: PersonDraft) {
    return html`
      <fieldset class="expertise" part="expertise">
        <legend>${s.expertise}</legend>
        <p class="help">${s.expertiseHelp}</p>
        ${this.categories.length ? nothing : html`<p class="help">${s.noCategories}</p>`}
        <div class="checks">
          ${this.categories.map((category) => html`
            <label class="check">
              <input type="checkbox" name="expertise" value=${category.id} .checked=${draft.expertise.includes(category.id)}
                @change=${(event: Event) => this.#toggle(person, category.id, (event.target as HTMLInputElement).checked)}>
              ${category.name}
            </label>`)}
        </div>
      </fieldset>
    `;
  }

  /** The person's draft as of now (not as of the last render: two events may come between renders). */
  #draftOf(person: TeamMember): PersonDraft {
    return this.drafts.get(person.member.id) ?? toDraft(person);
  }

  #edit(person: TeamMember, change: Partial<PersonDraft>): void {
    const id = person.member.id;
    this.drafts = new Map(this.drafts).set(id, { ...this.#draftOf(person), ...change });
    if (this.statuses.has(id)) this.statuses = withoutKey(this.statuses, id);
    if (this.missingName.has(id) && change.newTeam?.trim()) this.missingName = withoutKey(this.missingName, id);
  }

  #toggle(person: TeamMember, categoryId: number, on: boolean): void {
    const expertise = this.#draftOf(person).expertise.filter((id) => id !== categoryId);
    this.#edit(person, { expertise: on ? [...expertise, categoryId] : expertise });
  }

  #onSubmit(event: Event, person: TeamMember): void {
    event.preventDefault();
    void this.#save(person);
  }

  async #save(person: TeamMember): Promise<void> {
    const s = this.#s;
    const id = person.member.id;
    const draft = this.#draftOf(person);
    if (this.saving.has(id)) return;
    if (draft.team.kind === 'new' && !draft.newTeam.trim()) {
      this.missingName = new Set(this.missingName).add(id);
      await this.updateComplete;
      this.#within(id, 'input[name="new-team"]')?.focus();
      return;
    }
    const change = changeOf(person, draft);
    if (!Object.keys(change).length) return;
    this.saving = new Set(this.saving).add(id);
    this.#say(id, s.saving, false);
    try {
      const saved = await this.client.admin.updateTeamMember(id, change);
      const team = this.data!;
      const teams = saved.member.team && !team.teams.includes(saved.member.team) ? [...team.teams, saved.member.team].sort() : team.teams;
      this.data = { items: team.items.map((item) => (item.member.id === id ? saved : item)), teams };
      this.drafts = withoutKey(this.drafts, id);
      this.#say(id, s.saved, false);
      // Save turns disabled once done: the person's heading takes the focus it held.
      await this.updateComplete;
      this.#within(id, `#person-${id}`)?.focus();
    } catch (error) {
      this.#say(id, this.#failure(s, error), true);
    } finally {
      this.saving = withoutKey(this.saving, id);
    }
  }

  #failure(s: AdminTeamStrings, error: unknown): string {
    if (!isEntraideError(error)) return s.saveFailed;
    if (error.status === 404) return s.unknownCategory;
    if (error.status === 409) return s.conflict;
    return error.status === 0 ? this.t.networkFailed : s.saveFailed;
  }

  #say(id: number, text: string, failed: boolean): void {
    const before = this.statuses.get(id)?.text;
    // A live region speaks only when its text changes: repeat with a trailing no-break space.
    this.statuses = new Map(this.statuses).set(id, { text: text === before ? `${text}\u00a0` : text, failed });
  }

  #within(id: number, selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[part="person"][data-member="${id}"] ${selector}`);
  }
}

function withoutKey<K, V>(collection: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V>;
function withoutKey<K>(collection: ReadonlySet<K>, key: K): ReadonlySet<K>;
function withoutKey<K, V>(collection: ReadonlyMap<K, V> | ReadonlySet<K>, key: K): ReadonlyMap<K, V> | ReadonlySet<K> {
  if (collection instanceof Map) {
    const copy = new Map(collection);
    copy.delete(key);
    return copy;
  }
  const copy = new Set(collection as ReadonlySet<K>);
  copy.delete(key);
  return copy;
}

EntraideAdminTeam.define('entraide-admin-team');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-admin-team': EntraideAdminTeam;
  }
}
