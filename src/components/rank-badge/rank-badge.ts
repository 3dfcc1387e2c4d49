import { consume } from '@lit/context';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { rankNamesContext } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { basics, tokens } from '../internal/shared.styles.ts';
import styles from './rank-badge.styles.ts';

/** Levels 1–15 fall into four colour bands, so the ladder reads at a glance. */
export function rankBand(level: number): 1 | 2 | 3 | 4 {
  if (level >= 12) return 4;
  if (level >= 8) return 3;
  if (level >= 4) return 2;
  return 1;
}

/**
 * @summary A member's status on the ladder: level number and status name, coloured by band.
 *
 * @tag entraide-rank-badge
 *
 * @csspart base - The pill.
 * @csspart level - The level number.
 * @csspart name - The status name.
 *
 * @cssprop [--entraide-rank-color-1=grey] - Colour of levels 1–3.
 * @cssprop [--entraide-rank-color-2=green] - Colour of levels 4–7.
 * @cssprop [--entraide-rank-color-3=blue] - Colour of levels 8–11.
 * @cssprop [--entraide-rank-color-4=amber] - Colour of levels 12 and up.
 */
export class EntraideRankBadge extends EntraideElement {
  static override styles = [tokens, basics, styles];

  /** Position on the status ladder, from 1. */
  @property({ type: Number }) level = 1;

  /** Status name, as computed by the server (e.g. "Super legend"); inside a forum, the ladder's name in the reader's language wins. */
  @property() name = '';

  /** The forum's ladder names in the reader's language (the community's texts), level 1 first. */
  @consume({ context: rankNamesContext, subscribe: true }) rankNames: readonly string[] = [];

  /** Colour band of `level` (1–4), reflected for styling. */
  @property({ type: Number, reflect: true }) band: 1 | 2 | 3 | 4 = 1;

  protected override willUpdate(): void {
    this.band = rankBand(this.level);
  }

  protected override render() {
    return html`
      <span class="badge" part="base">
        <span class="level" part="level"><span class="visually-hidden">${this.t.level} </span>${this.level}</span>
        <span part="name">${this.rankNames[this.level - 1] || this.name}</span>
      </span>
    `;
  }
}

EntraideRankBadge.define('entraide-rank-badge');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-rank-badge': EntraideRankBadge;
  }
}
