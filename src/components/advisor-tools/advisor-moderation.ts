import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ThreadSummary } from '../../sdk/types.ts';
import { can, lifecycleTransition, reviewRules } from '../../core/index.ts';
import { loadCommunity } from '../internal/community.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import './advisor-confirm.ts';
import { AdvisorPart } from './advisor-part.ts';
import type { EntraideAdvisorThreadPicker } from './advisor-thread-picker.ts';
import './advisor-thread-picker.ts';
import styles from './advisor-tools.styles.ts';
import type { LifecycleAction } from './strings.ts';
import '../internal/staff-client.ts';

const LIFECYCLE: readonly LifecycleAction[] = ['close', 'reopen', 'archive'];
const REASON_MAX = 1000;

/**
 * @summary The thread's moderation: close, reopen, archive, move, merge, and (advisors) hand
 * off to the back office. Each asks for confirmation and a reason; close and archive offer undo.
 *
 * @tag entraide-advisor-moderation
 *
 * @csspart status - The thread's current status.
 * @csspart lifecycle - The close / reopen / archive buttons.
 * @csspart move - The category select and its button.
 * @csspart merge - The thread picker and its button.
 * @csspart handoff - The back-office hand-off button and the case references.
 * @csspart feedback - What the last action did, or why the server refused it.
 * @csspart undo - The undo button after close or archive.
 *
 * @fires {EntraideThreadModeratedEvent} entraide-thread-moderated - An action succeeded.
 */
export class EntraideAdvisorModeration extends AdvisorPart {
  static override styles = [tokens, controls, styles];

  /** The action "undo" reverses: only reopening is offered, the server allows nothing else. */
  @state() protected undoable: LifecycleAction | undefined = undefined;
  /** Cases opened since the list loaded. */
  @state() protected references: string[] = [];

