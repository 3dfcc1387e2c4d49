import { consume } from '@lit/context';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Rubric, ReviewSample, ReviewSampleItem } from '../../sdk/types.ts';
import { can, REVIEW_LIMITS, reviewRules } from '../../core/index.ts';
import { reviewMonthOf, type RubricCriterion } from '../../core/review.ts';
import { isEntraideError, type EntraideClient } from '../../sdk/index.ts';
import { GUEST, actorOf, clientContext, defaultClient, hashLinks, linksContext, sessionContext, type SessionState } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { formatDateTimeMedium } from '../internal/format-more.ts';
import { formatMonthYear } from '../internal/format.ts';
import { LengthLimitController } from '../internal/length-limit.ts';
import type { Links } from '../internal/router.ts';
import { controls, tokens } from '../internal/shared.styles.ts';
import styles from './agent-quality.styles.ts';
import { draftOf, renderRubricForm, type RubricDraft } from './rubric-form.ts';
import { agentQualityStrings, type AgentQualityStrings } from './strings.ts';
import '../internal/staff-client.ts';

type Load = { status: 'loading' } | { status: 'ready'; sample: ReviewSample } | { status: 'error'; error: unknown };

/** Months a review can look at, newest first: the two years up to this one, and the month shown if older. */
const MONTHS_OFFERED = 24;

/**
 * The months of the picker, `YYYY-MM`, newest first. A list rather than `<input type="month">`,
 * which Chromium draws in the browser's language whatever the forum's.
 */
export function monthsUpTo(shown: string, now = new Date()): string[] {
  const months = Array.from({ length: MONTHS_OFFERED }, (_, back) => reviewMonthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 15))));
  return months.includes(shown) ? months : [...months, shown];
}

/**
 * @summary The managers' monthly quality review (study §11): for the chosen month, a few public
 * replies per advisor picked at random (the same on every load), each with its thread and a short
 * rubric — accuracy, clarity, tone and community involvement scored 1 to 4, an optional comment —
 * whose saved average is shown. Moderators (the managers) only.
 *
 * @tag entraide-agent-quality
 *
 * @csspart controls - The month picker.
 * @csspart advisor - One advisor's section.
 * @csspart item - One sampled post with its rubric.
 * @csspart body - The post's sanitized body.
 * @csspart rubric - The rubric form.
 * @csspart criterion - One criterion's radio group.
 * @csspart save - A rubric's save button.
 * @csspart average - The saved average (or "not scored yet").
 * @csspart rubric-error - A rubric's save error.
 * @csspart refused - The message shown to anyone but managers.
 * @csspart loading - The loading message.
 * @csspart empty - The message when there is no advisor.
 * @csspart error - The loading error and retry button.
 *
 * @cssprop [--entraide-color-border] - Lines between sampled posts.
 */
export class EntraideAgentQuality extends EntraideElement {
  static override styles = [tokens, controls, styles];

  /** The month reviewed, `YYYY-MM`; the current month (UTC) by default. */
  @property({ reflect: true }) month: string = reviewMonthOf(new Date());

  /** The API client: the forum's, by context; alone, one on the same origin's `/api`. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** Who is signed in: the forum's session, by context; alone, a guest. */
  @consume({ context: sessionContext, subscribe: true }) session: SessionState = GUEST;
  /** How links are written: the forum's routing, by context; alone, hash routes. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  @state() protected load: Load = { status: 'loading' };
  @state() protected drafts = new Map<number, RubricDraft>();
  @state() protected saved = new Map<number, Rubric | null>();

  #abort: AbortController | undefined;
  /** One per sampled post: each comment says once when it crosses its limit. */
  readonly #limits = new Map<number, LengthLimitController>();

