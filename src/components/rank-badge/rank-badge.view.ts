/**
 * The rank badge's markup and styles, for `<entraide-rank-badge>` and for the elements that draw
 * it inline: a post header draws it inside its own shadow root, so a 50-post thread carries no
 * badge element, shadow root or style sheet per post (server-rendered HTML, hydration).
 */
import { css, html } from 'lit';
import type { Translation } from '../translations/index.ts';

/** Levels 1–15 fall into four colour bands, so the ladder reads at a glance. */
export function rankBand(level: number): 1 | 2 | 3 | 4 {
  if (level >= 12) return 4;
  if (level >= 8) return 3;
  if (level >= 4) return 2;
  return 1;
}

/** The `part` names of the badge's pieces: the element's own, or a host's (`rank`, `rank-level`…). */
export interface RankBadgeParts {
  base: string;
  level: string;
  name: string;
}

export const OWN_PARTS: RankBadgeParts = { base: 'base', level: 'level', name: 'name' };

/** The badge of `level`; the ladder's name in the reader's language (`rankNames`) wins over `name`. */
export function renderRankBadge(t: Translation, level: number, name: string, rankNames: readonly string[], parts: RankBadgeParts = OWN_PARTS) {
  return html`
    <span class="badge" part=${parts.base} data-band=${rankBand(level)}>
      <span class="level" part=${parts.level}><span class="visually-hidden">${t.level} </span>${level}</span>
      <span part=${parts.name}>${rankNames[level - 1] || name}</span>
    </span>
  `;
}

export const rankBadgeStyles = css`
  .badge {
    --_band-color: var(--entraide-rank-color-1, light-dark(#4f5868, #aab2c0));
    display: inline-flex;
    vertical-align: middle;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: 0 calc(var(--_space) * 0.75) 0 0;
    border: 1px solid var(--_band-color);
    border-radius: 999px;
    color: var(--_band-color);
    font-size: 0.8125em;
    font-weight: 600;
    line-height: 1.6;
    white-space: nowrap;
  }

  .badge[data-band='2'] {
    --_band-color: var(--entraide-rank-color-2, light-dark(#1e6b34, #8fd9a0));
  }

  .badge[data-band='3'] {
    --_band-color: var(--entraide-rank-color-3, light-dark(#0a58ca, #8ab4ff));
  }

  .badge[data-band='4'] {
    --_band-color: var(--entraide-rank-color-4, light-dark(#8a4b00, #ffc46b));
  }

  .level {
    min-width: 1.6em;
    padding: 0 0.35em;
    border-radius: 999px;
    background: var(--_band-color);
    color: var(--_color-surface);
    text-align: center;
  }
`;
