import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Locale } from '../../core/index.ts';
import { isEntraideError } from '../../sdk/index.ts';
import { loadCommunity } from '../internal/community.ts';
import { AdminElement } from '../admin/admin-element.ts';
import { adminInputs } from '../admin/form.styles.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import { renderError, renderLoading } from '../internal/states.ts';
import styles from './admin-ranks.styles.ts';
import { badNumbers, ladderKey, newStep, problemsOf, toDraft, toLadder, type AdminRankLadder, type DraftLadder, type DraftStep, type RankLadderView } from './ladder-draft.ts';
import { renderSteps, renderWeights } from './ladder-editor.ts';
import { adminRanksStrings, type AdminRanksStrings } from './strings.ts';
import '../internal/staff-client.ts';

/** The preview waits for a pause in the typing: one count per pause, not per key. */
export const PREVIEW_DELAY_MS = 400;

/**
 * @summary The rank ladder editor (admins; study §22): the score's weights and the levels (names
 * in French and English, minimum score, minimum days since joining). Every change is previewed
 * by the server after a pause in the typing: how many members each level holds now and would hold
 * with the ladder edited; a ladder the server cannot use shows its reasons and cannot be saved.
 * Save, or go back to the saved ladder. Anyone but an admin is refused without a request.
 *
 * @tag entraide-admin-ranks
 *
 * @csspart form - The editor.
 * @csspart weights - The score's weights.
 * @csspart steps - The table of levels.
 * @csspart step - One level (a table row).
 * @csspart members-now - A level's members now.
 * @csspart members-preview - A level's members with the ladder edited.
 * @csspart add-step - The "add a level" button.
 * @csspart remove-step - A level's remove button.
 * @csspart problems - Why the server cannot use the ladder edited.
 * @csspart preview-status - The preview's progress or failure.
 * @csspart empty - Shown when the community has no member to count.
 * @csspart save - The save button.
 * @csspart reset - The "back to the saved ladder" button.
 * @csspart status - The save status line (a live region).
 * @csspart refused - The message shown to anyone but an admin.
 * @csspart loading - The loading message.
 * @csspart error - The loading error and retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop [--entraide-color-danger] - Fields and reasons the ladder is refused for.
 * @cssprop [--entraide-color-success] - The saved status.
 */
export class EntraideAdminRanks extends AdminElement<RankLadderView> {
  static override styles = [tokens, controls, adminInputs, styles];


  @state() protected defaultLocale: Locale = 'fr';
  @state() protected draft: DraftLadder | undefined;
  /** The last preview the server answered, and the ladder it was for. */
  @state() protected preview: { key: string; members: number[] } | undefined;
  @state() protected problems: string[] = [];
  @state() protected previewing = false;
  @state() protected previewFailed = false;
  @state() protected saving = false;
  @state() protected status = '';
  @state() protected failed = false;

  #previewAbort: AbortController | undefined;
  #previewTimer: ReturnType<typeof setTimeout> | undefined;

