import { consume } from '@lit/context';
import { property } from 'lit/decorators.js';
import { rankNamesContext } from '../internal/context.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { basics, tokens } from '../internal/shared.styles.ts';
import styles from './rank-badge.styles.ts';
import { rankBadgeStyles, rankBand, renderRankBadge } from './rank-badge.view.ts';


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
  static override styles = [tokens, basics, rankBadgeStyles, styles];

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
    return renderRankBadge(this.t, this.level, this.name, this.rankNames);
  }
}

EntraideRankBadge.define('entraide-rank-badge');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-rank-badge': EntraideRankBadge;
  }
}
