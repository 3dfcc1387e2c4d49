import { consume } from '@lit/context';
import { html } from 'lit';
import { state } from 'lit/decorators.js';
import type { Draft } from '../../sdk/types.ts';
import { can, REVIEW_LIMITS, reviewRules } from '../../core/index.ts';
import { isEntraideError, type EntraideClient } from '../../sdk/index.ts';
import { EntraideDraftApprovedEvent } from '../events/draft-approved.ts';
import { MinuteClock } from '../internal/clock.ts';
import { GUEST, actorOf, clientContext, defaultClient, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { LengthLimitController } from '../internal/length-limit.ts';
import type { Links } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './agent-reviews.styles.ts';
import { IDLE, renderDraftCard, type CardState } from './draft-card.ts';
import { agentReviewsStrings, type AgentReviewsStrings } from './strings.ts';
import '../internal/staff-client.ts';

type Load = { status: 'loading' } | { status: 'ready'; drafts: Draft[] } | { status: 'error'; error: unknown };

const COMMENT_MIN = 2;

/**
 * @summary Colleague review (study §44, §46, §52): the drafts colleagues shared with me before
 * writing in public, latest change first, each with its thread, wording, citations, reviewers and
 * comments; I comment, or approve the wording so its author can post it and credit me as
 * "assisted by". Advisors only.
 *
 * @tag entraide-agent-reviews
 *
 * @csspart refresh - The button that reloads the drafts.
 * @csspart draft - One shared draft (an `<article>`).
 * @csspart reviewers - The colleagues it is shared with, approved or awaiting.
 * @csspart comments - The draft's comments.
 * @csspart comment-form - The comment form.
 * @csspart comment-error - Why a comment was not sent, next to the field.
 * @csspart approve - The "Approve this wording" button.
 * @csspart approved - "You approved this wording", in place of the button.
 * @csspart approve-error - Why an approval failed.
 * @csspart refused - The message shown to anyone but advisors.
 * @csspart loading - The loading message.
 * @csspart empty - The message when no draft awaits my review.
 * @csspart error - The loading error with its retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop [--entraide-color-border] - Lines between drafts and around citation marks.
 * @cssprop [--entraide-color-surface-alt] - Behind a draft's wording.
 * @cssprop [--entraide-color-muted] - Author, time and help text.
 * @cssprop [--entraide-color-success] - Approvals and "Posted".
 * @cssprop [--entraide-color-danger] - Comment and approval errors.
 *
 * @fires {EntraideDraftApprovedEvent} entraide-draft-approved - I approved a draft; `detail.draft` is the server's new draft.
 */
export class EntraideAgentReviews extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;
  /** How links are written: the forum's routing, by context; alone, hash routes. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  @state() protected load: Load = { status: 'loading' };
  @state() protected cards = new Map<number, CardState>();
  /** A refresh is under way while the last list stays on screen. */
  @state() protected refreshing = false;

  #abort: AbortController | undefined;
  /** One per draft card: each comment field says once when it crosses its limit. */
  readonly #limits = new Map<number, LengthLimitController>();
  /** The client and reviewer the list on screen was loaded with; cleared when taken off the page. */
  #loadedFor: { client: EntraideClient; memberId: number | undefined } | undefined;

  constructor() {
    super();
    new MinuteClock(this);
  }

  get #s(): AgentReviewsStrings {
    return agentReviewsStrings[this.resolvedLocale];
  }

  get #allowed(): boolean {
    return can(actorOf(this.session), reviewRules.writeDrafts);
  }

  /** Back on screen (a tab switch, a moved node): colleagues may have changed their drafts meanwhile. */
  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#loadedFor = undefined;
  }

  protected override willUpdate(): void {
    const memberId = this.session.member?.id;
    if (!this.#allowed || (this.#loadedFor?.client === this.client && this.#loadedFor.memberId === memberId)) return;
    this.#loadedFor = { client: this.client, memberId };
    void this.#fetch();
  }

  /** Loads the shared drafts; a refresh keeps the list on screen until the new one arrives. */
  async #fetch(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    if (this.load.status !== 'ready') this.load = { status: 'loading' };
    this.refreshing = true;
    try {
      const { items } = await this.client.drafts.list({ scope: 'shared' }, { signal: abort.signal });
      if (!abort.signal.aborted) this.load = { status: 'ready', drafts: items };
    } catch (error) {
      if (!abort.signal.aborted) this.load = { status: 'error', error };
    } finally {
      if (this.#abort === abort) this.refreshing = false;
    }
  }

  protected override render() {
    const s = this.#s;
    if (!this.#allowed) return html`<p class="state" part="refused" role="alert">${s.advisorsOnly}</p>`;
    const busy = this.load.status === 'loading' || this.refreshing;
    return html`
      <section aria-labelledby="reviews-heading" aria-busy=${busy ? 'true' : 'false'}>
        <div class="top">
          <h2 id="reviews-heading">${s.heading}</h2>
          <button class="button secondary" part="refresh" type="button" @click=${() => void this.#fetch()}>${s.refresh}</button>
        </div>
        <p class="help">${s.intro}</p>
        ${this.#renderBody(s)}
      </section>
    `;
  }

  #renderBody(s: AgentReviewsStrings) {
    if (this.load.status === 'loading') return html`<p class="state" part="loading" role="status">${s.loading}</p>`;
    if (this.load.status === 'error') {
      return html`<div class="state error" part="error" role="alert"><span>${s.loadFailed}</span>
        <button class="button secondary" part="retry" type="button" @click=${() => void this.#fetch()}>${s.retry}</button></div>`;
    }
    const { drafts } = this.load;
    if (drafts.length === 0) return html`<p class="state" part="empty">${s.empty}</p>`;
    const memberId = this.session.member?.id ?? 0;
    return drafts.map((draft) => renderDraftCard({
      s, locale: this.resolvedLocale, links: this.links, memberId, draft, state: this.#card(draft.id),
      limit: this.#limit(draft.id),
      input: (text) => {
        this.#limit(draft.id).track(this.resolvedLocale, text.length, REVIEW_LIMITS.commentMax);
        this.#change(draft.id, { text, commentError: '' });
      },
      send: () => void this.#comment(draft.id),
      approve: () => void this.#approve(draft.id),
    }));
  }

  #limit(draftId: number): LengthLimitController {
    let limit = this.#limits.get(draftId);
    if (!limit) this.#limits.set(draftId, (limit = new LengthLimitController(this)));
    return limit;
  }

  #card(draftId: number): CardState {
    return this.cards.get(draftId) ?? IDLE;
  }

  #change(draftId: number, changes: Partial<CardState>): void {
    this.cards = new Map(this.cards).set(draftId, { ...this.#card(draftId), ...changes });
  }

  #replace(draft: Draft): void {
    if (this.load.status !== 'ready') return;
    this.load = { status: 'ready', drafts: this.load.drafts.map((current) => (current.id === draft.id ? draft : current)) };
  }

  async #comment(draftId: number): Promise<void> {
    const { text, sending } = this.#card(draftId);
    if (sending || text.length > REVIEW_LIMITS.commentMax) return;
    if (text.trim().length < COMMENT_MIN) {
      this.#change(draftId, { commentError: this.#s.tooShort });
      return;
    }
    this.#change(draftId, { sending: true, commentError: '' });
    try {
      this.#replace(await this.client.drafts.comment(draftId, text));
      // Cleared only once stored: a failed send keeps what was written.
      this.#change(draftId, { sending: false, text: '' });
    } catch (error) {
      this.#change(draftId, { sending: false, commentError: this.#failure(error, this.#s.sendFailed) });
      if (isEntraideError(error) && error.status === 409) await this.#reload(draftId);
    }
  }

  async #approve(draftId: number): Promise<void> {
    if (this.#card(draftId).approving) return;
    const hadFocus = this.renderRoot.querySelector(`[data-draft="${draftId}"] [part="approve"]`) === (this.renderRoot as ShadowRoot).activeElement;
    this.#change(draftId, { approving: true, approveError: '' });
    try {
      const draft = await this.client.drafts.approve(draftId);
      this.#replace(draft);
      this.#change(draftId, { approving: false });
      this.emit(new EntraideDraftApprovedEvent({ draft }));
      // The button gives way to "You approved": keyboard users keep their place on it.
      if (hadFocus) await this.#focusApproved(draftId);
    } catch (error) {
      this.#change(draftId, { approving: false, approveError: this.#failure(error, this.#s.approveFailed) });
      // Already approved or already posted: show what is true now.
      if (isEntraideError(error) && error.status === 409) await this.#reload(draftId);
    }
  }

  async #focusApproved(draftId: number): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-draft="${draftId}"] [part="approved"]`)?.focus();
  }

  /** The server's own words for a refusal (4xx); a generic line for a failure it did not explain. */
  #failure(error: unknown, generic: string): string {
    return isEntraideError(error) && error.status >= 400 && error.status < 500 ? `${generic} ${error.message}` : generic;
  }

  async #reload(draftId: number): Promise<void> {
    try {
      this.#replace(await this.client.drafts.get(draftId));
    } catch {
      // The message already shown stands; the next refresh tells the rest.
    }
  }
}

EntraideAgentReviews.define('entraide-agent-reviews');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-agent-reviews': EntraideAgentReviews;
  }
}
