import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Author } from '../../sdk/types.ts';
import { isStaff } from '../../core/index.ts';
import { MinuteClock } from '../internal/clock.ts';
import { hashLinks, linksContext } from '../internal/context.ts';
import type { Links } from '../internal/router.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { formatDateTime, formatMonthYear, formatRelative } from '../internal/format.ts';
import { basics, tokens } from '../internal/shared.styles.ts';
import '../rank-badge/rank-badge.ts';
import styles from './post-header.styles.ts';

/** Up to two letters from the pseudonym's words ("Pix37" → "P", "jean_luc" → "JL"). */
export function initials(pseudonym: string): string {
  const words = pseudonym.split(/[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})/u).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => [...word][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/**
 * @summary Who wrote a post and when (study §22): pseudonym, role for advisors, status on the
 * ladder, post count, join date and the posted time.
 *
 * @tag entraide-post-header
 *
 * @csspart base - The header grid.
 * @csspart avatar - The initials bubble.
 * @csspart pseudonym - The author's pseudonym, a link to their profile.
 * @csspart role - The advisor or moderator badge, with the team.
 * @csspart rank - The `<entraide-rank-badge>`.
 * @csspart post-count - The author's post count.
 * @csspart joined - The join date.
 * @csspart posted - The `<time>` the post was written.
 *
 * @cssprop [--entraide-avatar-size=2.5rem] - Diameter of the initials bubble.
 */
export class EntraidePostHeader extends EntraideElement {
  static override styles = [tokens, basics, styles];

  /** The author, as the API describes them. */
  @property({ attribute: false }) author: Author | null = null;

  /** When the post was written (ISO 8601); the posted time is hidden when absent. */
  @property({ attribute: 'posted-at' }) postedAt: string | undefined = undefined;

  /** How links are written (the pseudonym links to the profile): the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  /** Set when the author is staff (advisor or moderator), for styling. */
  @property({ type: Boolean, reflect: true }) advisor = false;

  constructor() {
    super();
    new MinuteClock(this);
  }

  protected override willUpdate(): void {
    this.advisor = this.author ? isStaff(this.author.role) : false;
  }

  protected override render() {
    const author = this.author;
    if (!author) return nothing;
    const { t } = this;
    return html`
      <div class="header" part="base">
        <span class="avatar" part="avatar" aria-hidden="true">${initials(author.pseudonym)}</span>
        <div class="identity">
          <a class="pseudonym" part="pseudonym" href=${this.links.href({ name: 'member', memberId: author.id })}>${author.pseudonym}</a>
          ${this.advisor ? html`<span class="role" part="role">${t.roleBadge(author.role, author.team)}</span>` : nothing}
          <entraide-rank-badge part="rank" .level=${author.rank.level} .name=${author.rank.name}></entraide-rank-badge>
        </div>
        <div class="meta">
          <span part="post-count">${t.postCount(author.postCount)}</span>
          <span part="joined">${t.memberSince(formatMonthYear(t.locale, author.joinedAt))}</span>
        </div>
        ${this.#renderPosted()}
      </div>
    `;
  }

  #renderPosted() {
    if (!this.postedAt) return nothing;
    const { locale } = this.t;
    const absolute = formatDateTime(locale, this.postedAt);
    return html`
      <div class="posted">
        <time part="posted" datetime=${this.postedAt} title=${absolute}>${formatRelative(locale, this.postedAt)}</time>
        <span class="visually-hidden">(${this.t.postedOn(absolute)})</span>
      </div>
    `;
  }
}

EntraidePostHeader.define('entraide-post-header');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-post-header': EntraidePostHeader;
  }
}