  get #s(): AdminRanksStrings {
    return adminRanksStrings[this.resolvedLocale];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancelPreview();
  }

  protected override reload(): Promise<void> {
    this.#cancelPreview();
    return super.reload();
  }

  protected override async fetch(signal: AbortSignal): Promise<RankLadderView> {
    const [view, community] = await Promise.all([this.client.admin.ranks({ signal }), loadCommunity(this.client, this.resolvedLocale, signal)]);
    this.defaultLocale = community.locale;
    return view;
  }

  protected override loaded(view: RankLadderView): void {
    this.#show(view);
  }

  /** The saved ladder, in the editor and as its own preview. */
  #show(view: RankLadderView): void {
    this.data = view;
    this.draft = toDraft(view.ladder);
    this.preview = { key: ladderKey(view.ladder), members: view.members };
    this.problems = [];
    this.previewFailed = false;
  }

  protected override render() {
    const s = this.#s;
    if (!this.allowed) return html`<p class="state" part="refused" role="alert">${s.adminsOnly}</p>`;
    return html`
      <section aria-labelledby="ranks-heading" aria-busy=${this.data || this.loadError ? 'false' : 'true'}>
        <h3 id="ranks-heading" tabindex="-1">${s.heading}</h3>
        ${this.loadError
          ? renderError(this.t, this.loadError, () => void this.reload())
          : this.data && this.draft ? this.#renderEditor(s, this.data, this.draft) : renderLoading(this.t)}
      </section>
    `;
  }

  #renderEditor(s: AdminRanksStrings, view: RankLadderView, draft: DraftLadder) {
    const ladder = toLadder(draft);
    const key = ladder ? ladderKey(ladder) : undefined;
    const bad = badNumbers(draft);
    const changed = key !== ladderKey(view.ladder);
    const invalid = bad.size > 0 || this.problems.length > 0;
    const fresh = this.preview !== undefined && this.preview.key === key;
    const editor = {
      s, defaultLocale: this.defaultLocale, draft, bad, now: view.members,
      preview: invalid ? undefined : this.preview?.members, stale: !fresh && !invalid,
      // The draft of the moment of the event, not of the render: two events may come between renders.
      editWeight: (name: keyof DraftLadder['weights'], text: string) => this.#edit({ ...this.draft!, weights: { ...this.draft!.weights, [name]: text } }),
      editStep: (stepKey: number, change: Partial<DraftStep>) => this.#editStep(stepKey, (step) => ({ ...step, ...change })),
      editName: (stepKey: number, locale: Locale, text: string) => this.#editStep(stepKey, (step) => ({ ...step, names: { ...step.names, [locale]: text } })),
      add: () => void this.#add(),
      remove: (stepKey: number) => void this.#remove(stepKey),
    };
    return html`
      <form class="ranks" part="form" novalidate @submit=${(event: Event) => this.#onSubmit(event, ladder)}>
        <p class="help">${s.help}</p>
        ${view.members.every((count) => count === 0) ? html`<p class="state" part="empty">${s.noMembers}</p>` : nothing}
        ${renderWeights(editor)}
        ${renderSteps(editor)}
        <div class="problems" part="problems" id="ranks-problems" aria-live="polite">
          ${this.problems.length
            ? html`<p>${s.invalidHeading}</p><ul>${this.problems.map((problem) => html`<li>${problem}</li>`)}</ul>`
            : bad.size ? html`<p>${s.fixNumbers}</p>` : nothing}
        </div>
        <p class="help" part="preview-status">${this.previewing ? s.previewing : this.previewFailed ? s.previewFailed : ''}</p>
        <div class="actions">
          <button class="button" part="save" type="submit" ?disabled=${!changed || invalid || this.saving}
            aria-describedby=${invalid ? 'ranks-problems' : nothing}>${this.saving ? s.saving : s.save}</button>
          <button class="button secondary" part="reset" type="button" ?disabled=${!changed || this.saving} @click=${() => void this.#reset()}>${s.reset}</button>
        </div>
        <p class="status" part="status" role="status" ?data-failed=${this.failed}>${this.status}</p>
      </form>
    `;
  }

  #edit(draft: DraftLadder): void {
    this.draft = draft;
    this.status = '';
    this.#schedulePreview();
  }

  #editStep(key: number, change: (step: DraftStep) => DraftStep): void {
    this.#edit({ ...this.draft!, steps: this.draft!.steps.map((step) => (step.key === key ? change(step) : step)) });
  }

  #cancelPreview(): void {
    clearTimeout(this.#previewTimer);
    this.#previewAbort?.abort();
    this.previewing = false;
  }

  /** Asks the server about the ladder edited once the typing pauses; numbers that are not numbers are not sent. */
  #schedulePreview(): void {
    this.#cancelPreview();
    const ladder = this.draft && toLadder(this.draft);
    this.previewFailed = false;
    if (!ladder || !this.data) {
      this.problems = [];
      return;
    }
    const key = ladderKey(ladder);
    if (key === ladderKey(this.data.ladder)) {
      // Back to the saved ladder: its counts are known, nothing to ask.
      this.preview = { key, members: this.data.members };
      this.problems = [];
      return;
    }
    this.previewing = true;
    this.#previewTimer = setTimeout(() => void this.#runPreview(ladder, key), PREVIEW_DELAY_MS);
  }

  async #runPreview(ladder: AdminRankLadder, key: string): Promise<void> {
    const abort = new AbortController();
    this.#previewAbort = abort;
    try {
      const { members } = await this.client.admin.previewRanks(ladder, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.preview = { key, members };
      this.problems = [];
    } catch (error) {
      if (abort.signal.aborted) return;
      const problems = problemsOf(error);
      this.problems = problems ?? [];
      // Any other failure says nothing about the ladder: Save stays possible, the server judges it.
      this.previewFailed = problems === undefined;
    } finally {
      if (this.#previewAbort === abort) this.previewing = false;
    }
  }

  /** The new level's French name takes the focus, so keyboard users carry on where it appeared. */
  async #add(): Promise<void> {
    const steps = this.draft!.steps;
    const step = newStep(steps.at(-1));
    this.#edit({ ...this.draft!, steps: [...steps, step] });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`[data-key="${step.key}"] input`)?.focus();
  }

  /** Focus goes to "add a level" rather than being lost with the removed row. */
  async #remove(key: number): Promise<void> {
    this.#edit({ ...this.draft!, steps: this.draft!.steps.filter((step) => step.key !== key) });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="add-step"]')?.focus();
  }

  /** Save and Reset turn disabled once done: the heading takes the focus they held. */
  async #focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#ranks-heading')?.focus();
  }

  #say(text: string, failed: boolean): void {
    // A live region speaks only when its text changes: repeat with a trailing no-break space.
    this.status = text === this.status ? `${text}\u00a0` : text;
    this.failed = failed;
  }

  async #reset(): Promise<void> {
    this.#cancelPreview();
    this.#show(this.data!);
    this.#say(this.#s.resetDone, false);
    await this.#focusHeading();
  }

  #onSubmit(event: Event, ladder: AdminRankLadder | undefined): void {
    event.preventDefault();
    if (ladder && !this.saving) void this.#save(ladder);
  }

  async #save(ladder: AdminRankLadder): Promise<void> {
    const s = this.#s;
    this.#cancelPreview();
    this.saving = true;
    this.#say(s.saving, false);
    try {
      this.#show(await this.client.admin.updateRanks(ladder));
      this.#say(s.saved, false);
      await this.#focusHeading();
    } catch (error) {
      const problems = problemsOf(error);
      this.problems = problems ?? [];
      this.#say(problems ? s.notSaved : isEntraideError(error) && error.status === 0 ? this.t.networkFailed : s.saveFailed, true);
    } finally {
      this.saving = false;
    }
  }
}

EntraideAdminRanks.define('entraide-admin-ranks');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-admin-ranks': EntraideAdminRanks;
  }
}
