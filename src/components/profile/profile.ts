import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isStaff, type Role } from '../../core/index.ts';
import { isEntraideError, type EntraideClient } from '../../sdk/index.ts';
import type { MemberAnswer, MemberProfile, ThreadSummary } from '../../sdk/types.ts';
import { clientContext, defaultClient, hashLinks, linksContext } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
// The profile's and the article page's routes live past the read path: this chunk adds them to the forum's client.
import '../internal/staff-client.ts';
import { formatDateTime, formatMonthYear, formatRelative } from '../internal/format.ts';
import type { Links } from '../internal/router.ts';
import { controls, statusChip, tokens } from '../internal/shared.styles.ts';
import '../rank-badge/rank-badge.ts';
import { ProfilePages } from './pages.ts';
import styles from './profile.styles.ts';
import { profileStrings, type ProfileStrings } from './strings.ts';

/**
 * @summary A member's public profile: status and the progress toward the next one with the
 * public criteria, participation counts, join date, and their questions and answers, a page at
 * a time. Shows only what any reader can read in the threads.
 *
 * @tag entraide-profile
 *
 * @csspart header - Pseudonym, status badge and join date.
 * @csspart stats - The participation counts.
 * @csspart progress - The next status, the score and seniority bars, and how points count.
 * @csspart threads - The list of questions asked.
 * @csspart answers - The list of answers, each with its accepted and confirmed chips.
 * @csspart more - A "Show more" button under a list.
 * @csspart loading - The loading message.
 * @csspart error - The error message (with a retry unless the member does not exist).
 *
 * @cssprop [--entraide-color-accent] - Links and the progress bars.
 */
export class EntraideProfile extends EntraideElement {
  static override styles = [tokens, controls, statusChip, styles];

  /** The member whose profile to show. */
  @property({ type: Number, attribute: 'member-id' }) memberId = 0;

