import { consume } from '@lit/context';
import { nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Author } from '../../sdk/types.ts';
import { isStaff } from '../../core/index.ts';
import { MinuteClock } from '../internal/clock.ts';
import { hashLinks, linksContext, rankNamesContext } from '../internal/context.ts';
import type { Links } from '../internal/router.ts';
import { EntraideElement } from '../internal/entraide-element.ts';
import { basics, tokens } from '../internal/shared.styles.ts';
import styles from './post-header.styles.ts';
import { postHeaderStyles, renderPostHeader } from './post-header.view.ts';


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
 * @csspart rank - The status pill (level and name, coloured by band; `--entraide-rank-color-*`).
 * @csspart rank-level - The level number in the pill.
 * @csspart rank-name - The status name in the pill.
 * @csspart post-count - The author's post count.
 * @csspart joined - The join date.
 * @csspart posted - The `<time>` the post was written.
 *
 * @cssprop [--entraide-avatar-size=2.5rem] - Diameter of the initials bubble.
 */
export class EntraidePostHeader extends EntraideElement {
  static override styles = [tokens, basics, postHeaderStyles, styles];

  /** The author, as the API describes them. */
  @property({ attribute: false }) author: Author | null = null;

  /** When the post was written (ISO 8601); the posted time is hidden when absent. */
  @property({ attribute: 'posted-at' }) postedAt: string | undefined = undefined;

  /** How links are written (the pseudonym links to the profile): the forum's routing, or hash routes when used alone. */
  @consume({ context: linksContext, subscribe: true }) links: Links = hashLinks;

  /** The forum's ladder names in the reader's language, level 1 first (the status pill). */
  @consume({ context: rankNamesContext, subscribe: true }) rankNames: readonly string[] = [];

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
    const { author, postedAt, links, rankNames } = this;
    return author ? renderPostHeader({ t: this.t, links, author, postedAt, rankNames, basePart: 'base' }) : nothing;
  }
}

EntraidePostHeader.define('entraide-post-header');

declare global {
  interface HTMLElementTagNameMap {
    'entraide-post-header': EntraidePostHeader;
  }
}
