/**
 * Colleague review before writing in public (study §44, §52): the advisor saves the draft on
 * the server, shares it with advisor colleagues, and reads their comments and approvals. Once
 * shared, the composer's send button publishes that draft (`drafts.post`), crediting the
 * approving colleagues as "assisted by" if the advisor keeps that box ticked; an edit made
 * since is saved first, which clears the approvals, as the server does.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Draft, Post } from '../../sdk/types.ts';
import { isEntraideError, type EntraideClient } from '../../sdk/index.ts';
import type { Colleague } from './credits.ts';
import type { AdvisorComposerStrings } from './strings.ts';
import '../internal/staff-client.ts';

export interface DraftContent {
  threadId: number;
  body: string;
  citedPostIds: number[];
  faqArticleIds: number[];
  assistedByIds: number[];
}

export class ReviewController implements ReactiveController {
  draft: Draft | undefined;
  chosen: ReadonlySet<number> = new Set();
  busy = false;
  error = '';
  /** Credit the colleagues who approved as "assisted by" when posting. */
  creditApprovers = true;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  reset(): void {
    this.draft = undefined;
    this.chosen = new Set();
    this.creditApprovers = true;
    this.error = '';
    this.#host.requestUpdate();
  }

  toggle(id: number, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(id);
    else next.delete(id);
    this.chosen = next;
    this.#host.requestUpdate();
  }

  /** Saves the current text and choices (creating the draft the first time), then shares it. */
  share(client: EntraideClient, content: DraftContent, failed: string): Promise<void> {
    return this.#run(failed, async () => {
      const { threadId: _threadId, ...changes } = content;
      const saved = this.draft ? await client.drafts.update(this.draft.id, changes) : await client.drafts.create(content);
      this.draft = saved;
      return client.drafts.share(saved.id, [...this.chosen]);
    });
  }

  /** A shared draft not yet posted: the composer's send button posts it. */
  get pending(): Draft | undefined {
    return this.draft && this.draft.postedAt === null ? this.draft : undefined;
  }

  get approvals(): number {
    return this.draft?.sharedWith.filter((share) => share.approvedAt !== null).length ?? 0;
  }

  /** Whether the composer still holds what the colleagues read. */
  matches(content: DraftContent): boolean {
    const { draft } = this;
    if (!draft) return false;
    const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id) => b.includes(id));
    return draft.body === content.body && same(draft.citedPostIds, content.citedPostIds)
      && same(draft.faqArticleIds, content.faqArticleIds) && same(draft.assistedByIds, content.assistedByIds);
  }

  setCreditApprovers(on: boolean): void {
    this.creditApprovers = on;
    this.#host.requestUpdate();
  }

  /** Publishes the shared draft (saving an edit first); errors are the composer's to show. */
  async post(client: EntraideClient, content: DraftContent): Promise<Post> {
    let draft = this.pending!;
    if (!this.matches(content)) {
      const { threadId: _threadId, ...changes } = content;
      draft = this.draft = await client.drafts.update(draft.id, changes);
    }
    const credit = this.creditApprovers && this.approvals > 0 && content.citedPostIds.length > 0;
    const posted = await client.drafts.post(draft.id, credit ? { creditApprovers: true } : {});
    this.draft = posted.draft;
    return posted.post;
  }

  refresh(client: EntraideClient, failed: string): Promise<void> {
    const { draft } = this;
    return draft ? this.#run(failed, () => client.drafts.get(draft.id)) : Promise.resolve();
  }

  async #run(failed: string, work: () => Promise<Draft>): Promise<void> {
    this.busy = true;
    this.error = '';
    this.#host.requestUpdate();
    try {
      this.draft = await work();
    } catch (error) {
      this.error = isEntraideError(error) && error.status >= 400 && error.status < 500 ? error.message : failed;
    } finally {
      this.busy = false;
      this.#host.requestUpdate();
    }
  }
}

function renderDraftState(s: AdvisorComposerStrings, draft: Draft, refresh: () => void, busy: boolean) {
  return html`
    <ul class="reviewers" part="reviewers">
      ${draft.sharedWith.map((share) => html`
        <li data-colleague-id=${share.colleague.id}>${share.colleague.pseudonym} — ${share.approvedAt ? s.approved : s.awaitingReview}</li>
      `)}
    </ul>
    ${draft.comments.length ? html`
      <ol class="comments" part="comments" aria-label=${s.reviewComments}>
        ${draft.comments.map((comment) => html`
          <li><span class="comment-author">${comment.author.pseudonym}</span>
            <!-- Rendered and sanitized by the server, as a post body. -->
            <div class="comment-body">${unsafeHTML(comment.bodyHtml)}</div></li>
        `)}
      </ol>
    ` : html`<p class="hint">${s.noReviewComments}</p>`}
    <button class="button secondary small" part="refresh-review" type="button" ?disabled=${busy} @click=${refresh}>${s.refreshReview}</button>
  `;
}

/** What the send button will do with the shared draft: save an edit first, credit the approvers or not. */
function renderPublishing(s: AdvisorComposerStrings, review: ReviewController, content: DraftContent) {
  if (!review.pending) return nothing;
  const unchanged = review.matches(content);
  const creditable = unchanged && review.approvals > 0;
  return html`
    <p class="hint" part="posts-shared-draft">${s.postsSharedDraft}</p>
    ${unchanged ? nothing : html`<p class="hint" part="edited-since-shared">${s.editedSinceShared}</p>`}
    ${creditable && content.citedPostIds.length === 0 ? html`<p class="hint">${s.creditApproversNeedCitation}</p>` : nothing}
    ${creditable && content.citedPostIds.length > 0 ? html`
      <p class="check">
        <input type="checkbox" id="credit-approvers" part="credit-approvers" .checked=${review.creditApprovers}
          @change=${(event: Event) => review.setCreditApprovers((event.target as HTMLInputElement).checked)} />
        <label for="credit-approvers">${s.creditApprovers(review.approvals)}</label>
      </p>` : nothing}
  `;
}

export function renderReview(
  s: AdvisorComposerStrings, review: ReviewController, colleagues: Colleague[], content: DraftContent, share: () => void, refresh: () => void,
) {
  const { draft, busy } = review;
  return html`
    <section part="review" class="panel-box" aria-labelledby="review-heading" aria-busy=${busy ? 'true' : 'false'}>
      <h3 id="review-heading">${s.reviewTitle}</h3>
      <p class="hint">${s.reviewHelp}</p>
      ${colleagues.length === 0 ? html`<p class="hint">${s.noColleagues}</p>` : html`
        <ul class="checklist" aria-label=${s.shareWith}>
          ${colleagues.map((colleague) => html`
            <li>
              <input type="checkbox" id="share-${colleague.id}" .checked=${review.chosen.has(colleague.id)} ?disabled=${busy}
                @change=${(event: Event) => review.toggle(colleague.id, (event.target as HTMLInputElement).checked)} />
              <label for="share-${colleague.id}">${colleague.pseudonym}</label>
            </li>
          `)}
        </ul>
        <button class="button secondary" part="share" type="button" ?disabled=${busy || review.chosen.size === 0} @click=${share}>${s.shareDraft}</button>
      `}
      ${draft ? renderDraftState(s, draft, refresh, busy) : nothing}
      ${renderPublishing(s, review, content)}
      <p class="error" role="alert">${review.error}</p>
    </section>
  `;
}