  get #s(): AgentQualityStrings {
    return agentQualityStrings[this.resolvedLocale];
  }

  get #allowed(): boolean {
    return can(actorOf(this.session), reviewRules.reviewQuality);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('month') || changed.has('session') || changed.has('client')) && this.#allowed) void this.#fetch();
  }

  async #fetch(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.load = { status: 'loading' };
    try {
      const sample = await this.client.qualityReview.sample(this.month, { signal: abort.signal });
      if (abort.signal.aborted) return;
      const items = sample.advisors.flatMap((entry) => entry.items);
      this.saved = new Map(items.map((item) => [item.post.id, item.rubric]));
      this.drafts = new Map(items.map((item) => [item.post.id, draftOf(item.rubric)]));
      this.load = { status: 'ready', sample };
    } catch (error) {
      if (!abort.signal.aborted) this.load = { status: 'error', error };
    }
  }

  protected override render() {
    const s = this.#s;
    if (!this.#allowed) return html`<p class="state" part="refused" role="alert">${s.managersOnly}</p>`;
    return html`
      <section aria-labelledby="quality-heading" aria-busy=${this.load.status === 'loading' ? 'true' : 'false'}>
        <h2 id="quality-heading">${s.heading}</h2>
        <p class="help">${s.intro}</p>
        <div class="controls" part="controls">
          <label for="month">${s.month}</label>
          <select id="month" @change=${this.#onMonth}>
            ${monthsUpTo(this.month).map((month) => html`<option value=${month} ?selected=${month === this.month}>${formatMonthYear(this.resolvedLocale, `${month}-15T12:00:00Z`)}</option>`)}
          </select>
        </div>
        ${this.#renderBody(s)}
      </section>
    `;
  }

  readonly #onMonth = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (/^\d{4}-\d{2}$/.test(value)) this.month = value;
  };

  #renderBody(s: AgentQualityStrings) {
    if (this.load.status === 'loading') return html`<p class="state" part="loading" role="status">${s.loading}</p>`;
    if (this.load.status === 'error') {
      return html`<div class="state error" part="error" role="alert"><span>${s.loadFailed}</span>
        <button class="button secondary" part="retry" type="button" @click=${() => void this.#fetch()}>${s.retry}</button></div>`;
    }
    const { advisors } = this.load.sample;
    if (advisors.length === 0) return html`<p class="state" part="empty">${s.empty}</p>`;
    return advisors.map((entry) => html`
      <section class="advisor" part="advisor" aria-labelledby="advisor-${entry.advisor.id}">
        <h3 id="advisor-${entry.advisor.id}">${entry.advisor.pseudonym}</h3>
        <p class="help">${s.advisorSummary(entry.postCount, entry.items.length)}</p>
        ${entry.items.length === 0 ? html`<p>${s.noPosts}</p>` : entry.items.map((item) => this.#renderItem(s, item))}
      </section>`);
  }

  #renderItem(s: AgentQualityStrings, item: ReviewSampleItem) {
    const postId = item.post.id;
    const date = formatDateTimeMedium(this.resolvedLocale, item.post.createdAt);
    return html`
      <article class="item" part="item" data-post=${postId} aria-labelledby="item-${postId}">
        <h4 id="item-${postId}">${s.inThread} <a href=${this.links.href({ name: 'thread', threadId: item.threadId, postId })}>${item.threadTitle}</a></h4>
        <p class="help"><time datetime=${item.post.createdAt}>${date}</time></p>
        <!-- bodyHtml is the server's sanitized rendering of the post: the only HTML inserted here. -->
        <div class="body" part="body">${unsafeHTML(item.post.bodyHtml)}</div>
        ${renderRubricForm({
          s, locale: this.resolvedLocale, postId, draft: this.drafts.get(postId) ?? draftOf(null), saved: this.saved.get(postId) ?? null,
          score: (criterion, value) => this.#change(postId, (draft) => ({ ...draft, scores: { ...draft.scores, [criterion]: value } })),
          limit: this.#limit(postId),
          comment: (text) => {
            this.#limit(postId).track(this.resolvedLocale, text.length, REVIEW_LIMITS.rubricCommentMax);
            this.#change(postId, (draft) => ({ ...draft, comment: text }));
          },
          save: (event) => {
            event.preventDefault();
            void this.#save(postId);
          },
        })}
      </article>
    `;
  }

  #limit(postId: number): LengthLimitController {
    let limit = this.#limits.get(postId);
    if (!limit) this.#limits.set(postId, (limit = new LengthLimitController(this)));
    return limit;
  }

  #change(postId: number, update: (draft: RubricDraft) => RubricDraft): void {
    const drafts = new Map(this.drafts);
    drafts.set(postId, { ...update(drafts.get(postId) ?? draftOf(null)), error: '' });
    this.drafts = drafts;
  }

  async #save(postId: number): Promise<void> {
    const draft = this.drafts.get(postId);
    if (!draft || draft.comment.length > REVIEW_LIMITS.rubricCommentMax) return;
    const scores = draft.scores as Record<RubricCriterion, number>;
    this.#change(postId, (current) => ({ ...current, saving: true }));
    try {
      const rubric = await this.client.qualityReview.saveRubric(postId, { ...scores, ...(draft.comment.trim() ? { comment: draft.comment } : {}) });
      this.saved = new Map(this.saved).set(postId, rubric);
      this.#change(postId, () => ({ ...draftOf(rubric) }));
    } catch (error) {
      const message = isEntraideError(error) && error.status === 400 ? `${this.#s.saveFailed} ${error.message}` : this.#s.saveFailed;
      this.#change(postId, (current) => ({ ...current, saving: false }));
      this.drafts = new Map(this.drafts).set(postId, { ...this.drafts.get(postId)!, error: message });
    }
  }
}

EntraideAgentQuality.define('entraide-agent-quality');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-agent-quality': EntraideAgentQuality;
  }
}