  /** Items per page of the questions and answers lists. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** The API client: the forum's, or one on `/api` when used alone. */
  @consume({ context: clientContext, subscribe: true }) client: EntraideClient = defaultClient();
  /** How links are written: the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  readonly #profile = new Task(this, {
    args: () => [this.client, this.memberId] as const,
    task: ([client, memberId], { signal }) => client.members.get(memberId, { signal }),
  });

  readonly #threads = new ProfilePages<ThreadSummary>(this, (id, cursor, signal) => this.client.members.threads(id, { cursor, limit: this.pageSize }, { signal }));
  readonly #answers = new ProfilePages<MemberAnswer>(this, (id, cursor, signal) => this.client.members.answers(id, { cursor, limit: this.pageSize }, { signal }));

  get #s(): ProfileStrings {
    return profileStrings[this.resolvedLocale];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('memberId') || changed.has('client')) && this.memberId > 0) {
      this.#threads.reset(this.memberId);
      this.#answers.reset(this.memberId);
    }
  }

  protected override render() {
    const s = this.#s;
    return this.#profile.render({
      pending: () => html`<p class="state" part="loading" role="status">${s.loading}</p>`,
      complete: (profile) => this.#renderProfile(s, profile),
      error: (error) => this.#renderError(s, error),
    });
  }

  #renderError(s: ProfileStrings, error: unknown) {
    const gone = isEntraideError(error) && (error.status === 404 || error.status === 400);
    return html`
      <div class="state error" part="error" role="alert">
        <span>${gone ? s.notFound : s.loadFailed}</span>
        ${gone
          ? html`<a href=${this.links.href({ name: 'categories' })}>${s.backToForum}</a>`
          : html`<button class="button secondary" type="button" @click=${() => void this.#profile.run()}>${s.retry}</button>`}
      </div>
    `;
  }

  #renderProfile(s: ProfileStrings, profile: MemberProfile) {
    const locale = this.resolvedLocale;
    const role = !isStaff(profile.role) ? nothing : html`<span class="muted">${s[profile.role as Exclude<Role, 'member'>]}${profile.team ? ` · ${profile.team}` : ''}</span>`;
    return html`
      <header part="header">
        <div class="head">
          <h2 tabindex="-1">${s.heading(profile.pseudonym)}</h2>
          <entraide-rank-badge level=${profile.rank.level} name=${profile.rank.name}></entraide-rank-badge>
          ${role}
        </div>
        <p class="joined">${s.joined(formatMonthYear(locale, profile.joinedAt))}</p>
      </header>
      <ul class="stats" part="stats" aria-label=${s.statsLabel}>
        <li>${s.posts(profile.postCount)}</li>
        <li>${s.questions(profile.questions)}</li>
        <li>${s.accepted(profile.acceptedAnswers)}</li>
        <li>${s.confirmed(profile.confirmedAnswers)}</li>
        <li>${s.kudos(profile.kudosReceived)}</li>
      </ul>
      ${isStaff(profile.role) ? nothing : this.#renderProgress(s, profile)}
      <section part="threads" aria-labelledby="threads-heading">
        <h3 id="threads-heading">${s.threadsHeading}</h3>
        ${this.#renderList(s, this.#threads, s.noThreads, (thread) => this.#renderThread(thread))}
      </section>
      <section part="answers" aria-labelledby="answers-heading">
        <h3 id="answers-heading">${s.answersHeading}</h3>
        ${this.#renderList(s, this.#answers, s.noAnswers, (answer) => this.#renderAnswer(s, answer))}
      </section>
    `;
  }

  #renderProgress(s: ProfileStrings, { rank, progress }: MemberProfile) {
    const numbers = new Intl.NumberFormat(this.resolvedLocale);
    const { next, weights } = progress;
    if (!next) return html`<section class="progress" part="progress"><h3>${s.progressHeading}</h3><p>${s.topRank(rank.name)}</p></section>`;
    const name = next.names?.[this.resolvedLocale] ?? next.name;
    const bar = (have: number, need: number, label: string) => html`
      <p id=${label}>${label === 'score' ? s.score(numbers.format(have), numbers.format(need)) : s.days(numbers.format(have), numbers.format(need))}</p>
      <progress aria-labelledby=${label} max=${Math.max(need, 1)} value=${Math.min(have, need)}></progress>`;
    const criteria = s.criteria({ post: numbers.format(weights.post), acceptedAnswer: numbers.format(weights.acceptedAnswer), confirmedAnswer: numbers.format(weights.confirmedAnswer), kudos: numbers.format(weights.kudos) });
    return html`
      <section class="progress" part="progress" aria-labelledby="progress-heading">
        <h3 id="progress-heading">${s.progressHeading}</h3>
        <p>${s.nextRank(name, next.level)}</p>
        ${bar(progress.score, next.minScore, 'score')}
        ${next.minDays > 0 ? bar(progress.daysSinceJoining, next.minDays, 'days') : nothing}
        <p class="muted">${s.criteriaHeading}</p>
        <ul class="criteria">${criteria.map((line) => html`<li>${line}</li>`)}</ul>
      </section>
    `;
  }

  #renderList<T>(s: ProfileStrings, pages: ProfilePages<T>, empty: string, item: (value: T) => TemplateResult) {
    if (pages.pending && !pages.error) return html`<p class="state" role="status">${s.loading}</p>`;
    if (!pages.pending && pages.items.length === 0) return html`<p class="state muted">${empty}</p>`;
    return html`
      ${pages.items.length ? html`<ul class="list">${pages.items.map((value) => html`<li>${item(value)}</li>`)}</ul>` : nothing}
      ${pages.error ? html`<p class="state error" role="alert">${s.loadFailed}</p>` : nothing}
      ${pages.nextCursor || pages.error
        ? html`<button class="button secondary more" part="more" type="button" ?disabled=${pages.loading} @click=${() => void pages.next()}>
            ${pages.loading ? s.loadingMore : pages.error ? s.retry : s.more}</button>`
        : nothing}
    `;
  }

  #renderThread(thread: ThreadSummary) {
    const { t } = this;
    return html`
      <a href=${this.links.href({ name: 'thread', threadId: thread.id, title: thread.title })}>${thread.title}</a>
      <div class="meta">
        <span class="status ${thread.status}">${t.threadStatus[thread.status]}</span>
        ${this.#time(thread.createdAt)}
      </div>
    `;
  }

  #renderAnswer(s: ProfileStrings, answer: MemberAnswer) {
    return html`
      <a href=${this.links.href({ name: 'thread', threadId: answer.threadId, title: answer.threadTitle, postId: answer.postId })}>${s.inThread(answer.threadTitle)}</a>
      <p class="excerpt">${answer.excerpt}</p>
      <div class="meta">
        ${answer.accepted ? html`<span class="status solved">${s.acceptedChip}</span>` : nothing}
        ${answer.confirmed ? html`<span class="status answered">${s.confirmedChip}</span>` : nothing}
        <span>${s.kudosCount(answer.kudosCount)}</span>
        ${this.#time(answer.createdAt)}
      </div>
    `;
  }

  #time(iso: string) {
    const locale = this.resolvedLocale;
    return html`<time datetime=${iso} title=${formatDateTime(locale, iso)}>${formatRelative(locale, iso)}</time>`;
  }
}

EntraideProfile.define('entraide-profile');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-profile': EntraideProfile;
  }
}