  readonly #categories = new Task(this, {
    args: () => [this.client, this.resolvedLocale] as const,
    task: async ([client, locale], { signal }) => (await loadCommunity(client, locale, signal)).categories,
  });

  readonly #handoffs = new Task(this, {
    args: () => [this.client, this.thread?.id, can(this.actor, reviewRules.seeHandoffs)] as const,
    task: async ([client, threadId, allowed], { signal }) => {
      if (!threadId || !allowed) return [];
      // The list is a nicety next to the button: its failure must not hide the tools.
      this.references = [];
      const list = await client.handoffs.list(threadId, { signal }).catch(() => undefined);
      return list?.items.map((h) => h.reference) ?? [];
    },
  });

  #allowed(thread: ThreadSummary, action: LifecycleAction): boolean {
    const facts = { ...thread, mergedIntoId: thread.mergedIntoId ?? null, hasAcceptedAnswer: thread.acceptedPostId !== null && thread.acceptedPostId !== undefined };
    return lifecycleTransition(facts, action).ok;
  }

  async #lifecycle(action: LifecycleAction, confirm = true): Promise<void> {
    const thread = this.thread;
    if (!thread) return;
    const texts = this.s.lifecycle[action];
    const reason = confirm ? await this.confirmDialog.ask({ title: texts.title, message: texts.message, confirmLabel: texts.button, field: this.#optionalReason() }) : '';
    if (reason === null) return;
    const updated = await this.act(() => this.client.threads[action](thread.id, reason ? { reason } : {}));
    if (!updated) return;
    this.#done(action, updated, texts.done);
    this.undoable = action === 'reopen' ? undefined : action;
    void this.keepFocus(this.undoable ? '[part="undo"]' : '[part="status"]');
  }

  #optionalReason() {
    return { label: this.s.reasonOptional, required: false, maxLength: REASON_MAX };
  }

  #done(change: 'close' | 'reopen' | 'archive' | 'move' | 'merge', thread: ThreadSummary, text: string): void {
    this.thread = thread;
    this.undoable = undefined;
    this.feedback = { tone: 'done', text };
    this.changed(change, thread);
  }

  readonly #move = async (): Promise<void> => {
    const thread = this.thread;
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#move-category');
    const categoryId = Number(select?.value);
    if (!thread || !categoryId) return select?.focus();
    const name = this.#categories.value?.find((c) => c.id === categoryId)?.name ?? String(categoryId);
    const reason = await this.confirmDialog.ask({ title: this.s.moveTitle, message: this.s.moveMessage(name), confirmLabel: this.s.moveButton, field: this.#optionalReason() });
    if (reason === null) return;
    const updated = await this.act(() => this.client.threads.move(thread.id, reason ? { categoryId, reason } : { categoryId }));
    if (updated) this.#done('move', updated, this.s.moved(name));
  };

  readonly #merge = async (): Promise<void> => {
    const thread = this.thread;
    const picker = this.renderRoot.querySelector<EntraideAdvisorThreadPicker>('entraide-advisor-thread-picker');
    const into = picker?.value;
    if (!thread || !into) return picker?.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
    const reason = await this.confirmDialog.ask({ title: this.s.mergeTitle, message: this.s.mergeMessage(into.title), confirmLabel: this.s.mergeButton, field: this.#optionalReason() });
    if (reason === null) return;
    const result = await this.act(() => this.client.threads.merge(thread.id, reason ? { intoThreadId: into.id, reason } : { intoThreadId: into.id }));
    if (!result) return;
    picker.clear();
    this.#done('merge', result.from, this.s.merged(result.into.title, result.movedPosts));
    void this.keepFocus('[part="status"]');
  };

  readonly #handoff = async (): Promise<void> => {
    const thread = this.thread;
    if (!thread) return;
    const { s } = this;
    const reason = await this.confirmDialog.ask({
      title: s.handoffTitle, message: s.handoffMessage, confirmLabel: s.handoffButton,
      field: { label: s.reasonLabel, required: true, minLength: 2, maxLength: REASON_MAX, multiline: true },
    });
    if (reason === null) return;
    const created = await this.act(() => this.client.handoffs.create(thread.id, { reason }));
    if (!created) return;
    this.references = [...this.references, created.handoff.reference];
    this.feedback = { tone: 'done', text: s.handoffDone(created.handoff.reference) };
    this.changed('handoff');
  };

  protected override render() {
    const thread = this.thread;
    if (!thread) return nothing;
    const { s } = this;
    const merged = thread.mergedIntoId !== undefined;
    return html`
      <section class="panel" aria-labelledby="moderation-heading">
        <h4 id="moderation-heading">${s.moderationHeading}</h4>
        <p part="status" tabindex="-1">${s.currentStatus(s.threadStatus[thread.status])}</p>
        <div class="row" part="lifecycle">
          <!-- Keyed: a button that no longer applies goes away rather than changing its label under focus. -->
          ${repeat(LIFECYCLE.filter((action) => this.#allowed(thread, action)), (action) => action, (action) => html`
            <button class="button secondary" type="button" data-action=${action} aria-disabled=${this.busy ? 'true' : 'false'}
              @click=${() => void this.#lifecycle(action)}>${s.lifecycle[action].button}</button>`)}
        </div>
        ${merged ? nothing : this.#renderMove(thread)}
        ${merged ? nothing : this.#renderMerge(thread)}
        ${can(this.actor, reviewRules.handOff) && !merged ? this.#renderHandoff() : nothing}
        ${this.renderFeedback(this.undoable
          ? html`<button class="button secondary" part="undo" type="button" @click=${() => void this.#lifecycle('reopen', false)}>${s.undo}</button>`
          : nothing)}
      </section>
      <entraide-advisor-confirm></entraide-advisor-confirm>
    `;
  }

  #renderMove(thread: ThreadSummary) {
    const categories = (this.#categories.value ?? []).filter((c) => c.id !== thread.categoryId);
    return html`
      <div class="row" part="move">
        <div class="field">
          <label for="move-category">${this.s.moveLabel}</label>
          <select id="move-category">
            <option value="">—</option>
            ${categories.map((c) => html`<option value=${c.id}>${c.name}</option>`)}
          </select>
        </div>
        <button class="button secondary" type="button" data-action="move" @click=${this.#move}>${this.s.moveButton}</button>
      </div>
    `;
  }

  #renderMerge(thread: ThreadSummary) {
    return html`
      <div class="row" part="merge">
        <entraide-advisor-thread-picker class="field" label=${this.s.mergeLabel} exclude-id=${thread.id}></entraide-advisor-thread-picker>
        <button class="button secondary" type="button" data-action="merge" @click=${this.#merge}>${this.s.mergeButton}</button>
      </div>
    `;
  }

  #renderHandoff() {
    const references = [...(this.#handoffs.value ?? []), ...this.references];
    return html`
      <div class="row" part="handoff">
        <button class="button secondary" type="button" data-action="handoff" @click=${this.#handoff}>${this.s.handoffButton}</button>
        ${references.length
          ? html`<ul aria-label=${this.s.handoffsLabel}>${references.map((reference) => html`<li><span class="chip">${reference}</span></li>`)}</ul>`
          : nothing}
      </div>
    `;
  }
}

EntraideAdvisorModeration.define('entraide-advisor-moderation');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-advisor-moderation': EntraideAdvisorModeration;
  }
}
