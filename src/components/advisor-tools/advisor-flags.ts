import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ModerationQueueItem as QueueItem } from '../../sdk/types.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import './advisor-confirm.ts';
import { AdvisorPart } from './advisor-part.ts';
import styles from './advisor-tools.styles.ts';
import '../internal/staff-client.ts';

const REASON_MAX = 1000;

/** The post a decision is about: from the queue, or the one the tools were given by id. */
interface Target {
  postId: number;
  /** How the dialog names it: "Post by …" or "Post #…". */
  label: string;
}

/**
 * @summary The flags on this thread's posts (the moderation queue, heaviest first) with their
 * reasons and weights; hide a post (a reason is required) or restore it. Hiding offers undo.
 *
 * @tag entraide-advisor-flags
 *
 * @csspart flags - The list of flagged posts.
 * @csspart flagged-post - Each flagged post.
 * @csspart selected-post - The post given by `post-id`, when it is not in the queue.
 * @csspart feedback - What the last decision did, or why the server refused it.
 * @csspart undo - Restore, right after hiding.
 *
 * @fires {EntraideThreadModeratedEvent} entraide-thread-moderated - A post was hidden or restored.
 */
export class EntraideAdvisorFlags extends AdvisorPart {
  static override styles = [tokens, controls, styles];

  /** A post to decide on even when nobody flagged it (e.g. chosen from the thread). */
  @property({ type: Number, attribute: 'post-id' }) postId: number | undefined = undefined;

  @state() protected undoTarget: Target | undefined = undefined;

  readonly #queue = new Task(this, {
    args: () => [this.client, this.thread?.id] as const,
    task: async ([client, threadId], { signal }) => {
      if (!threadId) return [] as QueueItem[];
      const { items } = await client.moderation.queue({ signal });
      return items.filter((item) => item.post.threadId === threadId);
    },
  });

  async #hide(target: Target): Promise<void> {
    const { s } = this;
    const reason = await this.confirmDialog.ask({
      title: s.hideTitle, message: s.hideMessage(target.label), confirmLabel: s.hide,
      field: { label: s.reasonLabel, required: true, minLength: 2, maxLength: REASON_MAX },
    });
    if (reason === null) return;
    const result = await this.act(() => this.client.posts.hide(target.postId, { reason }));
    if (!result) return;
    this.feedback = { tone: 'done', text: s.hidden };
    this.undoTarget = target;
    this.#after('hide');
    void this.keepFocus('[part="undo"]');
  }

  async #restore(target: Target, confirm = true): Promise<void> {
    const { s } = this;
    const reason = confirm
      ? await this.confirmDialog.ask({ title: s.restoreTitle, message: s.restoreMessage(target.label), confirmLabel: s.restore, field: { label: s.reasonOptional, required: false, maxLength: REASON_MAX } })
      : '';
    if (reason === null) return;
    const result = await this.act(() => this.client.posts.restore(target.postId, reason ? { reason } : {}));
    if (!result) return;
    this.feedback = { tone: 'done', text: s.restored };
    this.undoTarget = undefined;
    this.#after('restore');
  }

  #after(change: 'hide' | 'restore'): void {
    void this.#queue.run();
    this.changed(change);
  }

  protected override render() {
    if (!this.thread) return nothing;
    const { s } = this;
    const undo = this.undoTarget;
    return html`
      <section class="panel" aria-labelledby="flags-heading">
        <h4 id="flags-heading">${s.flagsHeading}</h4>
        ${this.#queue.render({
          pending: () => html`<p class="muted" role="status">${s.loading}</p>`,
          complete: (items) => this.#renderQueue(items),
          error: (error) => html`<p class="error" role="alert">${this.failureText(error)}
            <button class="button secondary" type="button" @click=${() => void this.#queue.run()}>${s.retry}</button></p>`,
        })}
        ${this.renderFeedback(undo
          ? html`<button class="button secondary" part="undo" type="button" @click=${() => void this.#restore(undo, false)}>${s.undo}</button>`
          : nothing)}
      </section>
      <entraide-advisor-confirm></entraide-advisor-confirm>
    `;
  }

  #renderQueue(items: QueueItem[]) {
    const { s } = this;
    const selected = this.postId && !items.some((item) => item.post.id === this.postId) ? this.postId : undefined;
    return html`
      ${selected ? this.#renderSelected(selected) : nothing}
      ${items.length
        ? html`<ul part="flags">${items.map((item) => this.#renderItem(item))}</ul>`
        : html`<p class="muted">${s.flagsEmpty}</p>`}
    `;
  }

  #renderSelected(postId: number) {
    const target = { postId, label: this.s.selectedPost(postId) };
    return html`
      <div class="item row" part="selected-post">
        <span>${this.s.selectedPost(postId)}</span>
        ${this.#renderDecisions(target, false)}
      </div>
    `;
  }

  #renderItem(item: QueueItem) {
    const { s } = this;
    const target = { postId: item.post.id, label: s.postBy(item.post.author.pseudonym) };
    return html`
      <li class="item" part="flagged-post" data-post-id=${item.post.id}>
        <p><strong>${s.postBy(item.post.author.pseudonym)}</strong>
          ${item.hidden ? html`<span class="chip">${s.hiddenChip}</span>` : nothing}
          <span class="muted">${s.flagsCount(item.totalWeight)}</span></p>
        <!-- bodyHtml is rendered and sanitized by the server, like every post body. -->
        <div class="body">${unsafeHTML(item.post.bodyHtml)}</div>
        <ul class="muted">
          ${item.flags.map((flag) => html`<li>${s.flagBy(flag.flagger.pseudonym, s.flagReasons[flag.reason] ?? flag.reason, flag.weight)}${flag.note ? html` : ${flag.note}` : nothing}</li>`)}
        </ul>
        ${this.#renderDecisions(target, item.hidden)}
      </li>
    `;
  }

  #renderDecisions(target: Target, hidden: boolean) {
    const { s } = this;
    const busy = this.busy ? 'true' : 'false';
    return html`
      <div class="row">
        ${hidden
          ? nothing
          : html`<button class="button secondary" type="button" data-action="hide" aria-disabled=${busy} @click=${() => void this.#hide(target)}>${s.hide}</button>`}
        <button class="button secondary" type="button" data-action="restore" aria-disabled=${busy} @click=${() => void this.#restore(target)}>${s.restore}</button>
      </div>
    `;
  }
}

EntraideAdvisorFlags.define('entraide-advisor-flags');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-advisor-flags': EntraideAdvisorFlags;
  }
}
