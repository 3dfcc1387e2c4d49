/**
 * The post header's markup and styles, for `<entraide-post-header>` and for `<entraide-post>`,
 * which draws it inside its own shadow root: a 50-post thread then carries no header or badge
 * element, shadow root or style sheet per post (the server-rendered page's size, and one
 * hydration and one set of context requests per post instead of three).
 */
import { css, html, nothing } from 'lit';
import type { Author } from '../../sdk/types.ts';
import { isStaff } from '../../core/index.ts';
import { formatDateTime, formatMonthYear, formatRelative } from '../internal/format.ts';
import type { Links } from '../internal/router.ts';
import type { Translation } from '../translations/index.ts';
import { rankBadgeStyles, renderRankBadge, type RankBadgeParts } from '../rank-badge/rank-badge.view.ts';

/** Up to two letters from the pseudonym's words ("Pix37" → "P", "jean_luc" → "JL"). */
export function initials(pseudonym: string): string {
  const words = pseudonym.split(/[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})/u).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => [...word][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/** What a header shows, and the `part` of its grid (`base` in the element, `header` in a post). */
export interface PostHeaderView {
  t: Translation;
  links: Links;
  author: Author;
  postedAt: string | undefined;
  rankNames: readonly string[];
  basePart: string;
}

/** The badge's parts inside a header: `rank` for the pill, as the element's `rank` part always was. */
const BADGE_PARTS: RankBadgeParts = { base: 'rank', level: 'rank-level', name: 'rank-name' };

export function renderPostHeader({ t, links, author, postedAt, rankNames, basePart }: PostHeaderView) {
  const advisor = isStaff(author.role);
  return html`
    <div class="header ${advisor ? 'advisor' : ''}" part=${basePart}>
      <span class="avatar" part="avatar" aria-hidden="true">${initials(author.pseudonym)}</span>
      <div class="identity">
        <a class="pseudonym" part="pseudonym" href=${links.href({ name: 'member', memberId: author.id })}>${author.pseudonym}</a>
        ${advisor ? html`<span class="role" part="role">${t.roleBadge(author.role, author.team)}</span>` : nothing}
        ${renderRankBadge(t, author.rank.level, author.rank.name, rankNames, BADGE_PARTS)}
      </div>
      <div class="meta">
        <span part="post-count">${t.postCount(author.postCount)}</span>
        <span part="joined">${t.memberSince(formatMonthYear(t.locale, author.joinedAt))}</span>
      </div>
      ${postedAt ? renderPosted(t, postedAt) : nothing}
    </div>
  `;
}

function renderPosted(t: Translation, postedAt: string) {
  const absolute = formatDateTime(t.locale, postedAt);
  return html`
    <div class="posted">
      <time part="posted" datetime=${postedAt} title=${absolute}>${formatRelative(t.locale, postedAt)}</time>
      <span class="visually-hidden">(${t.postedOn(absolute)})</span>
    </div>
  `;
}

export const postHeaderStyles = [
  rankBadgeStyles,
  css`
    .header {
      --_avatar-size: var(--entraide-avatar-size, 2.5rem);
      display: grid;
      grid-template-columns: var(--_avatar-size) minmax(0, 1fr);
      gap: 0 calc(var(--_space) * 1.5);
      align-items: start;
    }

    .avatar {
      grid-row: span 3;
      display: grid;
      place-items: center;
      width: var(--_avatar-size);
      height: var(--_avatar-size);
      border-radius: 50%;
      background: var(--_color-surface-alt);
      border: 1px solid var(--_color-border);
      color: var(--_color-text);
      font-weight: 700;
      font-size: 0.9em;
    }

    .advisor .avatar {
      background: var(--_color-advisor);
      border-color: var(--_color-advisor);
      color: var(--_color-surface);
    }

    .identity {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) / 2) var(--_space);
      min-width: 0;
    }

    .pseudonym {
      font-weight: 700;
      overflow-wrap: anywhere;
    }

    .role {
      padding: 0 var(--_space);
      border-radius: var(--_radius);
      background: var(--_color-advisor);
      color: var(--_color-surface);
      font-size: 0.8125em;
      font-weight: 600;
    }

    .meta,
    .posted {
      color: var(--_color-muted);
      font-size: 0.875em;
    }

    .meta span + span::before {
      content: ' · ';
    }
  `,
];
