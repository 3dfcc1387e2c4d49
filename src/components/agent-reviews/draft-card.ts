/**
 * One shared draft as its reviewer sees it: thread, author, wording, citations, reviewers,
 * comments, a comment form and the approval. The element keeps the state; this only draws it.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Draft, DraftShare } from '../../sdk/types.ts';
import { can, REVIEW_LIMITS, reviewRules, type Locale } from '../../core/index.ts';
import { formatDateTime, formatRelative } from '../internal/format.ts';
import { overLimitReason, type LengthLimitController } from '../internal/length-limit.ts';
import { limitNote } from '../internal/length-limit-view.ts';
import type { Links } from '../internal/router.ts';
import type { AgentReviewsStrings } from './strings.ts';

/** What the reviewer is doing with one draft; kept across reloads so no comment is lost. */
export interface CardState {
  text: string;
  sending: boolean;
  approving: boolean;
  commentError: string;
  approveError: string;
}

export const IDLE: CardState = Object.freeze({ text: '', sending: false, approving: false, commentError: '', approveError: '' });

export interface DraftCardView {
  s: AgentReviewsStrings;
  locale: Locale;
  links: Links;
  /** The signed-in reviewer. */
  memberId: number;
  draft: Draft;
  state: CardState;
  /** Says once when this card's comment crosses its limit. */
  limit: LengthLimitController;
  input: (text: string) => void;
  send: () => void;
  approve: () => void;
}

export function myShare(draft: Draft, memberId: number): DraftShare | undefined {
  return draft.sharedWith.find((share) => share.colleague.id === memberId);
}

function mayReview(draft: Draft, memberId: number): boolean {
  const facts = { authorId: draft.author.id, sharedWith: draft.sharedWith.map((share) => share.colleague.id), posted: draft.postedAt !== null };
  return can({ role: 'advisor', memberId }, reviewRules.reviewDraft, facts);
}

export function renderDraftCard(view: DraftCardView) {
  const { s, draft } = view;
  const headingId = `draft-${draft.id}`;
  return html`
    <article class="draft" part="draft" data-draft=${draft.id} aria-labelledby=${headingId}>
      <h3 id=${headingId}>${s.inThread} <a href=${view.links.href({ name: 'thread', threadId: draft.threadId })}>${draft.threadTitle}</a></h3>
      <p class="meta">${s.byAuthor(draft.author.pseudonym)} · <time datetime=${draft.updatedAt}
        title=${formatDateTime(view.locale, draft.updatedAt)}>${s.updated(formatRelative(view.locale, draft.updatedAt))}</time></p>
      ${renderMarks(s, draft)}
      <!-- bodyHtml is the server's sanitized rendering, as posting would render it: the only HTML inserted here. -->
      <div class="body">${unsafeHTML(draft.bodyHtml)}</div>
      ${renderReviewers(view)}
      ${renderComments(s, draft)}
      ${draft.postedAt ? html`<p class="posted"><strong>${s.posted}</strong></p>` : renderActions(view)}
    </article>
  `;
}

function renderMarks(s: AgentReviewsStrings, draft: Draft) {
  const marks = [
    ...(draft.citedPostIds.length ? [s.citing(draft.citedPostIds.length)] : []),
    ...(draft.faqArticleIds.length ? [s.faqLinked(draft.faqArticleIds.length)] : []),
  ];
  return marks.length ? html`<p class="marks">${marks.map((mark) => html`<span class="mark">${mark}</span>`)}</p>` : nothing;
}

function renderReviewers({ s, draft, memberId }: DraftCardView) {
  return html`
    <h4 id="reviewers-${draft.id}">${s.reviewers}</h4>
    <ul class="reviewers" part="reviewers" aria-labelledby="reviewers-${draft.id}">
      ${draft.sharedWith.map((share) => html`
        <li data-colleague-id=${share.colleague.id} data-approved=${share.approvedAt ? 'true' : 'false'}>
          ${share.colleague.pseudonym}${share.colleague.id === memberId ? ` (${s.you})` : ''} — ${share.approvedAt ? s.approved : s.awaiting}
        </li>`)}
    </ul>
  `;
}

function renderComments(s: AgentReviewsStrings, draft: Draft) {
  return html`
    <h4 id="comments-${draft.id}">${s.comments}</h4>
    ${draft.comments.length === 0 ? html`<p class="help">${s.noComments}</p>` : html`
      <ol class="comments" part="comments" aria-labelledby="comments-${draft.id}">
        ${draft.comments.map((comment) => html`
          <li data-comment-id=${comment.id}>
            <span class="comment-author">${comment.author.pseudonym}</span>
            <!-- Rendered and sanitized by the server, as a post body. -->
            <div class="comment-body">${unsafeHTML(comment.bodyHtml)}</div>
          </li>`)}
      </ol>`}
  `;
}

function renderActions(view: DraftCardView) {
  const { s, draft, state } = view;
  const fieldId = `comment-${draft.id}`;
  const hintId = `comment-hint-${draft.id}`;
  const errorId = `comment-error-${draft.id}`;
  const countId = `comment-count-${draft.id}`;
  const max = REVIEW_LIMITS.commentMax;
  // No native maxlength: it would cut a paste without a word (issue 15, item 12).
  const overLimit = overLimitReason(view.locale, state.text.length, max);
  return html`
    <form class="comment-form" part="comment-form" @submit=${(event: Event) => {
      event.preventDefault();
      view.send();
    }}>
      <label for=${fieldId}>${s.commentLabel}</label>
      <textarea id=${fieldId} name="comment" rows="3" .value=${live(state.text)} aria-keyshortcuts="Control+Enter"
        aria-describedby="${hintId} ${countId} ${errorId}" aria-invalid=${state.commentError || overLimit ? 'true' : 'false'}
        @input=${(event: Event) => view.input((event.target as HTMLTextAreaElement).value)}
        @keydown=${(event: KeyboardEvent) => onCommentKey(event, view)}></textarea>
      <p class="help" id=${hintId}>${s.commentHelp}</p>
      <p class="limit">${limitNote(view.locale, state.text.length, max, view.limit, countId)}</p>
      <p class="problem" part="comment-error" id=${errorId} role="alert">${state.commentError}</p>
      <button class="button secondary" type="submit" ?disabled=${state.sending || overLimit !== ''}
        aria-describedby=${overLimit ? `comment-limit-${draft.id}` : nothing}>${state.sending ? s.sending : s.send}</button>
      ${overLimit ? html`<p class="problem" part="limit" id="comment-limit-${draft.id}">${overLimit}</p>` : nothing}
    </form>
    ${renderApproval(view)}
  `;
}

/** Ctrl+Enter (⌘+Enter on a Mac) sends, as in the composers. */
function onCommentKey(event: KeyboardEvent, view: DraftCardView): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  if (view.state.text.length > REVIEW_LIMITS.commentMax) return;
  view.send();
}

function renderApproval(view: DraftCardView) {
  const { s, draft, state, memberId } = view;
  if (!mayReview(draft, memberId)) return nothing;
  const approvedAt = myShare(draft, memberId)?.approvedAt;
  return html`
    <div class="approval">
      ${approvedAt
        ? html`<p class="approved" part="approved" tabindex="-1"><strong>${s.youApproved}</strong></p>`
        : html`<button class="button" part="approve" type="button" ?disabled=${state.approving} @click=${view.approve}>${state.approving ? s.approving : s.approve}</button>`}
      <p class="problem" part="approve-error" role="alert">${state.approveError}</p>
    </div>
  `;
}
